// Stage conversion as SQL over the deal facts (migration 0015): the cohort's reach, the stays
// that overlapped the period and what followed them, and the lengths of the stays that ended in
// it. Each query returns a few grouped rows; the domain's functions turn them into the report,
// exactly as they do for replayed histories (src/domain/analytics/stage-conversion.ts).
import { sql } from 'kysely';
import type { FunnelDeal } from '../../../domain/funnel.js';
import {
  activeOfStays,
  cohortOfReach,
  stageTimesOf,
  type ActiveStay,
  type StageTime,
} from '../../../domain/analytics/stage-conversion.js';
import {
  pipelineStages,
  type Period,
  type StageIndex,
  type StageInfo,
} from '../../../domain/analytics/stages.js';
import { createdBetween, instant, visible, type FactsQuery } from './facts.repository.js';

/** The closed (won and lost) stages of `ordered`, in order: bit j of a reach's `closed` is the j-th. */
const closedStages = (ordered: readonly StageInfo[]) => {
  const closed = ordered.filter((s) => s.kind !== 'open');
  // An int8 mask; a pipeline has at most one won and one lost stage (checkKinds()).
  if (closed.length > 52) throw new Error('More closed stages than a reach mask holds');
  return closed;
};

/** The mask of the `closed` column for the given stages of `ordered` (ignoring open ones). */
export function closedMask(ordered: readonly StageInfo[], stageIds: readonly string[]): number {
  return closedStages(ordered).reduce((m, s, j) => (stageIds.includes(s.id) ? m + 2 ** j : m), 0);
}

/**
 * What each deal created in the pipeline during the period reached by `asOf` (reachIn()): the
 * furthest open stage entered, as a 1-based index into `ordered`, and the closed stages
 * entered, as a mask (closedMask()); a relation (deal_id, furthest, closed).
 */
export function reachPerDeal(
  q: FactsQuery,
  ordered: readonly StageInfo[],
  period: Period,
  asOf: number,
) {
  const { pipelineId } = q.filters;
  const closedIds = closedStages(ordered).map((s) => s.id);
  // Stage indexes by array_position(), not a join to the list of stages: joined, the list was
  // hashed again for each of the 912,500 deals of a million-deal year (7 s against 3 s).
  return sql`
    select c.deal_id,
      max(array_position(${ordered.map((s) => s.id)}::uuid[], v.stage_id))
        filter (where v.stage_id <> all(${closedIds}::uuid[])) as furthest,
      bit_or(1::int8 << (array_position(${closedIds}::uuid[], v.stage_id) - 1)) as closed
    from deal_state_intervals c
    left join deal_stage_visits v on v.deal_id = c.deal_id and v.pipeline_id = ${pipelineId}
      and v.entered_at <= ${instant(asOf)}
    where ${createdBetween(q, 'c', instant(period.start), instant(period.end))}
    group by c.deal_id`;
}

/**
 * What the deals created in the pipeline during the period reached by `asOf` (reachIn()): one
 * funnel entry per distinct reach, with its count of deals.
 */
export async function cohortReach(
  q: FactsQuery,
  ordered: readonly StageInfo[],
  period: Period,
  asOf: number,
): Promise<FunnelDeal[]> {
  const rows = ordered.every((s) => s.bit != null)
    ? await reachByStay(q, ordered, period, asOf)
    : await reachByDeal(q, ordered, period, asOf);
  const closedAt = closedStages(ordered).map((s) => ordered.indexOf(s));
  return rows.map((r) => {
    // The funnel's indexes count from 0.
    const closed = closedAt.filter((_, j) => Math.floor((r.closed ?? 0) / 2 ** j) % 2 === 1);
    return {
      reached: [...(r.furthest === null ? [] : [r.furthest - 1]), ...closed],
      won: closed.some((i) => ordered[i]?.kind === 'won'),
      count: r.n,
    };
  });
}

type ReachRow = { furthest: number | null; closed: number | null; n: number };

/** reachPerDeal() grouped by reach. */
async function reachByDeal(
  q: FactsQuery,
  ordered: readonly StageInfo[],
  period: Period,
  asOf: number,
): Promise<ReachRow[]> {
  const { rows } = await sql<ReachRow>`
    select furthest::int as furthest, closed::int8 as closed, count(*)::int as n
    from (${reachPerDeal(q, ordered, period, asOf)}) reach group by furthest, closed`.execute(q.db);
  return rows;
}

/**
 * reachByDeal() when every stage has a bit: a deal's reach by `asOf` is its stay in the
 * pipeline then (entered by `asOf`, the next one after it) with the stages entered before it
 * (migration 0025), one row per deal instead of a union over its stays.
 */
async function reachByStay(
  q: FactsQuery,
  ordered: readonly StageInfo[],
  period: Period,
  asOf: number,
): Promise<ReachRow[]> {
  const at = instant(asOf);
  const { rows } = await sql<{ stage_id: string | null; before: number | null; n: number }>`
    select v.stage_id, v.reached_before as before, count(*)::int as n
    from deal_state_intervals c
    left join deal_stage_visits v on v.deal_id = c.deal_id
      and v.pipeline_id = ${q.filters.pipelineId} and v.entered_at <= ${at}
      and v.pipeline_again_at > ${at}
    where ${createdBetween(q, 'c', instant(period.start), instant(period.end))}
    group by v.stage_id, v.reached_before`.execute(q.db);
  return rows.map((r) => {
    const entered = ordered.filter(
      (s) => s.id === r.stage_id || Math.floor((r.before ?? 0) / 2 ** (s.bit ?? 0)) % 2 === 1,
    );
    const open = entered.filter((s) => s.kind === 'open').map((s) => ordered.indexOf(s) + 1);
    return {
      furthest: open.length ? Math.max(...open) : null,
      closed: closedMask(
        ordered,
        entered.map((s) => s.id),
      ),
      n: r.n,
    };
  });
}

/**
 * Each deal's last stay in each of `stageIds` overlapping the period, with the stay that followed
 * it if that began within the period (lastStaysIn()): a relation (deal_id, stage_id,
 * next_stage_id, next_pipeline_id). A deal closed now whose last change came before the period is
 * left out, as the replayed histories leave it out (reportDeals()).
 */
export function lastStays(q: FactsQuery, stageIds: readonly string[], period: Period) {
  const [start, end] = [instant(period.start), instant(period.end)];
  // The last overlapping stay is the one after which the deal entered the stage again only at
  // the period's end or later (stage_again_at, migration 0023): a range, not a sort per deal.
  return sql`
    select v.deal_id, v.stage_id,
      case when v.left_at < ${end} then v.next_stage_id end as next_stage_id,
      case when v.left_at < ${end} then v.next_pipeline_id end as next_pipeline_id
    from deal_stage_visits v
    where v.pipeline_id = ${q.filters.pipelineId} and v.stage_id = any(${[...stageIds]}::uuid[])
      and v.entered_at < ${end} and v.left_at > ${start} and v.stage_again_at >= ${end}
      and ${visible(q, 'v')}
      and not (v.left_at = 'infinity'
        and exists (select 1 from deals d where d.id = v.deal_id and d.status <> 'open')
        and exists (select 1 from deal_state_intervals c where c.deal_id = v.deal_id
          and c.valid_to = 'infinity' and c.valid_from < ${start}))`;
}

/** lastStays() grouped by stage and what followed. */
export async function activeStays(
  q: FactsQuery,
  stageIds: readonly string[],
  period: Period,
): Promise<ActiveStay[]> {
  if (!stageIds.length) return [];
  const { rows } = await sql<{
    stage_id: string;
    next_stage_id: string | null;
    next_pipeline_id: string | null;
    n: number;
  }>`
    select s.stage_id, s.next_stage_id, s.next_pipeline_id, count(*)::int as n
    from (${lastStays(q, stageIds, period)}) s
    group by s.stage_id, s.next_stage_id, s.next_pipeline_id`.execute(q.db);
  return rows.map((r) => ({
    stageId: r.stage_id,
    next:
      r.next_stage_id === null && r.next_pipeline_id === null
        ? null
        : { stageId: r.next_stage_id ?? '', pipelineId: r.next_pipeline_id ?? '' },
    count: r.n,
  }));
}

/**
 * lastStays() in the open stage `stageId` with outcomeOf() of each: a relation (deal_id,
 * outcome), outcome one of forward, back, won, lost, movedOut or stayed.
 */
export function stayOutcomes(
  q: FactsQuery,
  ordered: readonly StageInfo[],
  stageId: string,
  period: Period,
) {
  const from = ordered.find((x) => x.id === stageId)?.position ?? 0;
  return sql`
    select s.deal_id, case
      when s.next_stage_id is null and s.next_pipeline_id is null then 'stayed'
      when o.stage_id is null then 'movedOut'
      when o.kind <> 'open' then o.kind
      when o.position > ${from} then 'forward' else 'back' end as outcome
    from (${lastStays(q, [stageId], period)}) s
    left join unnest(${ordered.map((x) => x.id)}::uuid[], ${ordered.map((x) => x.kind)}::text[],
      ${ordered.map((x) => x.position)}::float8[]) as o(stage_id, kind, position)
      on o.stage_id = s.next_stage_id and s.next_pipeline_id = ${q.filters.pipelineId}`;
}

/** Per stage of `stageIds`, the stays that ended within the period: count, median and p75 days. */
export async function stageTimes(
  q: FactsQuery,
  stageIds: readonly string[],
  period: Period,
): Promise<StageTime[]> {
  if (!stageIds.length) return [];
  // Whole milliseconds divided as the replay divides them, so the percentiles agree exactly.
  // Both percentiles from one sort of each stage's stays (an array of fractions).
  const { rows } = await sql<{ stageId: string; visits: number; p: number[] }>`
    select v.stage_id as "stageId", count(*)::int as visits,
      percentile_cont(array[0.5, 0.75]::float8[]) within group (order by d.days) as p
    from deal_stage_visits v
    cross join lateral (select ((extract(epoch from v.left_at) - extract(epoch from v.entered_at))
      * 1000)::int8::float8 / 86400000 as days) d
    where v.pipeline_id = ${q.filters.pipelineId} and v.stage_id = any(${[...stageIds]}::uuid[])
      and v.left_at >= ${instant(period.start)}
      and v.left_at < ${instant(period.end)} and ${visible(q, 'v')}
    group by v.stage_id`.execute(q.db);
  return rows.map(({ p, ...r }) => ({ ...r, median: p[0] ?? null, p75: p[1] ?? null }));
}

/**
 * The pipeline's cohort conversion (reach by the period's last instant), time in stage and, when
 * asked, active conversion for one period: the three queries at once.
 */
export async function stageConversionOf(
  q: FactsQuery,
  index: StageIndex,
  period: Period,
  withActive: boolean,
) {
  const { pipelineId } = q.filters;
  const ordered = pipelineStages(index, pipelineId);
  const openIds = ordered.filter((s) => s.kind === 'open').map((s) => s.id);
  const [reach, times, stays] = await Promise.all([
    cohortReach(q, ordered, period, period.end - 1),
    stageTimes(q, openIds, period),
    withActive ? activeStays(q, openIds, period) : [],
  ]);
  return {
    cohort: cohortOfReach(ordered, reach),
    times: stageTimesOf(times, pipelineId, index),
    active: withActive ? activeOfStays(stays, pipelineId, index) : [],
  };
}
