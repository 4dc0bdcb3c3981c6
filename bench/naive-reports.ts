import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

// The baseline the facts are measured against: the same reports as one would write them in SQL
// straight over the raw deal_events, with no derived table (each field of a deal at an instant is
// its latest event of that kind). Close to the definitions, not exact in their corners (events
// before 'created', several 'created'); the tests hold the app to the exact ones.

type Naive = { ws: string; pipelineId: string };

/** The deal at `at`: the latest event of each kind at or before it, per deal. */
const stateAt = (ws: string, at: Date) => sql`
  select d.id, s.pipeline_id, s.stage_id, st.status, v.value, c.currency
  from deals d
  cross join lateral (select e.to_pipeline_id as pipeline_id, e.to_stage_id as stage_id
    from deal_events e where e.deal_id = d.id and e.type in ('created', 'stage')
      and e.occurred_at <= ${at} order by e.occurred_at desc, e.id desc limit 1) s
  cross join lateral (select case when e.type = 'created'
      then coalesce(e.to_text, e.data ->> 'status', 'open') else e.to_text end as status
    from deal_events e where e.deal_id = d.id and e.type in ('created', 'status')
      and e.occurred_at <= ${at} order by e.occurred_at desc, e.id desc limit 1) st
  cross join lateral (select coalesce(e.to_value, 0) as value
    from deal_events e where e.deal_id = d.id and e.type in ('created', 'value')
      and e.occurred_at <= ${at} order by e.occurred_at desc, e.id desc limit 1) v
  cross join lateral (select case when e.type = 'created' then e.data ->> 'currency'
      else btrim(e.to_text) end as currency
    from deal_events e where e.deal_id = d.id and e.type in ('created', 'currency')
      and e.occurred_at <= ${at} order by e.occurred_at desc, e.id desc limit 1) c
  where d.workspace_id = ${ws}`;

export async function naiveBoardAt(db: Kysely<DB>, n: Naive, at: Date) {
  return sql`select x.stage_id, x.currency, count(*) as count, sum(x.value)::int8 as total
    from (${stateAt(n.ws, at)}) x
    where x.pipeline_id = ${n.pipelineId} and x.status = 'open'
    group by x.stage_id, x.currency`.execute(db);
}

export async function naiveKeyNumbers(
  db: Kysely<DB>,
  n: Naive,
  period: { start: Date; end: Date },
  qualifying: string[],
) {
  const { ws, pipelineId } = n;
  const { start, end } = period;
  const last = new Date(end.getTime() - 1);
  // Closings: each deal's last status event to won or lost in the period, with its pipeline and
  // value at that instant.
  const closings = sql`select c.to_text as status, v.currency, count(*) as count,
      sum(v.value)::int8 as total,
      percentile_cont(0.5) within group (order by v.value) as median,
      percentile_cont(0.5) within group (order by extract(epoch from c.occurred_at - cr.occurred_at))
        as cycle
    from (select distinct on (e.deal_id) e.* from deal_events e
      where e.workspace_id = ${ws} and e.type = 'status' and e.to_text in ('won', 'lost')
        and e.occurred_at >= ${start} and e.occurred_at < ${end}
      order by e.deal_id, e.occurred_at desc, e.id desc) c
    join deal_events cr on cr.deal_id = c.deal_id and cr.type = 'created'
    cross join lateral (select e.to_pipeline_id as pipeline_id from deal_events e
      where e.deal_id = c.deal_id and e.type in ('created', 'stage')
        and e.occurred_at <= c.occurred_at order by e.occurred_at desc, e.id desc limit 1) p
    cross join lateral (select coalesce(e.to_value, 0) as value, cr.data ->> 'currency' as currency
      from deal_events e where e.deal_id = c.deal_id and e.type in ('created', 'value')
        and e.occurred_at <= c.occurred_at order by e.occurred_at desc, e.id desc limit 1) v
    where p.pipeline_id = ${pipelineId}
    group by grouping sets ((c.to_text), (c.to_text, v.currency))`;
  const created = sql`select count(*) from deal_events e where e.workspace_id = ${ws}
    and e.type = 'created' and e.to_pipeline_id = ${pipelineId}
    and e.occurred_at >= ${start} and e.occurred_at < ${end}`;
  const qualified = sql`select count(*) as qualified,
      count(*) filter (where x.status = 'won' and x.pipeline_id = ${pipelineId}) as won
    from (select distinct on (e.deal_id) e.deal_id, e.occurred_at from deal_events e
      where e.workspace_id = ${ws} and e.type in ('created', 'stage')
        and e.to_pipeline_id = ${pipelineId} and e.to_stage_id = any(${qualifying}::uuid[])
      order by e.deal_id, e.occurred_at) q
    join (${stateAt(ws, last)}) x on x.id = q.deal_id
    where q.occurred_at >= ${start} and q.occurred_at < ${end}`;
  const open = sql`select x.currency, count(*), sum(x.value)::int8
    from (${stateAt(ws, last)}) x
    where x.pipeline_id = ${pipelineId} and x.status = 'open' group by x.currency`;
  return [
    await closings.execute(db),
    await created.execute(db),
    await qualified.execute(db),
    await open.execute(db),
  ];
}
