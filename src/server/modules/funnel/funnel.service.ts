import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../domain/errors.js';
import { computeFunnel } from '../../../domain/funnel.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import type { BoardFilters } from '../deals/board.service.js';
import * as deals from '../deals/deals.repository.js';
import * as pipelines from '../pipelines/pipelines.repository.js';

export type FunnelFilters = Omit<BoardFilters, 'limit'>;

/**
 * The deals of the pipeline grouped by the set of its stages they have been in (from their
 * created and stage events, plus the stage they are in now) and whether they are won, with a
 * count per group: a few hundred rows at most, however many deals there are.
 */
function reachedGroups(db: Kysely<DB>, pipelineId: string, filtered: ReturnType<typeof matching>) {
  return db
    .with('filtered', () => filtered)
    .with('touched', (qb) =>
      qb
        .selectFrom('deal_events')
        .innerJoin('filtered', 'filtered.id', 'deal_events.deal_id')
        .select(['deal_events.deal_id', 'deal_events.to_stage_id as stage_id'])
        .where('deal_events.type', 'in', ['created', 'stage'])
        .where('deal_events.to_pipeline_id', '=', pipelineId)
        .union(qb.selectFrom('filtered').select(['filtered.id as deal_id', 'filtered.stage_id'])),
    )
    .with('per_deal', (qb) =>
      qb
        .selectFrom('touched')
        .innerJoin('filtered', 'filtered.id', 'touched.deal_id')
        .select([
          sql<string[]>`array_agg(touched.stage_id order by touched.stage_id)`.as('stage_ids'),
          sql<boolean>`filtered.status = 'won'`.as('won'),
        ])
        .groupBy(['touched.deal_id', 'filtered.status']),
    )
    .selectFrom('per_deal')
    .select(['per_deal.stage_ids', 'per_deal.won', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['per_deal.stage_ids', 'per_deal.won'])
    .execute();
}

function matching(db: Kysely<DB>, scope: Awaited<ReturnType<typeof scopeOf>>, f: FunnelFilters) {
  return deals
    .applyDealFilters(db.selectFrom('deals'), scope, f)
    .select(['deals.id', 'deals.stage_id', 'deals.status']);
}

/** Per stage: the open deals in it now, and how many deals reached it and went on to the next. */
export async function getFunnel(
  db: Kysely<DB>,
  actor: Actor,
  pipelineId: string,
  f: FunnelFilters,
) {
  const scope = await scopeOf(db, actor);
  if (!(await pipelines.findPipeline(db, actor.workspaceId, pipelineId))) {
    throw notFound('Pipeline');
  }
  const stages = await pipelines.findStages(db, actor.workspaceId, [pipelineId]);
  const filters = { ...f, pipelineId };
  const [groups, sums] = await Promise.all([
    reachedGroups(db, pipelineId, matching(db, scope, filters)),
    // A status filter other than 'open' leaves no open deals to sum.
    f.status && f.status !== 'open'
      ? []
      : deals.stageTotals(db, scope, { ...filters, status: 'open' }),
  ]);
  const indexOf = new Map(stages.map((s, i) => [s.id, i]));
  const results = computeFunnel(
    stages,
    groups.map((g) => ({
      // Stages deleted since the event was written are no longer part of the funnel.
      reached: g.stage_ids.flatMap((id) => indexOf.get(id) ?? []),
      won: g.won,
      count: Number(g.n),
    })),
  );
  return {
    pipelineId,
    stages: stages.map((stage, i) => {
      const own = sums.filter((s) => s.stage_id === stage.id);
      const result = results[i] ?? { reachedCount: 0, conversionToNext: null };
      return {
        stageId: stage.id,
        name: stage.name,
        kind: stage.kind,
        openCount: own.reduce((n, s) => n + Number(s.count), 0),
        openTotals: own.map((s) => ({
          currency: s.currency.trim(),
          value: s.value,
          weighted: s.weighted,
        })),
        ...result,
      };
    }),
  };
}
