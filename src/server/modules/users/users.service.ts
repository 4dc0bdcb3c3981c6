import type { Kysely } from 'kysely';
import type { DB, Role } from '../../../db/schema.js';
import { forbidden, invalid, notFound, unprocessable } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';

export async function getMe(db: Kysely<DB>, userId: string) {
  const row = await db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
      'users.timezone',
      'workspaces.id as workspace_id',
      'workspaces.name as workspace_name',
      'workspaces.deal_visibility',
      'workspaces.default_currency',
      'workspaces.timezone as workspace_timezone',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    timezone: row.timezone,
    workspace: {
      id: row.workspace_id,
      name: row.workspace_name,
      dealVisibility: row.deal_visibility,
      defaultCurrency: row.default_currency,
      timezone: row.workspace_timezone,
    },
  };
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: 'en' | 'vi';
  timezone: string | null;
  active: boolean;
  digest_enabled: boolean;
  digest_hour: number;
  version: number;
  created_at: Date;
  team_ids: string[] | null;
};

const toUser = (r: UserRow) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  timezone: r.timezone,
  active: r.active,
  digestEnabled: r.digest_enabled,
  digestHour: r.digest_hour,
  teamIds: r.team_ids ?? [],
  version: r.version,
  createdAt: r.created_at.toISOString(),
});

function selectUsers(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.locale',
      'users.timezone',
      'users.active',
      'users.digest_enabled',
      'users.digest_hour',
      'users.version',
      'users.created_at',
      eb
        .selectFrom('team_members')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['team_members.team_id']).as('ids'))
        .whereRef('team_members.user_id', '=', 'users.id')
        .as('team_ids'),
    ])
    .where('users.workspace_id', '=', workspaceId);
}

// Everyone in a workspace may see its people (names on deals, owner pickers).
export async function listUsers(db: Kysely<DB>, actor: Actor) {
  const rows = await selectUsers(db, actor.workspaceId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map(toUser);
}

export async function getUser(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await selectUsers(db, actor.workspaceId)
    .where('users.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return toUser(row);
}

export type UserUpdate = {
  version: number;
  name?: string | undefined;
  role?: Role | undefined;
  locale?: 'en' | 'vi' | undefined;
  timezone?: string | null | undefined;
  active?: boolean | undefined;
  digestEnabled?: boolean | undefined;
  digestHour?: number | undefined;
};

export async function updateUser(db: Kysely<DB>, actor: Actor, id: string, input: UserUpdate) {
  const self = id === actor.id;
  const adminOnly = input.role !== undefined || input.active !== undefined;
  if (adminOnly && actor.role !== 'admin')
    throw forbidden('Only admins can change roles or deactivate users');
  if (!self && actor.role !== 'admin') throw forbidden('You can change your own profile only');
  if (self && ((input.role !== undefined && input.role !== 'admin') || input.active === false)) {
    throw unprocessable('You cannot demote or deactivate yourself; ask another admin', 'role');
  }
  const updated = await db
    .updateTable('users')
    .set((eb) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.timezone !== undefined && { timezone: input.timezone }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.digestEnabled !== undefined && { digest_enabled: input.digestEnabled }),
      ...(input.digestHour !== undefined && { digest_hour: input.digestHour }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(
    updated,
    'User',
    async () =>
      (
        await db
          .selectFrom('users')
          .select('version')
          .where('id', '=', id)
          .where('workspace_id', '=', actor.workspaceId)
          .executeTakeFirst()
      )?.version,
  );
  if (input.active === false) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  return getUser(db, actor, id);
}

/** Ensures every id is a user of the workspace; names the field otherwise. */
export async function assertWorkspaceUsers(
  db: Kysely<DB>,
  workspaceId: string,
  ids: string[],
  field: string,
) {
  if (!ids.length) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size) throw invalid(field, 'No such user in this workspace');
}
