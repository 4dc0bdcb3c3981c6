import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { assertWorkspaceUsers } from './users.service.js';

type TeamInput = {
  name?: string | undefined;
  managerId?: string | null | undefined;
  memberIds?: string[] | undefined;
};

async function loadTeams(db: Kysely<DB>, workspaceId: string, id?: string) {
  const rows = await db
    .selectFrom('teams')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.manager_id',
      'teams.version',
      eb
        .selectFrom('team_members')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['team_members.user_id']).as('ids'))
        .whereRef('team_members.team_id', '=', 'teams.id')
        .as('member_ids'),
    ])
    .where('teams.workspace_id', '=', workspaceId)
    .$if(id !== undefined, (qb) => qb.where('teams.id', '=', id as string))
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    managerId: r.manager_id,
    memberIds: r.member_ids ?? [],
    version: r.version,
  }));
}

export const listTeams = (db: Kysely<DB>, actor: Actor) => loadTeams(db, actor.workspaceId);

export async function getTeam(db: Kysely<DB>, actor: Actor, id: string) {
  const [team] = await loadTeams(db, actor.workspaceId, id);
  if (!team) throw notFound('Team');
  return team;
}

async function validate(db: Kysely<DB>, actor: Actor, input: TeamInput) {
  if (actor.role !== 'admin') throw forbidden('Only admins manage teams');
  if (input.managerId) {
    const manager = await db
      .selectFrom('users')
      .select('role')
      .where('id', '=', input.managerId)
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!manager) throw invalid('managerId', 'No such user in this workspace');
    if (manager.role === 'rep')
      throw invalid('managerId', 'A team is led by a manager or an admin');
  }
  if (input.memberIds)
    await assertWorkspaceUsers(db, actor.workspaceId, input.memberIds, 'memberIds');
}

async function nameTaken(db: Kysely<DB>, workspaceId: string, name: string, exceptId?: string) {
  const row = await db
    .selectFrom('teams')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  if (row) throw conflict('A team with this name already exists', 'name');
}

export async function createTeam(
  db: Kysely<DB>,
  actor: Actor,
  input: Required<Pick<TeamInput, 'name'>> & TeamInput,
) {
  await validate(db, actor, input);
  await nameTaken(db, actor.workspaceId, input.name);
  const id = await db.transaction().execute(async (trx) => {
    const team = await trx
      .insertInto('teams')
      .values({
        workspace_id: actor.workspaceId,
        name: input.name,
        manager_id: input.managerId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = [...new Set(input.memberIds ?? [])];
    if (members.length) {
      await trx
        .insertInto('team_members')
        .values(members.map((user_id) => ({ team_id: team.id, user_id })))
        .execute();
    }
    return team.id;
  });
  return getTeam(db, actor, id);
}

export async function updateTeam(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: TeamInput & { version: number },
) {
  await validate(db, actor, input);
  if (input.name) await nameTaken(db, actor.workspaceId, input.name, id);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('teams')
      .set((eb) => ({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.managerId !== undefined && { manager_id: input.managerId }),
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
      'Team',
      async () =>
        (
          await trx
            .selectFrom('teams')
            .select('version')
            .where('id', '=', id)
            .where('workspace_id', '=', actor.workspaceId)
            .executeTakeFirst()
        )?.version,
    );
    if (input.memberIds) {
      await trx.deleteFrom('team_members').where('team_id', '=', id).execute();
      const members = [...new Set(input.memberIds)];
      if (members.length) {
        await trx
          .insertInto('team_members')
          .values(members.map((user_id) => ({ team_id: id, user_id })))
          .execute();
      }
    }
  });
  return getTeam(db, actor, id);
}

export async function deleteTeam(db: Kysely<DB>, actor: Actor, id: string) {
  if (actor.role !== 'admin') throw forbidden('Only admins manage teams');
  const row = await db
    .deleteFrom('teams')
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Team');
}
