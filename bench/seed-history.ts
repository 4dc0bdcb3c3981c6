import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { log } from './log.js';

// A history for every seeded deal that ends where its row stands (about 4.9 events per deal),
// written as the app writes it: a 'created' event with its data, a 'stage' event per move (skipping
// Won on the way to Lost), a 'status' event beside a move into Won or Lost, value, close-date and
// owner changes. Plain INSERT ... SELECT in batches of deals, so the trigger of migration 0015
// builds the deal facts exactly as it does for an import.
export async function insertHistory(
  db: Kysely<DB>,
  ws: string,
  pipelineId: string,
  batch = 100_000,
) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from deals
    where workspace_id = ${ws}`.execute(db);
  const total = rows[0]?.n ?? 0;
  // Deal g sits at position g * 1024 (seed.ts), so position ranges are batches of deals.
  for (let from = 1; from <= total; from += batch) {
    await sql`
      with st as (select array_agg(id order by position) as ids from stages
                  where pipeline_id = ${pipelineId}),
      admin as (select id from users where workspace_id = ${ws} and role = 'admin' limit 1),
      d as (
        select d.*, s.position + 1 as si, (d.position / 1024)::int8 as g,
          d.created_at as c, greatest(d.stage_entered_at, d.created_at) as e
        from deals d join stages s on s.id = d.stage_id
        where d.workspace_id = ${ws} and d.position >= ${from * 1024}
          and d.position < ${(from + batch) * 1024}
      ),
      -- The stages a deal passed through after the first: 2 .. its own (open and Won), or
      -- 2 .. the last open one and then Lost.
      moves as (
        select d.id, k, count(*) over (partition by d.id) as n,
          row_number() over (partition by d.id order by k) as i
        from d, st, generate_series(2, least(d.si, 5)) k
        union all
        select d.id, d.si, 0, 0 from d where d.si > 5
      )
      insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id,
        from_pipeline_id, to_pipeline_id, from_stage_id, to_stage_id, from_value, to_value,
        from_text, to_text, data)
      -- The first branch types the columns of the union.
      select ${ws}::uuid, d.id, 'created'::text, d.c::timestamptz, d.owner_id, null::uuid,
        ${pipelineId}::uuid, null::uuid, st.ids[1], null::int8,
        case when d.g % 2 = 0 then d.value_minor / 2 else d.value_minor end::int8, null::text,
        null::text,
        jsonb_build_object('currency', d.currency,
          'ownerId', case when d.g % 10 = 0 then admin.id else d.owner_id end, 'status', 'open',
          'expectedCloseDate', case when d.g % 2 = 1 then null else d.expected_close_date end)
      from d, st, admin
      union all
      select ${ws}, m.id, 'stage',
        d.c + (d.e - d.c) * (case when m.n = 0 then 1.0::float8
          when d.si > 5 then m.i::float8 / (m.n + 1) else m.i::float8 / m.n end),
        d.owner_id, ${pipelineId}, ${pipelineId}, st.ids[case when m.n = 0 then least(d.si, 5)
          when m.i = 1 then 1 else m.k - 1 end], st.ids[m.k], null, null, null, null, null
      from moves m join d on d.id = m.id, st
      union all
      select ${ws}, d.id, 'status', d.e, d.owner_id, null, null, null, null,
        null, null, 'open', d.status, null
      from d where d.status <> 'open'
      union all
      select ${ws}, d.id, 'value', d.c + (d.e - d.c) / 3, d.owner_id, null, null, null, null,
        d.value_minor / 2, d.value_minor * 3 / 4, null, null, null
      from d where d.g % 6 = 0
      union all
      select ${ws}, d.id, 'value', d.c + (d.e - d.c) / 2, d.owner_id, null, null, null, null,
        case when d.g % 6 = 0 then d.value_minor * 3 / 4 else d.value_minor / 2 end,
        d.value_minor, null, null, null
      from d where d.g % 2 = 0
      union all
      select ${ws}, d.id, 'close_date', d.c + (d.e - d.c) / 4, d.owner_id, null, null, null, null,
        null, null, null, d.expected_close_date::text, null
      from d where d.g % 2 = 1
      union all
      select ${ws}, d.id, 'owner', d.c + (d.e - d.c) / 2, d.owner_id, null, null, null, null,
        null, null, admin.id::text, d.owner_id::text, null
      from d, admin where d.g % 10 = 0`.execute(db);
    log(`history: deals ${from} to ${Math.min(from + batch - 1, total)}`);
  }
}
