import type { Kysely } from 'kysely';
import type { DB, DealStatus, NewDealEvent } from '../../../db/schema.js';
import { forbidden, invalid, notFound, unprocessable } from '../../../domain/errors.js';
import { isKnownCurrency } from '../../../domain/money.js';
import { searchDocument } from '../../../domain/normalise.js';
import { POSITION_STEP } from '../../../domain/positions.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { closedAtFor, statusForStage } from './deal-rules.js';
import { sortColumns, type DealSort } from './deal-sort.js';
import * as repo from './deals.repository.js';
import { assertCanEnter, loadDealFacts } from './stage-entry.js';

export async function getDeal(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await repo
    .applyDealFilters(repo.selectDeals(db), scope, {})
    .where('deals.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deal');
  return repo.toDeal(row);
}

export type DealListInput = repo.DealFilters & {
  limit: number;
  cursor?: string | undefined;
  sort: DealSort;
  order: 'asc' | 'desc';
};

export async function listDeals(db: Kysely<DB>, actor: Actor, input: DealListInput) {
  const scope = await scopeOf(db, actor);
  const column = sortColumns[input.sort];
  const after = decodeCursor(input.cursor);
  const rows = await repo
    .applyDealFilters(repo.selectDeals(db), scope, input)
    .$if(after !== null, (q) =>
      q.where(afterKey(column, input.order, after as CursorKey, 'deals.id')),
    )
    .orderBy(column.expr, input.order)
    .orderBy('deals.id', input.order)
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows.map(repo.toDeal), input.limit, (d) => ({
    v: column.cursorValue(d),
    id: d.id,
  }));
}

async function assertCompany(db: Kysely<DB>, scope: Scope, companyId: string | null | undefined) {
  if (!companyId) return;
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', companyId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw invalid('companyId', 'No such company in this workspace');
}

async function assertContacts(db: Kysely<DB>, scope: Scope, ids: string[] | undefined) {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('id', 'in', unique)
    .where('workspace_id', '=', scope.workspaceId)
    .execute();
  if (rows.length !== unique.length)
    throw invalid('contactIds', 'No such contact in this workspace');
}

export async function assertOwner(
  db: Kysely<DB>,
  scope: Scope,
  ownerId: string,
  field = 'ownerId',
) {
  const row = await db
    .selectFrom('users')
    .select(['id', 'active'])
    .where('id', '=', ownerId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row || !row.active) throw invalid(field, 'No such active user in this workspace');
  if (scope.owners !== null && !scope.owners.includes(ownerId)) {
    throw forbidden('You can assign deals only to people whose deals you can see');
  }
}

function assertCurrency(currency: string | undefined) {
  if (currency !== undefined && !isKnownCurrency(currency)) {
    throw invalid('currency', 'Unknown ISO 4217 currency');
  }
}

async function resolveStage(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId?: string,
  stageId?: string,
) {
  if (stageId) {
    const stage = await db
      .selectFrom('stages')
      .selectAll()
      .where('id', '=', stageId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!stage) throw invalid('stageId', 'No such stage in this workspace');
    if (pipelineId && stage.pipeline_id !== pipelineId)
      throw invalid('stageId', 'The stage is not in that pipeline');
    return stage;
  }
  const stage = await db
    .selectFrom('stages')
    .innerJoin('pipelines', 'pipelines.id', 'stages.pipeline_id')
    .selectAll('stages')
    .where('stages.workspace_id', '=', workspaceId)
    .$if(!!pipelineId, (q) => q.where('stages.pipeline_id', '=', pipelineId as string))
    .orderBy('pipelines.position')
    .orderBy('stages.position')
    .limit(1)
    .executeTakeFirst();
  if (!stage)
    throw invalid(pipelineId ? 'pipelineId' : 'stageId', 'No such pipeline, or it has no stages');
  return stage;
}

export type DealCreate = {
  title: string;
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  value: number;
  currency?: string | undefined;
  expectedCloseDate?: string | null | undefined;
  ownerId?: string | undefined;
  companyId?: string | null | undefined;
  contactIds: string[];
  source?: string | null | undefined;
  probability?: number | null | undefined;
  createdAt?: string | undefined;
};

export async function createDeal(db: Kysely<DB>, actor: Actor, input: DealCreate) {
  const scope = await scopeOf(db, actor);
  if (input.createdAt && actor.role !== 'admin') throw forbidden('Only admins may back-date deals');
  const at = input.createdAt ? new Date(input.createdAt) : new Date();
  if (at.getTime() > Date.now() + 60_000) throw invalid('createdAt', 'must not be in the future');
  assertCurrency(input.currency);
  const ownerId = input.ownerId ?? actor.id;
  await assertOwner(db, scope, ownerId);
  await assertCompany(db, scope, input.companyId);
  await assertContacts(db, scope, input.contactIds);
  const id = await db.transaction().execute(async (trx) => {
    const stage = await resolveStage(trx, actor.workspaceId, input.pipelineId, input.stageId);
    assertCanEnter(stage, {
      value: input.value,
      expectedCloseDate: input.expectedCloseDate ?? null,
      companyId: input.companyId ?? null,
      contactCount: new Set(input.contactIds).size,
      source: input.source ?? null,
      probability: input.probability ?? null,
    });
    const workspace = await trx
      .selectFrom('workspaces')
      .select('default_currency')
      .where('id', '=', actor.workspaceId)
      .executeTakeFirstOrThrow();
    const currency = input.currency ?? workspace.default_currency;
    const status = statusForStage(stage.kind);
    const first = await repo.firstPosition(trx, stage.id);
    const companyName = input.companyId
      ? (
          await trx
            .selectFrom('companies')
            .select('name')
            .where('id', '=', input.companyId)
            .executeTakeFirst()
        )?.name
      : null;
    const deal = await trx
      .insertInto('deals')
      .values({
        workspace_id: actor.workspaceId,
        title: input.title,
        pipeline_id: stage.pipeline_id,
        stage_id: stage.id,
        position: first === null ? POSITION_STEP : first - POSITION_STEP,
        value_minor: input.value,
        currency,
        expected_close_date: input.expectedCloseDate ?? null,
        owner_id: ownerId,
        company_id: input.companyId ?? null,
        source: input.source ?? null,
        status,
        closed_at: status === 'open' ? null : at,
        probability: input.probability ?? null,
        stage_entered_at: at,
        search_document: searchDocument(input.title, companyName, input.source),
        created_at: at,
        updated_at: at,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await repo.replaceDealContacts(trx, deal.id, input.contactIds);
    await repo.insertEvents(trx, [
      {
        workspace_id: actor.workspaceId,
        deal_id: deal.id,
        type: 'created',
        occurred_at: at,
        actor_id: actor.id,
        to_pipeline_id: stage.pipeline_id,
        to_stage_id: stage.id,
        to_value: input.value,
        to_text: status,
        data: JSON.stringify({
          currency,
          ownerId,
          expectedCloseDate: input.expectedCloseDate ?? null,
          status,
        }),
      },
      // A deal created already won or lost also gets its status event, so that "won in a
      // period" can always be read from status events alone.
      ...(status === 'open'
        ? []
        : [
            {
              workspace_id: actor.workspaceId,
              deal_id: deal.id,
              type: 'status' as const,
              occurred_at: at,
              actor_id: actor.id,
              from_text: null,
              to_text: status,
            },
          ]),
    ]);
    return deal.id;
  });
  return getDeal(db, scope, id);
}

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

export async function deleteDeal(db: Kysely<DB>, actor: Actor, id: string) {
  const deal = await getDeal(db, await scopeOf(db, actor), id);
  if (actor.role === 'rep' && deal.ownerId !== actor.id) {
    throw forbidden('Reps can delete only their own deals');
  }
  await db
    .deleteFrom('deals')
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .execute();
}

export async function dealHistory(db: Kysely<DB>, actor: Actor, id: string) {
  const scope = await scopeOf(db, actor);
  await getDeal(db, scope, id);
  const rows = await db
    .selectFrom('deal_events')
    .leftJoin('users', 'users.id', 'deal_events.actor_id')
    .selectAll('deal_events')
    .select('users.name as actor_name')
    .where('deal_events.deal_id', '=', id)
    .where('deal_events.workspace_id', '=', actor.workspaceId)
    .orderBy('deal_events.occurred_at')
    .orderBy('deal_events.id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    occurredAt: e.occurred_at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    fromPipelineId: e.from_pipeline_id,
    toPipelineId: e.to_pipeline_id,
    fromStageId: e.from_stage_id,
    toStageId: e.to_stage_id,
    fromValue: e.from_value,
    toValue: e.to_value,
    fromText: e.from_text,
    toText: e.to_text,
    data: e.data,
  }));
}
