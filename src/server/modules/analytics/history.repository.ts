// Reads the deal history behind a report: the visible, filtered deals that were ever in the
// pipeline, and their events, converted to the domain's DealHistory. Two queries with the same
// deal filter as a subquery, so no id list travels back and forth.
import { sql, type Kysely } from 'kysely';
import type { DB, DealEventRow } from '../../../db/schema.js';
import type { DealHistory, HistoryEvent } from '../../../domain/analytics/history.js';
import type { Scope } from '../access/visibility.js';
import { applyDealFilters } from '../deals/deals.repository.js';

export type HistoryFilters = {
  pipelineId: string;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  source?: string | undefined;
};

/** The instants a report looks at: changes from `from` on, and nothing after `until`. */
export type HistoryWindow = { from: Date; until: Date };

/**
 * The deals that may count in the pipeline's reports within the window: visible, matching the
 * filters (on the deal as it is now), created by its end, in the pipeline now or at some moment
 * of their history (a deal moved out still counts for what it did here), and not closed for good
 * before it began. A deal closed now with no change since `from` was closed all through the
 * window: it is in no bar, no count and no board of it, so years of closed deals are not read.
 */
export function reportDeals(
  db: Kysely<DB>,
  scope: Scope,
  f: HistoryFilters,
  window: HistoryWindow,
) {
  const { pipelineId } = f;
  return applyDealFilters(db.selectFrom('deals'), scope, {
    ownerId: f.ownerId,
    teamId: f.teamId,
    source: f.source,
  })
    .where('deals.created_at', '<=', window.until)
    .where((eb) =>
      eb.or([
        eb('deals.status', '=', 'open'),
        eb.exists(
          eb
            .selectFrom('deal_events as later')
            .select(sql`1`.as('one'))
            .whereRef('later.deal_id', '=', 'deals.id')
            .where('later.occurred_at', '>=', window.from),
        ),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('deals.pipeline_id', '=', pipelineId),
        eb.exists(
          eb
            .selectFrom('deal_events as moved')
            .select(sql`1`.as('one'))
            .whereRef('moved.deal_id', '=', 'deals.id')
            .where((e) =>
              e.or([
                e('moved.to_pipeline_id', '=', pipelineId),
                e('moved.from_pipeline_id', '=', pipelineId),
              ]),
            ),
        ),
      ]),
    );
}

/** Every history of the report's deals, with their events up to and including `window.until`. */
export async function loadHistories(
  db: Kysely<DB>,
  scope: Scope,
  f: HistoryFilters,
  window: HistoryWindow,
): Promise<DealHistory[]> {
  // Two reads, not one snapshot: a deal created between them has no events here and counts
  // nowhere, as if the report had run a moment earlier. Events are never edited, so nothing else
  // can disagree.
  const [deals, events] = await Promise.all([
    reportDeals(db, scope, f, window)
      .select([
        'deals.id',
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
      .select([
        'deal_events.deal_id',
        'deal_events.type',
        'deal_events.occurred_at',
        'deal_events.from_pipeline_id',
        'deal_events.to_pipeline_id',
        'deal_events.from_stage_id',
        'deal_events.to_stage_id',
        'deal_events.from_value',
        'deal_events.to_value',
        'deal_events.from_text',
        'deal_events.to_text',
        'deal_events.data',
      ])
      // No workspace condition here: the deal ids are the workspace's already, and a second
      // index to choose from lets a planner with stale statistics scan every event per deal.
      .where('deal_events.deal_id', 'in', reportDeals(db, scope, f, window).select('deals.id'))
      .where('deal_events.occurred_at', '<=', window.until)
      .orderBy('deal_events.deal_id')
      .orderBy('deal_events.occurred_at')
      .orderBy('deal_events.id')
      .execute(),
  ]);
  return assembleHistories(deals, events);
}

type HistoryDealRow = {
  id: string;
  pipeline_id: string;
  stage_id: string;
  status: DealHistory['current']['status'];
  value_minor: number;
  currency: string;
  owner_id: string;
  expected_close_date: string | null;
  created_at: Date;
};
type HistoryEventRow = Parameters<typeof toHistoryEvent>[0] & { deal_id: string };

/** Each deal with its events (already in order), as the replay reads it; in the deals' order. */
export function assembleHistories(
  deals: readonly HistoryDealRow[],
  events: readonly HistoryEventRow[],
): DealHistory[] {
  const byDeal = new Map<string, HistoryEvent[]>();
  for (const e of events) {
    let list = byDeal.get(e.deal_id);
    if (!list) byDeal.set(e.deal_id, (list = []));
    list.push(toHistoryEvent(e));
  }
  return deals.map((d) => {
    const list = byDeal.get(d.id) ?? [];
    const created = list.find((e) => e.type === 'created');
    return {
      dealId: d.id,
      // The pipeline and instant of creation come from the 'created' event: the row only
      // knows where the deal is now.
      pipelineId: created?.toPipelineId ?? d.pipeline_id,
      createdAt: created?.at ?? d.created_at.getTime(),
      events: list,
      current: {
        pipelineId: d.pipeline_id,
        stageId: d.stage_id,
        status: d.status,
        value: d.value_minor,
        currency: d.currency.trim(),
        ownerId: d.owner_id,
        expectedCloseDate: d.expected_close_date,
      },
    };
  });
}

export function toHistoryEvent(
  e: Omit<DealEventRow, 'id' | 'workspace_id' | 'actor_id'>,
): HistoryEvent {
  // Currency codes are char(3) in SQL; the created event keeps its currency in data.
  const trimmed = (s: string | null) => (s === null ? null : s.trim());
  return {
    type: e.type,
    at: e.occurred_at.getTime(),
    fromStageId: e.from_stage_id,
    toStageId: e.to_stage_id,
    fromPipelineId: e.from_pipeline_id,
    toPipelineId: e.to_pipeline_id,
    fromValue: e.from_value,
    toValue: e.to_value,
    fromText: e.type === 'currency' ? trimmed(e.from_text) : e.from_text,
    toText: e.type === 'currency' ? trimmed(e.to_text) : e.to_text,
    data: e.data,
  };
}

/** Titles of the deals a report names (already visible: they came from the loaded histories). */
export function dealTitles(db: Kysely<DB>, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  // One array parameter: a waterfall over 100,000 deals names more ids than the 65,535
  // parameters a statement may have.
  return db
    .selectFrom('deals')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`id = any(${ids}::uuid[])`)
    .orderBy('title')
    .orderBy('id')
    .execute();
}
