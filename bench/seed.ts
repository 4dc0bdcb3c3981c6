import { sql, type Kysely } from 'kysely';
import type { DB, StageKind } from '../src/db/schema.js';
import { createApiToken } from '../src/server/modules/auth/tokens.service.js';
import { createWorkspace } from '../src/server/modules/workspaces/workspace-setup.js';
import { log, timed } from './log.js';

export type BenchStage = { id: string; kind: StageKind };

export type Seeded = {
  workspaceId: string;
  adminId: string;
  /** `Bearer ...` for the admin's API token. */
  authorization: string;
  pipelineId: string;
  stages: BenchStage[];
  openStageIds: string[];
  /** A random sample of deal ids for the move and read benchmarks. */
  sampleDealIds: string[];
  loadSeconds: Record<string, number>;
};

const seconds = async (label: string, step: () => Promise<unknown>) =>
  (await timed(label, step)).seconds;

const REPS = 9;
const COMPANIES = 500;
const CONTACTS = 2000;

type History = (db: Kysely<DB>, ws: string, pipelineId: string) => Promise<void>;

/**
 * Workspace, admin, token, reps, companies, contacts, then `deals` deals in the Sales pipeline
 * and their events (by default a 'created' and at most one 'stage' event each).
 */
export async function seed(db: Kysely<DB>, deals: number, history?: History): Promise<Seeded> {
  const loadSeconds: Record<string, number> = {};
  const { workspace, admin } = await createWorkspace(db, {
    name: 'Bench',
    admin: { email: 'admin@bench.test', name: 'Admin', role: 'admin', password: null },
  });
  const token = await createApiToken(db, admin.id, 'bench');
  const ws = workspace.id;
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', ws)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'kind'])
    .where('pipeline_id', '=', pipeline.id)
    .orderBy('position')
    .execute();

  loadSeconds.people = await seconds('reps, companies, contacts', async () => {
    await sql`insert into users (workspace_id, email, name, role)
      select ${ws}, 'rep' || g || '@bench.test', 'Rep ' || g, 'rep' from generate_series(1, ${REPS}) g`.execute(
      db,
    );
    await sql`insert into companies (workspace_id, name, domain, owner_id, search_document)
      select ${ws}, 'Company ' || g, 'company' || g || '.test', ${admin.id}, 'company ' || g
      from generate_series(1, ${COMPANIES}) g`.execute(db);
    await sql`insert into contacts (workspace_id, company_id, name, email, search_document)
      select ${ws}, c.id, 'Contact ' || g, 'contact' || g || '@bench.test', 'contact ' || g
      from generate_series(1, ${CONTACTS}) g
      join companies c on c.workspace_id = ${ws} and c.name = 'Company ' || (1 + g % ${COMPANIES})`.execute(
      db,
    );
  });
  loadSeconds.deals = await seconds(`${deals} deals`, () =>
    insertDeals(db, ws, pipeline.id, deals),
  );
  loadSeconds.dealContacts = await seconds('deal contacts', async () => {
    await sql`insert into deal_contacts (deal_id, contact_id)
      select d.id, (select array_agg(id order by email) from contacts where workspace_id = ${ws})[1 + (d.position::int8 / 1024) % ${CONTACTS}]
      from deals d where d.workspace_id = ${ws} and (d.position::int8 / 1024) % 3 = 0`.execute(db);
  });
  loadSeconds.events = await seconds('deal events', () =>
    history ? history(db, ws, pipeline.id) : insertEvents(db, ws, stages[0]?.id ?? ''),
  );
  loadSeconds.analyze = await seconds('analyze', () => sql`analyze`.execute(db));

  const sample = await sql<{ id: string }>`select id from deals where workspace_id = ${ws}
    order by md5(id::text) limit 5000`.execute(db);
  log(`seeded ${deals} deals`);
  return {
    workspaceId: ws,
    adminId: admin.id,
    authorization: `Bearer ${token.token}`,
    pipelineId: pipeline.id,
    stages,
    openStageIds: stages.filter((s) => s.kind === 'open').map((s) => s.id),
    sampleDealIds: sample.rows.map((r) => r.id),
    loadSeconds,
  };
}

// Set-based: one statement for every deal. Deal g sits in stage slot (g % 10) -> 1,1,2,2,3,3,4,5
// (open), 6 (won), 7 (lost); a third are in VND; positions are g * 1024, so rank follows g.
async function insertDeals(db: Kysely<DB>, ws: string, pipelineId: string, n: number) {
  await sql`
    with owners as (select array_agg(id order by email) as ids from users where workspace_id = ${ws}),
    firms as (select array_agg(id order by name) as ids from companies where workspace_id = ${ws}),
    st as (select array_agg(id order by position) as ids, array_agg(kind order by position) as kinds
           from stages where pipeline_id = ${pipelineId}),
    gen as (select g, (array[1,1,2,2,3,3,4,5,6,7])[1 + g % 10] as si from generate_series(1::int8, ${n}) g)
    insert into deals (workspace_id, title, pipeline_id, stage_id, position, value_minor, currency,
      expected_close_date, owner_id, company_id, source, status, lost_reason, closed_at, probability,
      stage_entered_at, search_document, created_at, updated_at)
    select ${ws}, 'Deal ' || g, ${pipelineId}, st.ids[si], g * 1024,
      case when g % 3 = 0 then (g * 7919 % 500000) * 1000 else g * 7919 % 5000000 end,
      case when g % 3 = 0 then 'VND' else 'USD' end,
      date '2025-01-01' + (g % 365)::int,
      owners.ids[1 + g % cardinality(owners.ids)],
      case when g % 4 = 0 then null else firms.ids[1 + (g * 31) % cardinality(firms.ids)] end,
      (array['web', 'referral', 'event', 'outbound'])[1 + g % 4],
      st.kinds[si],
      case when st.kinds[si] = 'lost' then 'Price' end,
      case when st.kinds[si] <> 'open' then now() - (g % 300) * interval '1 day' end,
      case when g % 5 = 0 then 50 end,
      now() - (g % 90) * interval '1 day',
      'deal ' || g,
      now() - (g % 400) * interval '1 day',
      now()
    from gen, owners, firms, st`.execute(db);
}

// A 'created' event per deal, and a 'stage' event from the first stage for every deal past it.
async function insertEvents(db: Kysely<DB>, ws: string, firstStageId: string) {
  await sql`insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id,
      to_pipeline_id, to_stage_id, to_value)
    select workspace_id, id, 'created', created_at, owner_id, pipeline_id, ${firstStageId}, value_minor
    from deals where workspace_id = ${ws}`.execute(db);
  await sql`insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id,
      from_pipeline_id, to_pipeline_id, from_stage_id, to_stage_id)
    select workspace_id, id, 'stage', stage_entered_at, owner_id, pipeline_id, pipeline_id,
      ${firstStageId}, stage_id
    from deals where workspace_id = ${ws} and stage_id <> ${firstStageId}`.execute(db);
}
