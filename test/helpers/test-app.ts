import type { Kysely } from 'kysely';
import type { DB, Role } from '../../src/db/schema.js';
import { buildApp } from '../../src/server/app.js';
import type { TypedApp } from '../../src/server/app-context.js';
import { loadConfig } from '../../src/server/config.js';
import { createApiToken } from '../../src/server/modules/auth/tokens.service.js';
import {
  createWorkspace,
  insertUser,
} from '../../src/server/modules/workspaces/workspace-setup.js';
import { createTestDatabase } from './test-db.js';

export type TestApp = {
  app: TypedApp;
  db: Kysely<DB>;
  close: () => Promise<void>;
};

export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ db: database.db, config });
  await app.ready();
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type TestUser = {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  /** Headers that authenticate as this user (a bearer API token). */
  headers: { authorization: string };
};

async function withToken(
  db: Kysely<DB>,
  user: { id: string; workspace_id: string; email: string; role: Role },
): Promise<TestUser> {
  const token = await createApiToken(db, user.id, 'test');
  return {
    id: user.id,
    workspaceId: user.workspace_id,
    email: user.email,
    role: user.role,
    headers: { authorization: `Bearer ${token.token}` },
  };
}

/** A new workspace (with default pipelines) and its admin; no password, so no hashing cost. */
export async function workspaceFactory(db: Kysely<DB>, overrides: { name?: string } = {}) {
  const { workspace, admin } = await createWorkspace(db, {
    name: overrides.name ?? `Workspace ${unique()}`,
    admin: {
      email: `admin-${unique()}@example.test`,
      name: 'Admin',
      role: 'admin',
      password: null,
    },
  });
  return { workspaceId: workspace.id, admin: await withToken(db, admin) };
}

export async function userFactory(
  db: Kysely<DB>,
  workspaceId: string,
  overrides: { role?: Role; name?: string; email?: string; password?: string | null } = {},
): Promise<TestUser> {
  const user = await insertUser(db, workspaceId, {
    email: overrides.email ?? `user-${unique()}@example.test`,
    name: overrides.name ?? `User ${unique()}`,
    role: overrides.role ?? 'rep',
    password: overrides.password ?? null,
  });
  return withToken(db, user);
}
