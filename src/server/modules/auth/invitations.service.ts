import type { Kysely } from 'kysely';
import type { DB, Role } from '../../../db/schema.js';
import { DomainError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { normaliseEmail } from '../../../domain/normalise.js';
import { newSecret, secretHash } from '../../../domain/secrets.js';
import { insertUser } from '../workspaces/workspace-setup.js';
import type { Actor } from './actor.js';
import { startSession } from './auth.service.js';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

type InvitationRow = {
  id: string;
  email: string;
  role: Role;
  team_id: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
};

const toInvitation = (row: InvitationRow) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  teamId: row.team_id,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  acceptedAt: row.accepted_at?.toISOString() ?? null,
});

export async function createInvitation(
  db: Kysely<DB>,
  actor: Actor,
  input: { email: string; role: Role; teamId?: string | null | undefined },
  baseUrl: string,
) {
  // Managers may invite reps into their own teams; only admins invite managers and admins.
  if (actor.role === 'rep') throw forbidden('Only admins and managers can invite people');
  if (actor.role === 'manager' && input.role !== 'rep') {
    throw forbidden('Managers can invite reps only');
  }
  const email = normaliseEmail(input.email);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing)
    throw new DomainError('duplicate', 'A user with this email already exists', 'email');
  if (input.teamId) {
    const team = await db
      .selectFrom('teams')
      .select(['id', 'manager_id'])
      .where('id', '=', input.teamId)
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!team) throw invalid('teamId', 'No such team in this workspace');
    if (actor.role === 'manager' && team.manager_id !== actor.id) {
      throw forbidden('Managers can invite into the teams they lead only');
    }
  }
  const token = newSecret();
  const row = await db
    .insertInto('invitations')
    .values({
      workspace_id: actor.workspaceId,
      email,
      role: input.role,
      team_id: input.teamId ?? null,
      token_hash: secretHash(token),
      invited_by: actor.id,
      expires_at: new Date(Date.now() + INVITATION_TTL_MS),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toInvitation(row), token, url: `${baseUrl}/invite/${token}` };
}

export async function listInvitations(db: Kysely<DB>, actor: Actor) {
  if (actor.role === 'rep') throw forbidden();
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toInvitation);
}

export async function revokeInvitation(db: Kysely<DB>, actor: Actor, id: string) {
  if (actor.role === 'rep') throw forbidden();
  const row = await db
    .deleteFrom('invitations')
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .where('accepted_at', 'is', null)
    .$if(actor.role === 'manager', (q) => q.where('invited_by', '=', actor.id))
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Invitation');
}

async function findOpenInvitation(db: Kysely<DB>, token: string) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .selectAll('invitations')
    .select('workspaces.name as workspace_name')
    .where('token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row || row.accepted_at || row.expires_at < new Date()) {
    throw notFound('Invitation (it may have expired or been used)');
  }
  return row;
}

export async function previewInvitation(db: Kysely<DB>, token: string) {
  const row = await findOpenInvitation(db, token);
  return { email: row.email, role: row.role, workspaceName: row.workspace_name };
}

/** Accepting creates the user, joins the team and opens a session, all or nothing. */
export async function acceptInvitation(
  db: Kysely<DB>,
  token: string,
  input: { name: string; password: string },
) {
  return db.transaction().execute(async (trx) => {
    const inv = await findOpenInvitation(trx, token);
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: new Date() })
      .where('id', '=', inv.id)
      .where('accepted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw notFound('Invitation (it may have expired or been used)');
    const user = await insertUser(trx, inv.workspace_id, {
      email: inv.email,
      name: input.name,
      role: inv.role,
      password: input.password,
    });
    if (inv.team_id) {
      await trx
        .insertInto('team_members')
        .values({ team_id: inv.team_id, user_id: user.id })
        .execute();
    }
    return { userId: user.id, session: await startSession(trx, user.id) };
  });
}
