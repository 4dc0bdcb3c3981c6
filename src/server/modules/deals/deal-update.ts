import type { Kysely } from 'kysely';
import type { DB, DealStatus, NewDealEvent } from '../../../db/schema.js';
import { notFound, unprocessable } from '../../../domain/errors.js';
import { searchDocument } from '../../../domain/normalise.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { closedAtFor } from './deal-rules.js';
import * as repo from './deals.repository.js';
import { assertCanEnter, loadDealFacts } from './stage-entry.js';
import { assertCompany, assertContacts, assertCurrency, assertOwner } from './deal-checks.js';
import { getDeal } from './deals.service.js';

export type DealUpdate = {
  version: number;
  title?: string | undefined;
  value?: number | undefined;
  currency?: string | undefined;
  expectedCloseDate?: string | null | undefined;
  ownerId?: string | undefined;
  companyId?: string | null | undefined;
  contactIds?: string[] | undefined;
  source?: string | null | undefined;
  probability?: number | null | undefined;
  status?: DealStatus | undefined;
  lostReason?: string | null | undefined;
};

export async function updateDeal(db: Kysely<DB>, actor: Actor, id: string, input: DealUpdate) {
  const scope = await scopeOf(db, actor);
  assertCurrency(input.currency);
  if (input.ownerId) await assertOwner(db, scope, input.ownerId);
  await assertCompany(db, scope, input.companyId);
  await assertContacts(db, scope, input.contactIds);
  await db.transaction().execute(async (trx) => {
    const deal = await trx
      .selectFrom('deals')
      .innerJoin('stages', 'stages.id', 'deals.stage_id')
      .selectAll('deals')
      .select('stages.kind as stage_kind')
      .where('deals.id', '=', id)
      .where('deals.workspace_id', '=', scope.workspaceId)
      .$if(scope.owners !== null, (q) => q.where('deals.owner_id', 'in', scope.owners as string[]))
      .forUpdate()
      .executeTakeFirst();
    await checkVersionedUpdate(
      deal && deal.version === input.version ? deal : undefined,
      'Deal',
      async () => deal?.version,
    );
    if (!deal) throw notFound('Deal');
    // Read the clock after the row lock: concurrent writers then timestamp in commit order.
    const now = new Date();

    // Won/lost by status: the deal also moves to the pipeline's won/lost stage when it has one.
    let stage:
      | {
          id: string;
          pipeline_id: string;
          kind: 'open' | 'won' | 'lost';
          name: string;
          required_fields: string[];
        }
      | undefined;
    const status = input.status ?? deal.status;
    if (status !== deal.status) {
      if (status === 'open' && deal.stage_kind !== 'open') {
        throw unprocessable('Move the deal to an open stage to reopen it', 'status');
      }
      if (status !== 'open') {
        stage = await trx
          .selectFrom('stages')
          .select(['id', 'pipeline_id', 'kind', 'name', 'required_fields'])
          .where('pipeline_id', '=', deal.pipeline_id)
          .where('kind', '=', status)
          .orderBy('position')
          .executeTakeFirst();
      }
    }
    // Entering the won/lost stage: its requirements hold for the deal as this change leaves it.
    if (stage && stage.id !== deal.stage_id && stage.required_fields.length) {
      assertCanEnter(stage, {
        value: input.value ?? deal.value_minor,
        expectedCloseDate:
          input.expectedCloseDate === undefined
            ? deal.expected_close_date
            : input.expectedCloseDate,
        companyId: input.companyId === undefined ? deal.company_id : input.companyId,
        contactCount: input.contactIds
          ? new Set(input.contactIds).size
          : ((await loadDealFacts(trx, { ids: [id] })).get(id)?.contactCount ?? 0),
        source: input.source === undefined ? deal.source : input.source,
        probability: input.probability === undefined ? deal.probability : input.probability,
      });
    }
    if (input.lostReason && status !== 'lost') {
      throw unprocessable('A lost reason is only for lost deals', 'lostReason');
    }
    const companyId = input.companyId === undefined ? deal.company_id : input.companyId;
    const companyName = companyId
      ? (
          await trx
            .selectFrom('companies')
            .select('name')
            .where('id', '=', companyId)
            .executeTakeFirst()
        )?.name
      : null;
    const title = input.title ?? deal.title;
    const source = input.source === undefined ? deal.source : input.source;
    await trx
      .updateTable('deals')
      .set((eb) => ({
        title,
        ...(input.value !== undefined && { value_minor: input.value }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.expectedCloseDate !== undefined && {
          expected_close_date: input.expectedCloseDate,
        }),
        ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
        company_id: companyId,
        source,
        ...(input.probability !== undefined && { probability: input.probability }),
        status,
        closed_at: closedAtFor(deal.status, status, deal.closed_at, now),
        lost_reason: status === 'lost' ? (input.lostReason ?? deal.lost_reason) : null,
        ...(stage && { stage_id: stage.id, stage_entered_at: now }),
        search_document: searchDocument(title, companyName, source),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
    if (input.contactIds) await repo.replaceDealContacts(trx, id, input.contactIds);
    await repo.insertEvents(trx, changeEvents(deal, { ...input, status }, stage, actor.id, now));
  });
  return getDeal(db, scope, id);
}

type DealBefore = {
  id: string;
  workspace_id: string;
  stage_id: string;
  pipeline_id: string;
  value_minor: number;
  currency: string;
  expected_close_date: string | null;
  owner_id: string;
  status: DealStatus;
};

/** One immutable event per tracked field that really changed. */
export function changeEvents(
  before: DealBefore,
  after: DealUpdate & { status: DealStatus },
  stage: { id: string; pipeline_id: string } | undefined,
  actorId: string,
  at: Date,
): NewDealEvent[] {
  const base = {
    workspace_id: before.workspace_id,
    deal_id: before.id,
    occurred_at: at,
    actor_id: actorId,
  };
  const events: NewDealEvent[] = [];
  const text = (type: NewDealEvent['type'], from: string | null, to: string | null | undefined) => {
    if (to !== undefined && to !== from)
      events.push({ ...base, type, from_text: from, to_text: to });
  };
  if (after.value !== undefined && after.value !== before.value_minor) {
    events.push({ ...base, type: 'value', from_value: before.value_minor, to_value: after.value });
  }
  text('currency', before.currency.trim(), after.currency);
  text('close_date', before.expected_close_date, after.expectedCloseDate);
  text('owner', before.owner_id, after.ownerId);
  if (stage && stage.id !== before.stage_id) {
    events.push({
      ...base,
      type: 'stage',
      from_stage_id: before.stage_id,
      to_stage_id: stage.id,
      from_pipeline_id: before.pipeline_id,
      to_pipeline_id: stage.pipeline_id,
    });
  }
  if (after.status !== before.status) {
    events.push({
      ...base,
      type: 'status',
      from_text: before.status,
      to_text: after.status,
      ...(after.lostReason && { data: JSON.stringify({ lostReason: after.lostReason }) }),
    });
  }
  return events;
}
