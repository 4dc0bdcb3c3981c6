// The deals behind a key number as SQL over the deal facts: the same relations the numbers count
// (facts.repository.ts, conversion-facts.ts), listed instead of counted. dealsBehind() in
// src/domain/analytics/deals-behind.ts is the definition this is tested against.
import { sql, type RawBuilder } from 'kysely';
import { channelKey } from '../../../domain/analytics/channels.js';
import type { DealsBehindMetric } from '../../../domain/analytics/deals-behind.js';
import type { ActiveOutcome } from '../../../domain/analytics/stage-conversion.js';
import {
  pipelineStages,
  type Period,
  type StageIndex,
  type StageInfo,
} from '../../../domain/analytics/stages.js';
import { closedMask, reachPerDeal, stayOutcomes } from './conversion-facts.js';
import {
  createdBetween,
  firstReachings,
  instant,
  reachingOf,
  lastClosings,
  openWhen,
  type FactsQuery,
} from './facts.repository.js';

export type DealsBehindQuery = {
  period: Period;
  index: StageIndex;
  qualificationPosition: number;
  metric: DealsBehindMetric;
  heldBy?: string | undefined;
  stageId?: string | undefined;
  outcome?: ActiveOutcome | undefined;
  /** Only deals whose source now is this channel (channelKey(); '' for no source). */
  channel?: string | undefined;
};

const wonIds = (ordered: readonly StageInfo[]) =>
  ordered.filter((s) => s.kind === 'won').map((s) => s.id);

/** The ids of the deals behind the metric, as a relation (deal_id). */
function behind(q: FactsQuery, b: DealsBehindQuery, timeZone: string): RawBuilder<unknown> {
  const { pipelineId } = q.filters;
  const { period } = b;
  const held = (column: string) =>
    b.heldBy === undefined ? sql`` : sql`and ${sql.ref(column)} = ${b.heldBy}::uuid`;
  switch (b.metric) {
    case 'created':
      return sql`select c.deal_id from deal_state_intervals c
        where ${createdBetween(q, 'c', instant(period.start), instant(period.end))}`;
    case 'won':
    case 'lost':
    case 'closed':
      return sql`select c.deal_id from (${lastClosings(q, [period], timeZone)}) c
        where c.pipeline_id = ${pipelineId}
          ${b.metric === 'closed' ? sql`` : sql`and c.status = ${b.metric}`} ${held('c.owner_id')}`;
    case 'qualified': {
      const reaching = reachingOf(b.index, pipelineId, b.qualificationPosition);
      return sql`select r.deal_id from (${firstReachings(q, reaching, period.start, period.end)}) r`;
    }
    case 'open':
      return sql`select i.deal_id from deal_state_intervals i
        where ${openWhen(q, 'i', instant(period.end - 1))} ${held('i.owner_id')}`;
    case 'reached': {
      // One deal through computeFunnel(): an open stage is reached when won or at or before the
      // furthest open stage entered; Won or Lost when entered (Won also when won at all).
      const ordered = pipelineStages(b.index, pipelineId);
      const k = ordered.findIndex((s) => s.id === b.stageId) + 1;
      const kind = ordered[k - 1]?.kind;
      const won = sql`coalesce((r.closed & ${closedMask(ordered, wonIds(ordered))}::int8) <> 0, false)`;
      const entered = sql`coalesce((r.closed & ${closedMask(ordered, [b.stageId ?? ''])}::int8) <> 0, false)`;
      const hit =
        kind === 'open' ? sql`(${won} or r.furthest >= ${k})` : kind === 'won' ? won : entered;
      return sql`select r.deal_id from (${reachPerDeal(q, ordered, period, period.end - 1)}) r
        where ${k > 0 ? hit : sql`false`}`;
    }
    case 'active': {
      // The stage's bar of the active conversion, or one outcome's part of it.
      const stageId = b.stageId ?? '';
      if (b.index.get(stageId)?.kind !== 'open')
        return sql`select null::uuid as deal_id where false`;
      const ordered = pipelineStages(b.index, pipelineId);
      return sql`select s.deal_id from (${stayOutcomes(q, ordered, stageId, period)}) s
        ${b.outcome === undefined ? sql`` : sql`where s.outcome = ${b.outcome}`}`;
    }
  }
}

/**
 * The sources, as spelt, among the deals `ids` that make up the channel: its key is
 * channelKey()'s (Unicode trim and lower case), which SQL's lower() does not match in every
 * collation, so the spellings are matched here.
 */
async function sourcesOf(q: FactsQuery, ids: RawBuilder<unknown>, channel: string) {
  const { rows } = await sql<{ source: string | null }>`
    select distinct d.source from (${ids}) ids join deals d on d.id = ids.deal_id`.execute(q.db);
  const key = channelKey(channel);
  return rows.map((r) => r.source).filter((source) => channelKey(source) === key);
}

/** How many deals are behind the metric, and the first `limit` of them by title. */
export async function dealsBehindOf(
  q: FactsQuery,
  b: DealsBehindQuery,
  timeZone: string,
  limit: number,
) {
  const ids = sql`select distinct deal_id from (${behind(q, b, timeZone)}) x`;
  const sources = b.channel === undefined ? undefined : await sourcesOf(q, ids, b.channel);
  const bySource =
    sources === undefined
      ? sql``
      : sql`where (d.source = any(${sources.filter((x) => x !== null)}::text[])
          ${sources.includes(null) ? sql`or d.source is null` : sql``})`;
  const { rows } = await sql<{ id: string; title: string; total: number }>`
    select d.id, d.title, count(*) over ()::int as total
    from (${ids}) ids join deals d on d.id = ids.deal_id ${bySource}
    order by d.title, d.id limit ${limit}`.execute(q.db);
  return {
    count: rows[0]?.total ?? 0,
    deals: rows.map((r) => ({ id: r.id, title: r.title })),
  };
}
