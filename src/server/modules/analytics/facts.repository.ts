// Report numbers as SQL aggregates over the deal facts (migration 0015): the state of every deal
// at an instant and its stays in stages are index ranges, so a report reads what it counts and
// no history is replayed per request. Each query answers several periods at once (trends).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { qualifyingStageIds } from '../../../domain/analytics/closings.js';
import type { Period, StageIndex } from '../../../domain/analytics/stages.js';
import type { Scope } from '../access/visibility.js';
import { applyDealFilters } from '../deals/deals.repository.js';
import type { HistoryFilters } from './history.repository.js';

export type FactsQuery = { db: Kysely<DB>; scope: Scope; filters: HistoryFilters };

/**
 * The visible deals matching the filters (on the deal as it is now, as every report filters):
 * a condition on `alias`.deal_id, or nothing beyond the workspace when nothing narrows it.
 */
export function visible(q: FactsQuery, alias: string): RawBuilder<unknown> {
  const { scope, filters: f } = q;
  const workspace = sql`${sql.ref(`${alias}.workspace_id`)} = ${scope.workspaceId}`;
  if (scope.owners === null && !f.ownerId && !f.teamId && !f.source) return workspace;
  const ids = applyDealFilters(q.db.selectFrom('deals'), scope, {
    ownerId: f.ownerId,
    teamId: f.teamId,
    source: f.source,
  }).select('deals.id');
  return sql`${workspace} and ${sql.ref(`${alias}.deal_id`)} in (${ids})`;
}

export const iso = (t: number) => new Date(t).toISOString();

/** An instant (epoch ms) as a timestamptz parameter. */
export const instant = (t: number) => sql`${iso(t)}::timestamptz`;

/** The periods as a relation b(s, e, n), n counting from 1 in the order given. */
export const buckets = (periods: readonly Period[]) => sql`unnest(
  ${periods.map((p) => iso(p.start))}::text[]::timestamptz[],
  ${periods.map((p) => iso(p.end))}::text[]::timestamptz[]
) with ordinality as b(s, e, n)`;

/**
 * The condition on deal_state_intervals `alias` for the visible deals created in the pipeline
 * in [start, end): their first interval (the one with no interval before it, which begins at
 * the 'created' event; the planner estimates that from the column's statistics, where it took
 * valid_from = created_at for one row in 200 and chose a lookup per deal).
 */
export function createdBetween(
  q: FactsQuery,
  alias: string,
  start: RawBuilder<unknown>,
  end: RawBuilder<unknown>,
) {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${col('created_pipeline_id')} = ${q.filters.pipelineId}
    and ${col('prev_status')} is null
    and ${col('created_at')} >= ${start} and ${col('created_at')} < ${end}
    and ${visible(q, alias)}`;
}

/** The condition on deal_state_intervals `alias` for the visible deals open in the pipeline at `at`. */
export function openWhen(q: FactsQuery, alias: string, at: RawBuilder<unknown>) {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${col('pipeline_id')} = ${q.filters.pipelineId} and ${col('status')} = 'open'
    and ${col('valid_from')} <= ${at} and ${col('valid_to')} > ${at} and ${visible(q, alias)}`;
}

/** Stages whose first entry a report counts, with the mask of their bits if each has one. */
export type Reaching = { stageIds: readonly string[]; mask: number | null };

/** The qualifying stages at `position` (qualifyingStageIds()) and their mask. */
export function reachingOf(index: StageIndex, pipelineId: string, position: number): Reaching {
  const stageIds = qualifyingStageIds(index, pipelineId, position);
  const bits = stageIds.map((id) => index.get(id)?.bit ?? null);
  const mask = bits.every((b) => b !== null) ? bits.reduce((m, b) => m + 2 ** b, 0) : null;
  return { stageIds, mask };
}

/**
 * Each visible deal whose first entry into one of the stages of the pipeline (reachedAt()) is
 * in [start, end): a relation (deal_id, at).
 */
export function firstReachings(q: FactsQuery, reaching: Reaching, start: number, end: number) {
  const { stageIds, mask } = reaching;
  const entries = sql`v.pipeline_id = ${q.filters.pipelineId}
    and v.stage_id = any(${[...stageIds]}::uuid[]) and ${visible(q, 'v')}`;
  // The first entry is the stay before which the deal entered none of the stages (migration
  // 0025): one index range, where the minimum per deal grouped every entry up to `end`. Masks
  // are never negative, so "< 1" means "= 0". The planner guesses a third of the rows for "< 1"
  // (a year of the benchmark holds 40%) but 1 in 200 for "= 0" on an expression, and with that
  // guess it hashed the reachings and sorted them on disk.
  if (mask !== null)
    return sql`select v.deal_id, v.entered_at as at from deal_stage_visits v
      where ${entries} and v.entered_at >= ${instant(start)} and v.entered_at < ${instant(end)}
        and v.reached_before & ${mask}::int8 < 1`;
  return sql`select r.deal_id, r.at from (
      select v.deal_id, min(v.entered_at) as at from deal_stage_visits v
      where ${entries} and v.entered_at < ${instant(end)} group by v.deal_id) r
    where r.at >= ${instant(start)}`;
}

export type ClosingRow = {
  n: number;
  status: 'won' | 'lost';
  /** null on the row for all currencies of the status. */
  currency: string | null;
  /** The local day of the closings; null on the rows for all days. */
  day: string | null;
  count: number;
  total: number;
  median: number | null;
  cycle_ms: number;
  cycle_median_days: number | null;
};

/**
 * Each deal's closing in each period (closingIn(): its last change within the period that set
 * the status to won or lost, with its state then), counted where that closing is in the
 * pipeline: per status, per status and currency, and per status, currency and local day.
 */
export async function closings(q: FactsQuery, periods: readonly Period[], timeZone: string) {
  const { rows } = await sql<ClosingRow>`
    select c.n::int as n, c.status, c.currency, c.day, count(*)::int as count,
      sum(c.value_minor)::int8 as total,
      percentile_cont(0.5) within group (order by c.value_minor) as median,
      sum(c.cycle_ms)::int8 as cycle_ms,
      percentile_cont(0.5) within group (order by c.cycle_ms::float8 / 86400000)
        as cycle_median_days
    from (${lastClosings(q, periods, timeZone)}) c
    where c.pipeline_id = ${q.filters.pipelineId}
    group by grouping sets ((c.n, c.status), (c.n, c.status, c.currency),
      (c.n, c.status, c.currency, c.day))
  `.execute(q.db);
  return rows;
}

/** Each deal's last closing in each period (closingIn()), in whichever pipeline it was. */
export function lastClosings(q: FactsQuery, periods: readonly Period[], timeZone: string) {
  // The last closing in [s, e) is the one whose next closing is at e or later (closing_until,
  // migration 0023): a range of the closings' index, not a sort of every closing per deal.
  return sql`
    select b.n, i.deal_id, i.pipeline_id, i.status, i.currency, i.value_minor, i.owner_id,
      ((i.valid_from at time zone ${timeZone})::date)::text as day,
      ((extract(epoch from i.valid_from) - extract(epoch from i.created_at)) * 1000)::int8
        as cycle_ms
    from ${buckets(periods)}
    join deal_state_intervals i on i.closes and i.status <> 'open'
      and i.valid_from >= b.s and i.valid_from < b.e and i.closing_until >= b.e
      and ${visible(q, 'i')}`;
}

export type ClosingsByRow = {
  /** The owner at the closing, or the deal's source now; null when it has none. */
  key: string | null;
  status: 'won' | 'lost';
  currency: string;
  day: string;
  count: number;
  total: number;
  cycle_ms: number;
};

/**
 * The period's closings in the pipeline per owner at the instant of closing (the leaderboard's
 * rule) or per source of the deal now (channels), currency and local day.
 */
export async function closingsBy(
  q: FactsQuery,
  period: Period,
  timeZone: string,
  by: 'owner' | 'source',
) {
  const key = by === 'owner' ? sql`c.owner_id::text` : sql`d.source`;
  const { rows } = await sql<ClosingsByRow>`
    select ${key} as key, c.status, c.currency, c.day, count(*)::int as count,
      sum(c.value_minor)::int8 as total, sum(c.cycle_ms)::int8 as cycle_ms
    from (${lastClosings(q, [period], timeZone)}) c
    ${by === 'source' ? sql`join deals d on d.id = c.deal_id` : sql``}
    where c.pipeline_id = ${q.filters.pipelineId}
    group by 1, c.status, c.currency, c.day`.execute(q.db);
  return rows;
}

/** Deals created in the pipeline during the period per source of the deal now. */
export async function createdBySource(q: FactsQuery, period: Period) {
  const { rows } = await sql<{ source: string | null; count: number }>`
    select d.source, count(*)::int as count
    from deal_state_intervals i join deals d on d.id = i.deal_id
    where ${createdBetween(q, 'i', instant(period.start), instant(period.end))}
    group by d.source`.execute(q.db);
  return rows;
}

/** Deals created in each period in the pipeline (their first 'created' event). */
export async function createdIn(q: FactsQuery, periods: readonly Period[]) {
  const { rows } = await sql<{ n: number; count: number }>`
    select b.n::int as n, count(i.deal_id)::int as count
    from ${buckets(periods)}
    left join deal_state_intervals i on ${createdBetween(q, 'i', sql`b.s`, sql`b.e`)}
    group by b.n`.execute(q.db);
  return rows;
}

/**
 * The periods cut at every bound: `bounds` sorted, and for each piece k (from bounds[k - 1] to
 * bounds[k], as width_bucket() numbers it) the period n (from 1) holding it, or null when none
 * does; null when some piece is in two periods.
 */
function piecesOf(periods: readonly Period[]) {
  const bounds = [...new Set(periods.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const periodOfPiece: (number | null)[] = [];
  for (const [i, from] of bounds.slice(0, -1).entries()) {
    const holding = periods.flatMap((p, j) =>
      p.start <= from && bounds[i + 1]! <= p.end ? [j + 1] : [],
    );
    if (holding.length > 1) return null;
    periodOfPiece.push(holding[0] ?? null);
  }
  return { bounds, periodOfPiece };
}

/**
 * Deals that first reached one of the stages of the pipeline in each period (reachedAt()), and
 * how many of them were won in the pipeline at the period's last instant.
 */
export async function qualifiedIn(q: FactsQuery, periods: readonly Period[], reaching: Reaching) {
  if (!reaching.stageIds.length) return [];
  const { pipelineId } = q.filters;
  const first = Math.min(...periods.map((p) => p.start));
  const last = Math.max(...periods.map((p) => p.end));
  // A deal counts in each period holding its first reaching. Where the periods do not overlap
  // (a report's one period, a trend's buckets), the period is looked up by the reaching's piece
  // of their bounds (width_bucket()); a range join to twelve months compared every reaching
  // with every month, and a join to the pieces made the planner expect a few hundred rows and
  // sort 790,000 on disk. Overlapping periods keep the range join.
  const pieces = piecesOf(periods);
  const inPeriod = pieces
    ? sql`cross join lateral (select (select ${pieces.periodOfPiece}::int[])[width_bucket(r.at,
        (select ${pieces.bounds.map(iso)}::text[]::timestamptz[]))] as n) m`
    : sql`join ${buckets(periods)} on r.at >= b.s and r.at < b.e
        cross join lateral (select b.n) m`;
  // The deals won at each period's end are a range of the won intervals' index (migration
  // 0024), read once behind a fence (offset 0) and hashed: joined plainly, the planner scanned
  // every interval for them or looked them up per qualified deal; as a materialized CTE they
  // had no statistics, and it hashed the 790,000 reachings instead, spilling to disk.
  const { rows } = await sql<{ n: number; qualified: number; won: number }>`
    select m.n::int as n, count(*)::int as qualified, count(w.deal_id)::int as won
    from (${firstReachings(q, reaching, first, last)}) r ${inPeriod}
    left join (
      select b.n, w.deal_id from ${buckets(periods)}
      join deal_state_intervals w on w.pipeline_id = ${pipelineId} and w.status = 'won'
        and w.valid_from < b.e and w.valid_to >= b.e
        and w.workspace_id = ${q.scope.workspaceId}
      offset 0) w on w.n = m.n and w.deal_id = r.deal_id
    where m.n is not null
    group by m.n`.execute(q.db);
  return rows;
}

export type OpenRow = {
  n: number;
  stage_id: string | null;
  currency: string;
  count: number;
  total: number;
  weighted: number;
};

/**
 * The pipeline's open deals at each instant given (events at exactly that instant included),
 * per stage and currency: count, value and weighted value (weightedMinor() per deal, then
 * summed: the stage's probability, rounded as Math.round does); per owner too when asked.
 */
export async function openAt(q: FactsQuery, instants: readonly number[], byOwner = false) {
  if (!instants.length) return [];
  const sorted = [...new Set(instants)].sort((a, b) => a - b);
  const rows =
    sorted.length === 1
      ? await openAtOne(q, sorted[0]!, byOwner)
      : await openAtMany(q, sorted, byOwner);
  // Rows per distinct instant (j, from 1 in time order) to rows per instant as given (n).
  return instants.flatMap((at, i) => {
    const j = sorted.indexOf(at) + 1;
    return rows.filter((r) => r.n === j).map((r) => ({ ...r, n: i + 1 }));
  });
}

type OpenAtRow = OpenRow & { owner_id?: string | null };

// weightedMinor() in integers: Math.round(x) is floor(x + 0.5), so floor((v·p + 50) / 100),
// a floor division written for either sign (numeric arithmetic took a third of the query).
const weightedOfInterval = sql`
  left join stages st on st.id = i.stage_id and st.pipeline_id = i.pipeline_id
  cross join lateral (select i.value_minor * coalesce(st.probability, 0) + 50 as x) x
  cross join lateral (select (x.x - ((x.x % 100) + 100) % 100) / 100 as minor) w`;

/** openAt() at one instant: a range of the open intervals' index (migration 0022). */
async function openAtOne(q: FactsQuery, at: number, byOwner: boolean) {
  const owner = byOwner ? sql`, i.owner_id::text` : sql``;
  const { rows } = await sql<OpenAtRow>`
    select 1 as n, i.stage_id, i.currency${owner}, count(*)::int as count,
      sum(i.value_minor)::int8 as total, sum(w.minor)::int8 as weighted
    from deal_state_intervals i
    ${weightedOfInterval}
    where ${openWhen(q, 'i', instant(at))}
    group by i.stage_id, i.currency${owner}`.execute(q.db);
  return rows;
}

/**
 * openAt() at several instants, in time order. Each open interval is read once, with the run of
 * instants it covers (lo to hi, found by binary search), and the runs are spread over their
 * instants here: joined to every instant it covers instead, each interval was counted once per
 * instant (6.7 million rows for twelve month ends at a million deals, 6 s against 2.4 s).
 */
async function openAtMany(q: FactsQuery, sorted: readonly number[], byOwner: boolean) {
  const owner = byOwner ? sql`, s.owner_id` : sql``;
  // A scalar subquery, evaluated once: the cast of the parameter is not constant-folded, and
  // repeated on every row it made the query twelve times slower.
  const at = sql`(select ${sorted.map(iso)}::text[]::timestamptz[])`;
  // Timestamps count microseconds, so t < x exactly when t <= x - 1 µs; width_bucket() counts
  // the instants at or before its first argument.
  const before = (col: string) =>
    sql`width_bucket(${sql.ref(col)} - interval '1 microsecond', ${at})`;
  // One grouping column for the run, computed behind an optimisation fence (offset 0) so the
  // planner takes its default estimate: grouped by both ends, it multiplied their distinct
  // estimates and sorted a million rows on disk instead of hashing a few hundred groups.
  const { rows } = await sql<{ run: string } & Omit<OpenAtRow, 'n'>>`
    select s.run::text as run, s.stage_id, s.currency${owner}, count(*)::int as count,
      sum(s.value_minor)::int8 as total, sum(s.minor)::int8 as weighted
    from (
      select (k.lo::int8 << 32) | k.hi as run, i.stage_id, i.currency, i.owner_id::text,
        i.value_minor, w.minor
      from deal_state_intervals i
      ${weightedOfInterval}
      cross join lateral (select ${before('i.valid_from')} + 1 as lo, ${before('i.valid_to')} as hi) k
      where i.pipeline_id = ${q.filters.pipelineId} and i.status = 'open'
        and i.valid_to > ${instant(sorted[0]!)} and i.valid_from <= ${instant(sorted.at(-1)!)}
        and k.lo <= k.hi and ${visible(q, 'i')}
      offset 0
    ) s
    group by s.run, s.stage_id, s.currency${owner}`.execute(q.db);
  const byInstant = new Map<string, OpenAtRow>();
  for (const { run, ...r } of rows) {
    const [lo, hi] = [Number(BigInt(run) >> 32n), Number(BigInt(run) & 0xffffffffn)];
    for (let n = lo; n <= hi; n++) {
      const key = JSON.stringify([n, r.stage_id, r.currency, r.owner_id]);
      const sum = byInstant.get(key);
      if (sum) {
        sum.count += r.count;
        sum.total += r.total;
        sum.weighted += r.weighted;
      } else byInstant.set(key, { ...r, n });
    }
  }
  return [...byInstant.values()];
}
