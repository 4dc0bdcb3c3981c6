import { sql, type Kysely } from 'kysely';
import type { DB, StageKind } from '../src/db/schema.js';
import { POSITION_STEP } from '../src/domain/positions.js';

export type WebStage = { id: string; name: string; kind: StageKind };
export type WebPipeline = {
  pipelineId: string;
  name: string;
  stages: WebStage[];
  /** Open deals in the pipeline once topped up (demo deals plus bench deals). */
  openDeals: number;
  addedDeals: number;
};

/**
 * Tops the demo workspace's Sales pipeline up to exactly `openDeals` open deals, spread evenly
 * over its open stages after the demo's own cards, each with the 'created' event the API writes.
 * Set-based like bench/seed.ts.
 */
export async function topUpOpenDeals(
  db: Kysely<DB>,
  workspaceId: string,
  openDeals: number,
): Promise<WebPipeline> {
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  const pipeline = pipelines.find((p) => p.name === 'Sales') ?? pipelines[0];
  if (!pipeline) throw new Error('the demo workspace has no pipeline');
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'name', 'kind'])
    .where('pipeline_id', '=', pipeline.id)
    .orderBy('position')
    .execute();
  const { count } = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('pipeline_id', '=', pipeline.id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const missing = openDeals - Number(count);
  if (missing < 0) throw new Error(`the demo already has ${count} open deals; seed fewer`);

  // One statement: the deals, and from what it returns their events.
  await sql`
    with owners as (select array_agg(id order by email) as ids from users where workspace_id = ${workspaceId}),
    firms as (select array_agg(id order by name) as ids from companies where workspace_id = ${workspaceId}),
    st as (select array_agg(id order by position) as ids from stages
           where pipeline_id = ${pipeline.id} and kind = 'open'),
    tail as (select stage_id, max(position) as last from deals where pipeline_id = ${pipeline.id}
             group by stage_id),
    gen as (select g, st.ids[1 + g % cardinality(st.ids)] as stage_id from generate_series(1, ${missing}) g, st),
    added as (
      insert into deals (workspace_id, title, pipeline_id, stage_id, position, value_minor, currency,
        expected_close_date, owner_id, company_id, source, status, probability, stage_entered_at,
        search_document, created_at, updated_at)
      select ${workspaceId}, 'Bench deal ' || g, ${pipeline.id}, gen.stage_id,
        coalesce(tail.last, 0) + g * ${POSITION_STEP},
        case when g % 3 = 0 then (g * 7919 % 500000) * 1000 else g * 7919 % 5000000 end,
        case when g % 3 = 0 then 'USD' else 'VND' end,
        date '2026-12-01' + (g % 120)::int,
        owners.ids[1 + g % cardinality(owners.ids)],
        case when g % 4 = 0 then null else firms.ids[1 + (g * 31) % cardinality(firms.ids)] end,
        (array['web', 'referral', 'event', 'outbound'])[1 + g % 4],
        'open',
        case when g % 5 = 0 then 50 end,
        now() - (g % 60) * interval '1 day',
        'bench deal ' || g,
        now() - (g % 60) * interval '1 day',
        now()
      from gen join owners on true join firms on true left join tail on tail.stage_id = gen.stage_id
      returning id, workspace_id, pipeline_id, stage_id, value_minor, currency, owner_id,
        expected_close_date, created_at)
    insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id, to_pipeline_id,
      to_stage_id, to_value, to_text, data)
    select workspace_id, id, 'created', created_at, owner_id, pipeline_id, stage_id, value_minor,
      'open', jsonb_build_object('currency', currency, 'ownerId', owner_id,
        'expectedCloseDate', expected_close_date, 'status', 'open')
    from added`.execute(db);
  await sql`analyze`.execute(db);
  return {
    pipelineId: pipeline.id,
    name: pipeline.name,
    stages,
    openDeals,
    addedDeals: missing,
  };
}
