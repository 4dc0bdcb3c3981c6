// Who may set and read whose quotas and forecasts: admins everyone in the workspace; managers the
// people whose deals they see and the teams they lead; reps read their own only.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid } from '../../../domain/errors.js';
import { visibleOwnerIds } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';

export type Subject = { userId: string; teamId: null } | { userId: null; teamId: string };

/** Exactly one of userId and teamId. */
export function subjectOf(input: { userId?: string | undefined; teamId?: string | undefined }) {
  if (input.userId && input.teamId)
    throw invalid('teamId', 'give either userId or teamId, not both');
  if (input.teamId) return { userId: null, teamId: input.teamId } as Subject;
  if (input.userId) return { userId: input.userId, teamId: null } as Subject;
  return null;
}

async function assertExists(db: Kysely<DB>, actor: Actor, s: Subject) {
  const row = s.userId
    ? await db
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', s.userId)
        .executeTakeFirst()
    : await db
        .selectFrom('teams')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', s.teamId as string)
        .executeTakeFirst();
  if (!row) {
    throw s.userId
      ? invalid('userId', 'No such user in this workspace')
      : invalid('teamId', 'No such team in this workspace');
  }
}

/** The ids of the teams the actor leads (every team for an admin). */
export async function ledTeams(db: Kysely<DB>, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectFrom('teams')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .$if(actor.role !== 'admin', (q) => q.where('manager_id', '=', actor.id))
    .execute();
  return rows.map((r) => r.id);
}

export async function assertCanSet(db: Kysely<DB>, actor: Actor, s: Subject) {
  if (actor.role === 'rep') throw forbidden('Only managers and admins set quotas');
  await assertExists(db, actor, s);
  if (actor.role === 'admin') return;
  if (s.teamId && !(await ledTeams(db, actor)).includes(s.teamId)) {
    throw forbidden('Managers set quotas for the teams they lead only');
  }
  if (s.userId && !((await visibleOwnerIds(db, actor)) ?? [s.userId]).includes(s.userId)) {
    throw forbidden('Managers set quotas for the people whose deals they see only');
  }
}

export async function assertCanRead(db: Kysely<DB>, actor: Actor, s: Subject) {
  await assertExists(db, actor, s);
  if (actor.role === 'admin') return;
  if (actor.role === 'rep') {
    if (s.userId === actor.id) return;
    throw forbidden('Reps see their own quotas and forecasts only');
  }
  if (s.teamId) {
    const member = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', s.teamId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (member || (await ledTeams(db, actor)).includes(s.teamId)) return;
    throw forbidden('Managers see the teams they lead or belong to only');
  }
  const owners = await visibleOwnerIds(db, actor);
  if (owners === null || owners.includes(s.userId as string)) return;
  throw forbidden('You see the quotas of people whose deals you see only');
}
