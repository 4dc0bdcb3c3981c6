// Reads behind the pipeline review: the histories of the reviewed owners' deals (across every
// pipeline), the facts the page names them by, and the completed reviews.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { DealHistory } from '../../../domain/analytics/history.js';
import { assembleHistories } from '../analytics/history.repository.js';

/**
 * The deals owned now by one of `owners`, created by `until`, and open or changed since `from`
 * (a deal closed before `from` with no change since is in no section).
 */
function reviewDeals(
  db: Kysely<DB>,
  workspaceId: string,
  owners: string[],
  from: Date,
  until: Date,
) {
  return db
    .selectFrom('deals')
    .where('deals.workspace_id', '=', workspaceId)
    .where('deals.owner_id', 'in', owners)
    .where('deals.created_at', '<=', until)
    .where((eb) =>
      eb.or([
        eb('deals.status', '=', 'open'),
        eb.exists(
          eb
            .selectFrom('deal_events as later')
            .select(sql`1`.as('one'))
            .whereRef('later.deal_id', '=', 'deals.id')
            .where('later.occurred_at', '>', from),
        ),
      ]),
    );
}

export type ReviewDealRow = {
  id: string;
  title: string;
  lostReason: string | null;
  history: DealHistory;
};

export async function reviewHistories(
  db: Kysely<DB>,
  workspaceId: string,
  owners: string[],
  from: Date,
  until: Date,
): Promise<ReviewDealRow[]> {
  if (owners.length === 0) return [];
  const [deals, events] = await Promise.all([
    reviewDeals(db, workspaceId, owners, from, until)
      .select([
        'deals.id',
        'deals.title',
        'deals.lost_reason',
        'deals.pipeline_id',
        'deals.stage_id',
        'deals.status',
        'deals.value_minor',
        'deals.currency',
        'deals.owner_id',
        'deals.expected_close_date',
        'deals.created_at',
      ])
      .execute(),
    db
      .selectFrom('deal_events')
      .selectAll()
      .where(
        'deal_events.deal_id',
        'in',
        reviewDeals(db, workspaceId, owners, from, until).select('deals.id'),
      )
      .where('deal_events.occurred_at', '<=', until)
      .orderBy('deal_events.deal_id')
      .orderBy('deal_events.occurred_at')
      .orderBy('deal_events.id')
      .execute(),
  ]);
  const histories = assembleHistories(deals, events);
  return deals.map((d, i) => ({
    id: d.id,
    title: d.title,
    lostReason: d.lost_reason,
    history: histories[i] as DealHistory,
  }));
}

/** Every stage of the workspace (a review spans its pipelines). */
export function workspaceStages(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('stages')
    .select(['id', 'pipeline_id', 'name', 'position', 'kind', 'probability'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function userNames(db: Kysely<DB>, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

export type ReviewScope = { ownerId: string | null; teamId: string | null };

/** The completed review of the scope that ended last. */
export function lastReview(db: Kysely<DB>, workspaceId: string, s: ReviewScope) {
  return db
    .selectFrom('pipeline_reviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(s.teamId !== null, (q) => q.where('team_id', '=', s.teamId as string))
    .$if(s.teamId === null, (q) => q.where('owner_id', '=', s.ownerId as string))
    .orderBy('until', 'desc')
    .orderBy('reviewed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertReview(
  db: Kysely<DB>,
  row: { workspaceId: string; reviewerId: string; since: Date; until: Date } & ReviewScope,
) {
  return db
    .insertInto('pipeline_reviews')
    .values({
      workspace_id: row.workspaceId,
      reviewer_id: row.reviewerId,
      owner_id: row.ownerId,
      team_id: row.teamId,
      since: row.since,
      until: row.until,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
