// The waterfall as SQL over the deal facts: each interval starting in (start, end] is one
// transition of its deal (one interval per instant of change), the interval before it its state
// just before, so every bar of waterfall() is a sum over consecutive intervals. The replay in
// src/domain/analytics/waterfall.ts is the definition this is tested against.
import { sql } from 'kysely';
import { emptyBars, type Bar, type BarName } from '../../../domain/analytics/waterfall.js';
import { instant, openWhen, visible, type FactsQuery } from './facts.repository.js';

type BarRow = { bar: BarName; currency: string; amount: number; deals: number; deal_ids: string[] };

/** A bar with how many deals are behind it, listing the first `listed` of them by id. */
export type ListedBar = Bar & { dealCount: number };
export type ListedWaterfall = Record<string, Record<BarName, ListedBar>>;

/**
 * waterfall() of the pipeline from `start` to `end` (epoch ms, start < end): the open value at
 * each, and every change at instants in (start, end], bar by bar per currency with its deals
 * (the first `listed` by id, all when null: a bar of a large pipeline holds most of its deals).
 */
export async function waterfallOf(
  q: FactsQuery,
  start: number,
  end: number,
  listed: number | null = null,
): Promise<ListedWaterfall> {
  const p = q.filters.pipelineId;
  const [s, e] = [new Date(start).toISOString(), new Date(end).toISOString()];
  const { rows } = await sql<BarRow>`
    with iv as (
      select i.deal_id, i.valid_from as at, i.pipeline_id, i.status, i.currency, i.value_minor,
        lag(i.valid_from) over w is not null as b_exists, lag(i.pipeline_id) over w as b_pipeline,
        lag(i.status) over w as b_status, lag(i.currency) over w as b_currency,
        lag(i.value_minor) over w as b_value
      from deal_state_intervals i
      where i.valid_to > ${s}::timestamptz and i.valid_from <= ${e}::timestamptz
        and ${visible(q, 'i')}
      window w as (partition by i.deal_id order by i.valid_from)
    ), t as (
      select iv.*,
        coalesce(b_exists and b_status = 'open' and b_pipeline = ${p}, false) as bc,
        status = 'open' and pipeline_id = ${p} as ac
      from iv where at > ${s}::timestamptz
    ), k as (
      -- What the transition does to the deal's New state: starts it (created here, open in
      -- this pipeline) or ends it (another currency, or left the open pipeline).
      select t.*, not b_exists and ac as starts,
        bc and (not ac or currency <> b_currency) as ends
      from t where bc or ac
    ), n as (
      select k.*, coalesce(bool_or(starts) over d, false)
        and coalesce(count(*) filter (where ends) over d, 0) = 0 as is_new
      from k
      window d as (partition by deal_id order by at rows between unbounded preceding and 1 preceding)
    ), items as (
      select n.deal_id, x.bar, x.currency, x.amount from n
      cross join lateral (values
        -- A change of value in one currency, while open here or at the instant of closing.
        (case when bc and currency = b_currency and (ac or pipeline_id = ${p})
                and value_minor <> b_value
           then case when is_new then 'new' when value_minor > b_value then 'increases'
                else 'decreases' end end,
         currency,
         case when is_new then value_minor - b_value else abs(value_minor - b_value) end),
        (case when bc and currency <> b_currency and (ac or pipeline_id = ${p})
           then 'currencyOut' end, b_currency, b_value),
        (case when bc and currency <> b_currency and (ac or pipeline_id = ${p})
           then 'currencyIn' end, currency, value_minor),
        (case when bc and not ac then case when pipeline_id <> ${p} or pipeline_id is null
           then 'movedOut' when status = 'won' then 'won' else 'lost' end end,
         case when pipeline_id = ${p} then currency else b_currency end,
         case when pipeline_id = ${p} then value_minor else b_value end),
        (case when ac and not bc then case when not b_exists then 'new'
           when b_pipeline is distinct from ${p} then 'movedIn' else 'reopened' end end,
         currency, value_minor)
      ) x(bar, currency, amount)
      where x.bar is not null
      union all
      -- The open value at each end, one index range each (migration 0022).
      select i.deal_id, 'start', i.currency, i.value_minor from deal_state_intervals i
      where ${openWhen(q, 'i', instant(start))}
      union all
      select i.deal_id, 'end', i.currency, i.value_minor from deal_state_intervals i
      where ${openWhen(q, 'i', instant(end))}
    ), per_deal as (
      select bar, currency, deal_id, sum(amount) as amount,
        row_number() over (partition by bar, currency order by deal_id) as rank
      from items group by bar, currency, deal_id
    )
    select bar, currency, sum(amount)::int8 as amount, count(*)::int as deals,
      coalesce(array_agg(deal_id order by deal_id) filter (where rank <= ${listed ?? 2_147_483_647}),
        '{}')::text[] as deal_ids
    from per_deal group by bar, currency`.execute(q.db);
  const result: ListedWaterfall = {};
  for (const r of rows) {
    const bars = (result[r.currency] ??= listedBars());
    bars[r.bar] = { amount: r.amount, dealIds: r.deal_ids, dealCount: r.deals };
  }
  return result;
}

function listedBars(): Record<BarName, ListedBar> {
  const bars = emptyBars();
  return Object.fromEntries(
    Object.entries(bars).map(([name, bar]) => [name, { ...bar, dealCount: 0 }]),
  ) as Record<BarName, ListedBar>;
}
