import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, DealStatus, StageKind } from '../src/db/schema.js';
import { POSITION_STEP, positionBetween } from '../src/domain/positions.js';

// Hand-written SQL doing the work each endpoint does, run straight on the same database: the
// baseline the app is measured against. No query builder, no mapping, no HTTP.

/** What the wire format needs of a deal, as `selectDeals` returns it; `d` is the deals row. */
const dealColumns = sql.raw(`d.id, d.title, d.pipeline_id, d.stage_id, d.position, d.value_minor,
  d.currency, d.expected_close_date, d.owner_id, owner.name as owner_name, d.company_id,
  company.name as company_name, d.source, d.status, d.lost_reason, d.closed_at, d.probability,
  stage.probability as stage_probability, d.stage_entered_at, d.version, d.created_at, d.updated_at,
  (select array_agg(dc.contact_id) from deal_contacts dc where dc.deal_id = d.id) as contact_ids`);
const dealJoins = sql.raw(`join users owner on owner.id = d.owner_id
  join stages stage on stage.id = d.stage_id
  left join companies company on company.id = d.company_id`);

export type TotalsRow = {
  stage_id: string;
  currency: string;
  count: number;
  value: number;
  weighted: number;
};

export const totalsQuery = (ws: string, pipelineId: string) => sql<TotalsRow>`
  select d.stage_id, d.currency, count(*) as count, sum(d.value_minor)::int8 as value,
    round(sum(d.value_minor::numeric * coalesce(d.probability, stage.probability)) / 100)::int8 as weighted
  from deals d join stages stage on stage.id = d.stage_id
  where d.workspace_id = ${ws} and d.pipeline_id = ${pipelineId}
  group by d.stage_id, d.currency
  order by d.currency`;

export const stagePageQuery = (ws: string, stageId: string, limit: number) => sql<{ id: string }>`
  select ${dealColumns} from deals d ${dealJoins}
  where d.workspace_id = ${ws} and d.stage_id = ${stageId}
  order by d.position, d.id
  limit ${limit + 1}`;

/** The board: totals per stage and currency, then the first page of every stage. */
export async function rawBoard(
  db: Kysely<DB>,
  ws: string,
  pipelineId: string,
  stageIds: string[],
  limit: number,
) {
  const totals = await totalsQuery(ws, pipelineId).execute(db);
  const pages: { id: string }[][] = [];
  for (const stageId of stageIds)
    pages.push((await stagePageQuery(ws, stageId, limit).execute(db)).rows);
  return { totals: totals.rows, pages };
}

export async function rawRead(db: Kysely<DB>, ws: string, dealId: string) {
  const { rows } = await sql<{
    id: string;
    version: number;
  }>`select ${dealColumns} from deals d ${dealJoins}
    where d.id = ${dealId} and d.workspace_id = ${ws}`.execute(db);
  if (!rows[0]) throw new Error(`deal ${dealId} not found`);
  return rows[0];
}

type Locked = {
  stage_id: string;
  pipeline_id: string;
  status: DealStatus;
  target_pipeline_id: string;
  target_kind: StageKind;
};

async function neighbours(trx: Kysely<DB>, stageId: string, index: number, dealId: string) {
  const { rows } = await sql<{ position: number }>`select position from deals
    where stage_id = ${stageId} and id <> ${dealId}
    order by position, id offset ${Math.max(index - 1, 0)} limit 2`.execute(trx);
  if (index === 0) return positionBetween(null, rows[0]?.position ?? null);
  return positionBetween(rows[0]?.position ?? null, rows[1]?.position ?? null);
}

/**
 * Moves a deal in one transaction: lock it (and check the target stage in the same statement),
 * read the neighbours, update the row returning the deal as the API shows it, write the events.
 */
export async function rawMove(
  db: Kysely<DB>,
  ws: string,
  actorId: string,
  dealId: string,
  stageId: string,
  index: number,
) {
  return db.transaction().execute(async (trx) => {
    const locked = await sql<Locked>`select d.stage_id, d.pipeline_id, d.status,
        t.pipeline_id as target_pipeline_id, t.kind as target_kind
      from deals d join stages t on t.id = ${stageId} and t.workspace_id = d.workspace_id
      where d.id = ${dealId} and d.workspace_id = ${ws}
      for update of d`.execute(trx);
    const deal = locked.rows[0];
    if (!deal) throw new Error(`deal ${dealId} or stage ${stageId} not found`);
    let position = await neighbours(trx, stageId, index, dealId);
    if (position === null) {
      await sql`update deals set position = r.rn * ${POSITION_STEP}
        from (select id, row_number() over (order by position, id) as rn from deals where stage_id = ${stageId}) r
        where deals.id = r.id`.execute(trx);
      position = (await neighbours(trx, stageId, index, dealId)) as number;
    }
    const status: DealStatus = deal.target_kind;
    const at = new Date();
    const { rows } = await sql`with moved as (
        update deals set stage_id = ${stageId}, pipeline_id = ${deal.target_pipeline_id},
          position = ${position}, status = ${status},
          closed_at = case when ${status}::text = 'open' then null when status = ${status} then closed_at else ${at} end,
          lost_reason = case when ${status}::text = 'lost' then lost_reason end,
          stage_entered_at = case when stage_id = ${stageId} then stage_entered_at else ${at} end,
          version = version + 1, updated_at = ${at}
        where id = ${dealId} returning *)
      select ${dealColumns} from moved d ${dealJoins}`.execute(trx);
    if (deal.stage_id !== stageId) {
      const events: RawBuilder<unknown>[] = [
        sql`(${ws}, ${dealId}, 'stage', ${at}, ${actorId}, ${deal.pipeline_id}, ${deal.target_pipeline_id}, ${deal.stage_id}, ${stageId}, null, null)`,
      ];
      if (status !== deal.status) {
        events.push(
          sql`(${ws}, ${dealId}, 'status', ${at}, ${actorId}, null, null, null, null, ${deal.status}, ${status})`,
        );
      }
      await sql`insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id,
          from_pipeline_id, to_pipeline_id, from_stage_id, to_stage_id, from_text, to_text)
        values ${sql.join(events)}`.execute(trx);
    }
    return rows[0];
  });
}
