// The deals behind a key number as SQL over the deal facts: the same relations the numbers count
// (facts.repository.ts, conversion-facts.ts), listed instead of counted. dealsBehind() in
// src/domain/analytics/deals-behind.ts is the definition this is tested against.
import { sql, type RawBuilder } from 'kysely';
import { qualifyingStageIds } from '../../../domain/analytics/closings.js';
import type { DealsBehindMetric } from '../../../domain/analytics/deals-behind.js';
import { pipelineStages, type Period, type StageIndex } from '../../../domain/analytics/stages.js';
import { reachPerDeal } from './conversion-facts.js';
import { lastClosings, visible, type FactsQuery } from './facts.repository.js';

export type DealsBehindQuery = {
  period: Period;
  index: StageIndex;
  qualificationPosition: number;
  metric: DealsBehindMetric;
  heldBy?: string | undefined;
  stageId?: string | undefined;
};

const iso = (t: number) => new Date(t).toISOString();

/** The ids of the deals behind the metric, as a relation (deal_id). */
function behind(q: FactsQuery, b: DealsBehindQuery, timeZone: string): RawBuilder<unknown> {
  const { pipelineId } = q.filters;
  const { period } = b;
  const held = (column: string) =>
    b.heldBy === undefined ? sql`` : sql`and ${sql.ref(column)} = ${b.heldBy}::uuid`;
  switch (b.metric) {
    case 'created':
      return sql`select c.deal_id from deal_state_intervals c
        where c.created_pipeline_id = ${pipelineId} and c.valid_from = c.created_at
          and c.created_at >= ${iso(period.start)}::timestamptz
          and c.created_at < ${iso(period.end)}::timestamptz and ${visible(q, 'c')}`;
    case 'won':
    case 'lost':
    case 'closed':
      return sql`select c.deal_id from (${lastClosings(q, [period], timeZone)}) c
        where c.pipeline_id = ${pipelineId}
          ${b.metric === 'closed' ? sql`` : sql`and c.status = ${b.metric}`} ${held('c.owner_id')}`;
    case 'qualified': {
      const stageIds = qualifyingStageIds(b.index, pipelineId, b.qualificationPosition);
      return sql`select r.deal_id from (
          select v.deal_id, min(v.entered_at) as at from deal_stage_visits v
          where v.pipeline_id = ${pipelineId} and v.stage_id = any(${stageIds}::uuid[])
            and v.entered_at < ${iso(period.end)}::timestamptz and ${visible(q, 'v')}
          group by v.deal_id
        ) r where r.at >= ${iso(period.start)}::timestamptz`;
    }
    case 'open':
      return sql`select i.deal_id from deal_state_intervals i
        where i.pipeline_id = ${pipelineId} and i.status = 'open'
          and i.valid_from <= ${iso(period.end - 1)}::timestamptz
          and i.valid_to > ${iso(period.end - 1)}::timestamptz and ${visible(q, 'i')}
          ${held('i.owner_id')}`;
    case 'reached': {
      // One deal through computeFunnel(): an open stage is reached when won or at or before the
      // furthest open stage entered; Won or Lost when entered (Won also when won at all).
      const ordered = pipelineStages(b.index, pipelineId);
      const k = ordered.findIndex((s) => s.id === b.stageId) + 1;
      const kind = ordered[k - 1]?.kind;
      const wonIndexes = ordered.flatMap((s, i) => (s.kind === 'won' ? [i + 1] : []));
      const won = sql`coalesce(r.closed && ${wonIndexes}::int8[], false)`;
      const hit =
        kind === 'open'
          ? sql`(${won} or r.furthest >= ${k})`
          : kind === 'won'
            ? sql`(${won} or ${k} = any(r.closed))`
            : sql`coalesce(${k} = any(r.closed), false)`;
      return sql`select r.deal_id from (${reachPerDeal(q, ordered, period, period.end - 1)}) r
        where ${k > 0 ? hit : sql`false`}`;
    }
  }
}

/** How many deals are behind the metric, and the first `limit` of them by title. */
export async function dealsBehindOf(
  q: FactsQuery,
  b: DealsBehindQuery,
  timeZone: string,
  limit: number,
) {
  const { rows } = await sql<{ id: string; title: string; total: number }>`
    select d.id, d.title, count(*) over ()::int as total
    from (select distinct deal_id from (${behind(q, b, timeZone)}) x) ids
    join deals d on d.id = ids.deal_id
    order by d.title, d.id limit ${limit}`.execute(q.db);
  return {
    count: rows[0]?.total ?? 0,
    deals: rows.map((r) => ({ id: r.id, title: r.title })),
  };
}
