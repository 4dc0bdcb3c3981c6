import { randomUUID } from 'node:crypto';
import type { NewDeal, NewDealEvent } from '../../../db/schema.js';
import { searchDocument } from '../../../domain/normalise.js';
import { POSITION_STEP } from '../../../domain/positions.js';
import { transitionEvents } from '../deals/deal-move.js';
import { statusForStage } from '../deals/deal-rules.js';
import * as dealsRepo from '../deals/deals.repository.js';
import { ensureCompanies } from './company-rows.js';
import type { DealPlan } from './deal-rows.js';
import type { Keyed, WriteContext, WriteResult } from './write-context.js';

/**
 * The history a deal would have had if it had been entered as it happened: created (in its first
 * stage, at its created time), moved to its current stage when it entered it or closed, and won
 * or lost at its close time. The same events deal-create and deal-move write, with the file's dates.
 */
export function historyOf(
  dealId: string,
  plan: DealPlan,
  ctx: { workspaceId: string; actorId: string; batchId: string },
  ownerId: string,
): NewDealEvent[] {
  const createdStatus = statusForStage(plan.startStage.kind);
  const base = { workspace_id: ctx.workspaceId, deal_id: dealId, actor_id: ctx.actorId };
  const events: NewDealEvent[] = [
    {
      ...base,
      type: 'created',
      occurred_at: plan.createdAt,
      to_pipeline_id: plan.pipelineId,
      to_stage_id: plan.startStage.id,
      to_value: plan.value,
      to_text: createdStatus,
      data: JSON.stringify({
        currency: plan.currency,
        ownerId,
        expectedCloseDate: plan.expectedCloseDate,
        status: createdStatus,
        importBatchId: ctx.batchId,
      }),
    },
  ];
  if (createdStatus !== 'open')
    events.push({ ...base, type: 'status', occurred_at: plan.createdAt, to_text: createdStatus });
  const before = {
    id: dealId,
    workspace_id: ctx.workspaceId,
    stage_id: plan.startStage.id,
    pipeline_id: plan.pipelineId,
    status: createdStatus,
  };
  if (plan.stage.id !== plan.startStage.id)
    events.push(
      ...transitionEvents(
        before,
        { ...plan.stage, pipeline_id: plan.pipelineId },
        ctx.actorId,
        plan.stageEnteredAt,
      ),
    );
  else if (plan.status !== createdStatus)
    // Won or lost in a pipeline without such a stage: the status changes, the stage stays.
    events.push({
      ...base,
      type: 'status',
      occurred_at: plan.closedAt as Date,
      from_text: createdStatus,
      to_text: plan.status,
    });
  if (plan.lostReason)
    for (const e of events)
      if (e.type === 'status' && e.to_text === 'lost')
        e.data = JSON.stringify({ lostReason: plan.lostReason });
  return events;
}

/** Inserts a batch of deals with their history; new deals go on top of their stage, in file order. */
export async function writeDeals(ctx: WriteContext, rows: Keyed<DealPlan>[]): Promise<WriteResult> {
  // A company found by its imported id is not looked up (or made) by name.
  const companies = await ensureCompanies(
    ctx,
    rows.map((r) => (r.plan.companyId ? null : r.plan.companyName)),
  );
  const top = new Map<string, number>();
  for (const { plan } of rows)
    if (!top.has(plan.stage.id))
      top.set(plan.stage.id, (await dealsRepo.firstPosition(ctx.trx, plan.stage.id)) ?? 0);
  const deals: NewDeal[] = [];
  const events: NewDealEvent[] = [];
  for (const { plan } of [...rows].reverse()) {
    const id = randomUUID();
    const position = (top.get(plan.stage.id) as number) - POSITION_STEP;
    top.set(plan.stage.id, position);
    const ownerId = plan.ownerId ?? ctx.actorId;
    const history = historyOf(id, plan, ctx, ownerId);
    const lastAt = history[history.length - 1]?.occurred_at ?? plan.createdAt;
    deals.push({
      id,
      workspace_id: ctx.workspaceId,
      title: plan.title,
      pipeline_id: plan.pipelineId,
      stage_id: plan.stage.id,
      position,
      value_minor: plan.value,
      currency: plan.currency,
      expected_close_date: plan.expectedCloseDate,
      owner_id: ownerId,
      company_id: plan.companyId ?? companies.idOf(plan.companyName),
      source: plan.source,
      status: plan.status,
      lost_reason: plan.lostReason,
      closed_at: plan.closedAt,
      probability: plan.probability,
      stage_entered_at: plan.stageEnteredAt,
      search_document: searchDocument(plan.title, plan.companyName, plan.source),
      created_at: plan.createdAt,
      updated_at: lastAt,
    });
    events.push(...history);
  }
  deals.reverse();
  const links = rows.flatMap(({ plan }, i) =>
    plan.contactIds.map((contactId) => ({
      deal_id: deals[i]!.id as string,
      contact_id: contactId,
    })),
  );
  for (let i = 0; i < deals.length; i += 1000)
    await ctx.trx
      .insertInto('deals')
      .values(deals.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < events.length; i += 2000)
    await dealsRepo.insertEvents(ctx.trx, events.slice(i, i + 2000));
  for (let i = 0; i < links.length; i += 5000)
    await ctx.trx
      .insertInto('deal_contacts')
      .values(links.slice(i, i + 5000))
      .execute();
  return {
    records: [
      ...companies.created,
      ...rows.map((r, i) => ({
        entity: 'deals' as const,
        externalId: r.externalId,
        recordId: deals[i]!.id as string,
      })),
    ],
    newCompanies: companies.newCompanies,
  };
}
