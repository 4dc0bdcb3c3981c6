import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export type ViewEntity = 'deals';

/** Views the user may see: their own and the workspace's shared ones. */
export function visibleViews(db: Kysely<DB>, workspaceId: string, userId: string) {
  return db
    .selectFrom('saved_views')
    .innerJoin('users as owner', 'owner.id', 'saved_views.owner_id')
    .selectAll('saved_views')
    .select('owner.name as owner_name')
    .where('saved_views.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([eb('saved_views.owner_id', '=', userId), eb('saved_views.shared', '=', true)]),
    );
}

export type ViewRow = Awaited<
  ReturnType<ReturnType<typeof visibleViews>['executeTakeFirstOrThrow']>
>;

export function listViews(db: Kysely<DB>, workspaceId: string, userId: string, entity: ViewEntity) {
  return visibleViews(db, workspaceId, userId)
    .where('saved_views.entity', '=', entity)
    .orderBy(sql`lower(saved_views.name) collate "C"`)
    .orderBy('saved_views.id')
    .execute();
}

export function findView(db: Kysely<DB>, workspaceId: string, userId: string, id: string) {
  return visibleViews(db, workspaceId, userId).where('saved_views.id', '=', id).executeTakeFirst();
}

/** Another view of the same owner and entity with this name, ignoring case. */
export async function nameTaken(
  db: Kysely<DB>,
  owner: { ownerId: string; entity: ViewEntity },
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('saved_views')
    .select('id')
    .where('owner_id', '=', owner.ownerId)
    .where('entity', '=', owner.entity)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  return row !== undefined;
}
