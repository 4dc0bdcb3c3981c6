import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Dashboards the user may see: their own and the workspace's shared ones. */
export function visibleDashboards(db: Kysely<DB>, workspaceId: string, userId: string) {
  return db
    .selectFrom('dashboards')
    .innerJoin('users as owner', 'owner.id', 'dashboards.owner_id')
    .selectAll('dashboards')
    .select('owner.name as owner_name')
    .where('dashboards.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([eb('dashboards.owner_id', '=', userId), eb('dashboards.shared', '=', true)]),
    );
}

export type DashboardRow = Awaited<
  ReturnType<ReturnType<typeof visibleDashboards>['executeTakeFirstOrThrow']>
>;

/** The caller's own first, then the shared ones, each by name. */
export function listDashboards(db: Kysely<DB>, workspaceId: string, userId: string) {
  return visibleDashboards(db, workspaceId, userId)
    .orderBy(sql`dashboards.owner_id = ${userId}`, 'desc')
    .orderBy(sql`lower(dashboards.name) collate "C"`)
    .orderBy('dashboards.id')
    .execute();
}

export function findDashboard(db: Kysely<DB>, workspaceId: string, userId: string, id: string) {
  return visibleDashboards(db, workspaceId, userId)
    .where('dashboards.id', '=', id)
    .executeTakeFirst();
}

/** Another dashboard of the same owner with this name, ignoring case. */
export async function nameTaken(
  db: Kysely<DB>,
  ownerId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('dashboards')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  return row !== undefined;
}
