import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { normaliseEmail } from '../../../domain/normalise.js';
import { decoyHash, newSecret, secretHash, verifyPassword } from '../../../domain/secrets.js';
import { createWorkspace } from '../workspaces/workspace-setup.js';
import type { AuthUser } from './actor.js';
import * as repo from './auth.repository.js';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

type AuthRow = {
  id: string;
  workspace_id: string;
  role: AuthUser['role'];
  email: string;
  name: string;
  deal_visibility: AuthUser['visibility'];
};

const toAuthUser = (row: AuthRow, via: AuthUser['via']): AuthUser => ({
  id: row.id,
  workspaceId: row.workspace_id,
  role: row.role,
  email: row.email,
  name: row.name,
  visibility: row.deal_visibility,
  via,
});

export async function startSession(db: Kysely<DB>, userId: string, now = new Date()) {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.insertSession(db, { tokenHash: secretHash(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function signup(
  db: Kysely<DB>,
  input: { workspaceName: string; name: string; email: string; password: string },
) {
  const { admin } = await createWorkspace(db, {
    name: input.workspaceName,
    admin: { email: input.email, name: input.name, password: input.password, role: 'admin' },
  });
  return { userId: admin.id, session: await startSession(db, admin.id) };
}

export async function login(
  db: Kysely<DB>,
  input: { email: string; password: string; ip: string },
  now = new Date(),
) {
  const email = normaliseEmail(input.email);
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    repo.countRecentFailures(db, 'email', email, since),
    repo.countRecentFailures(db, 'ip', input.ip, since),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw new DomainError(
      'rate_limited',
      'Too many failed sign-in attempts; wait 15 minutes and try again',
      undefined,
      { retryAfterSeconds: FAILURE_WINDOW_MS / 1000 },
    );
  }
  const user = await repo.findUserForLogin(db, email);
  const ok = user
    ? user.active && (await verifyPassword(user.password_hash, input.password))
    : await verifyPassword(await decoyHash(), input.password).then(() => false);
  if (!user || !ok) {
    await repo.recordFailure(db, email, input.ip, now);
    throw new DomainError('unauthenticated', 'Email or password is wrong');
  }
  await repo.clearFailures(db, email);
  return { userId: user.id, session: await startSession(db, user.id, now) };
}

export async function logout(db: Kysely<DB>, sessionToken: string): Promise<void> {
  await repo.deleteSession(db, secretHash(sessionToken));
}

export async function userFromSession(db: Kysely<DB>, token: string): Promise<AuthUser | null> {
  const row = await repo.findUserBySession(db, secretHash(token), new Date());
  return row ? toAuthUser(row, 'session') : null;
}

export async function userFromApiToken(db: Kysely<DB>, token: string): Promise<AuthUser | null> {
  const row = await repo.findUserByApiToken(db, secretHash(token));
  if (!row) return null;
  const now = new Date();
  // Write last-use at most once a minute so that busy API clients do not write on every call.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await repo.touchApiToken(db, row.token_id, now);
  }
  return toAuthUser(row, 'token');
}
