import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../auth/actor.js';

/**
 * Whose records the actor may see. Admins, and everyone under the 'all' setting, see the whole
 * workspace; managers see their own and those of the members of teams they lead or belong to;
 * reps under 'team' see their own and their teammates'; reps under 'own' only their own.
 * Returns null for "everyone in the workspace". Team lists are small, so one query per request
 * is cheaper than a correlated subquery in every list.
 */
export async function visibleOwnerIds(db: Kysely<DB>, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'admin' || actor.visibility === 'all') return null;
  if (actor.role === 'rep' && actor.visibility === 'own') return [actor.id];
  const rows = await db
    .selectFrom('team_members as tm')
    .select('tm.user_id')
    .where((eb) =>
      eb.or([
        eb(
          'tm.team_id',
          'in',
          eb.selectFrom('team_members').select('team_id').where('user_id', '=', actor.id),
        ),
        ...(actor.role === 'manager'
          ? [
              eb(
                'tm.team_id',
                'in',
                eb.selectFrom('teams').select('id').where('manager_id', '=', actor.id),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  return [...new Set([actor.id, ...rows.map((r) => r.user_id)])];
}

/** Visible owners for a request, resolved once. */
export type Scope = { workspaceId: string; owners: string[] | null };

export async function scopeOf(db: Kysely<DB>, actor: Actor): Promise<Scope> {
  return { workspaceId: actor.workspaceId, owners: await visibleOwnerIds(db, actor) };
}
