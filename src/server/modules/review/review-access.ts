// Whose pipeline the caller may review: reps their own; managers themselves, the teams they lead
// and those teams' members; admins anyone in the workspace. A person or team of another workspace
// is not found, as if it did not exist.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';

export type ReviewSubject = {
  ownerId: string | null;
  teamId: string | null;
  name: string;
  /** The owners whose deals the review reads: the rep, or the team's members. */
  owners: string[];
};

export type ScopeInput = { ownerId?: string | undefined; teamId?: string | undefined };

const ledBy = (db: Kysely<DB>, actor: Actor) =>
  db.selectFrom('teams').select('id').where('manager_id', '=', actor.id);

async function reviewTeam(db: Kysely<DB>, actor: Actor, teamId: string): Promise<ReviewSubject> {
  const team = await db
    .selectFrom('teams')
    .select(['id', 'name', 'manager_id'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw notFound('Team');
  if (actor.role === 'rep') throw forbidden('Reps review their own pipeline only');
  if (actor.role === 'manager' && team.manager_id !== actor.id) {
    throw forbidden('Managers review the teams they lead and their members only');
  }
  const members = await db
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .execute();
  return { ownerId: null, teamId, name: team.name, owners: members.map((m) => m.user_id) };
}

async function reviewOwner(db: Kysely<DB>, actor: Actor, ownerId: string): Promise<ReviewSubject> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!user) throw notFound('User');
  if (actor.role === 'rep' && ownerId !== actor.id) {
    throw forbidden('Reps review their own pipeline only');
  }
  if (actor.role === 'manager' && ownerId !== actor.id) {
    const member = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('user_id', '=', ownerId)
      .where('team_id', 'in', ledBy(db, actor))
      .executeTakeFirst();
    if (!member) throw forbidden('Managers review the teams they lead and their members only');
  }
  return { ownerId, teamId: null, name: user.name, owners: [ownerId] };
}

export function reviewSubject(db: Kysely<DB>, actor: Actor, input: ScopeInput) {
  if (input.ownerId && input.teamId) {
    throw invalid('teamId', 'give either ownerId or teamId, not both');
  }
  return input.teamId
    ? reviewTeam(db, actor, input.teamId)
    : reviewOwner(db, actor, input.ownerId ?? actor.id);
}
