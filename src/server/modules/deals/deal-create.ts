import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid } from '../../../domain/errors.js';
import { searchDocument } from '../../../domain/normalise.js';
import { POSITION_STEP } from '../../../domain/positions.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { statusForStage } from './deal-rules.js';
import * as repo from './deals.repository.js';
import { assertCanEnter } from './stage-entry.js';
import {
  assertCompany,
  assertContacts,
  assertCurrency,
  assertOwner,
  resolveStage,
} from './deal-checks.js';
import { getDeal } from './deals.service.js';
import { inTransaction } from '../shared/transaction.js';

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
  /** The lead this deal was converted from (set by lead conversion, not by the API). */
  leadId?: string | undefined;
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
  const id = await inTransaction(db, async (trx) => {
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
        lead_id: input.leadId ?? null,
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
