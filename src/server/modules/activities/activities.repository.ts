import { sql, type Kysely } from 'kysely';
import type { ActivityType, DB } from '../../../db/schema.js';
import { markdownToSafeHtml } from '../../../domain/markdown.js';
import type { Scope } from '../access/visibility.js';

export type ActivityFilters = {
  dealId?: string | undefined;
  contactId?: string | undefined;
  companyId?: string | undefined;
  ownerId?: string | undefined;
  done?: boolean | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  type?: ActivityType | undefined;
};

/**
 * Activities the scope may see: in its workspace, and owned by a visible person or linked to a
 * visible deal (a rep sees the calls a colleague logged on the rep's own deal).
 */
export function visibleActivities(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('activities')
    .innerJoin('users as owner', 'owner.id', 'activities.owner_id')
    .leftJoin('deals as deal', 'deal.id', 'activities.deal_id')
    .selectAll('activities')
    .select(['owner.name as owner_name', 'deal.title as deal_title'])
    .where('activities.workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('activities.owner_id', 'in', scope.owners as string[]),
          eb('deal.owner_id', 'in', scope.owners as string[]),
        ]),
      ),
    );
}

type ActivityQuery = ReturnType<typeof visibleActivities>;

export function applyActivityFilters(qb: ActivityQuery, f: ActivityFilters): ActivityQuery {
  return qb
    .$if(!!f.dealId, (q) => q.where('activities.deal_id', '=', f.dealId as string))
    .$if(!!f.contactId, (q) => q.where('activities.contact_id', '=', f.contactId as string))
    .$if(!!f.companyId, (q) => q.where('activities.company_id', '=', f.companyId as string))
    .$if(!!f.ownerId, (q) => q.where('activities.owner_id', '=', f.ownerId as string))
    .$if(f.done !== undefined, (q) => q.where('activities.done', '=', f.done as boolean))
    .$if(!!f.dueFrom, (q) => q.where('activities.due_at', '>=', new Date(f.dueFrom as string)))
    .$if(!!f.dueTo, (q) => q.where('activities.due_at', '<', new Date(f.dueTo as string)))
    .$if(!!f.type, (q) => q.where('activities.type', '=', f.type as ActivityType));
}

/** The list's sort key: activities without a due time come last ('infinity' sorts after all). */
export const dueSort = {
  expr: sql`coalesce(activities.due_at, 'infinity'::timestamptz)`,
  cast: 'timestamptz',
};

/** The same instant the timeline sorts by (see timeline.service.ts), for its SQL limit. */
export const timelineTime = sql`coalesce(activities.done_at, activities.due_at, activities.created_at)`;

export type ActivityView = Awaited<ReturnType<ActivityQuery['executeTakeFirstOrThrow']>>;

export const toActivity = (a: ActivityView) => ({
  id: a.id,
  type: a.type,
  subject: a.subject,
  body: a.body,
  bodyHtml: markdownToSafeHtml(a.body),
  dueAt: a.due_at?.toISOString() ?? null,
  allDay: a.all_day,
  durationMinutes: a.duration_minutes,
  ownerId: a.owner_id,
  ownerName: a.owner_name,
  done: a.done,
  doneAt: a.done_at?.toISOString() ?? null,
  dealId: a.deal_id,
  dealTitle: a.deal_title,
  contactId: a.contact_id,
  companyId: a.company_id,
  createdBy: a.created_by,
  version: a.version,
  createdAt: a.created_at.toISOString(),
  updatedAt: a.updated_at.toISOString(),
});

/** Work done on a deal: its last-activity time only ever moves forward. */
export async function touchDeal(db: Kysely<DB>, dealId: string, doneAt: Date): Promise<void> {
  await db
    .updateTable('deals')
    .set({ last_activity_at: sql`greatest(last_activity_at, cast(${doneAt} as timestamptz))` })
    .where('id', '=', dealId)
    .execute();
}
