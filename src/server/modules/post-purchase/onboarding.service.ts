import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { unprocessable } from '../../../domain/errors.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { createDeal } from '../deals/deal-create.js';
import { getDeal } from '../deals/deals.service.js';
import { inTransaction } from '../shared/transaction.js';
import { postPurchaseStages } from './post-purchase-pipeline.js';

/**
 * Starts the post-purchase flow of a won deal: an onboarding deal for the same customer in the
 * Post-purchase pipeline's first stage. Once per deal: asking again returns the one made.
 */
export async function startOnboarding(db: Kysely<DB>, actor: Actor, dealId: string) {
  const scope = await scopeOf(db, actor);
  const parent = await getDeal(db, scope, dealId);
  if (parent.status !== 'won') throw unprocessable('Only a won deal starts onboarding', 'dealId');
  return inTransaction(db, async (trx) => {
    // The parent's row lock makes two clicks (or two processes) wait for each other.
    await trx.selectFrom('deals').select('id').where('id', '=', dealId).forUpdate().execute();
    const existing = await trx
      .selectFrom('deal_links')
      .select('deal_id')
      .where('parent_deal_id', '=', dealId)
      .where('kind', '=', 'onboarding')
      .executeTakeFirst();
    if (existing) return { dealId: existing.deal_id, created: false };
    const where = await postPurchaseStages(trx, actor.workspaceId);
    const contract = await trx
      .selectFrom('contracts')
      .select(['recurring_minor', 'recurring_period', 'currency'])
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
    const deal = await createDeal(trx, actor, {
      title: `Onboarding: ${parent.title}`,
      pipelineId: where.pipelineId,
      stageId: where.onboardingStageId,
      value: annualValue(contract) ?? parent.value,
      currency: contract?.currency.trim() ?? parent.currency,
      ownerId: parent.ownerId,
      companyId: parent.companyId,
      contactIds: parent.contactIds,
      source: parent.source,
    });
    await trx
      .insertInto('deal_links')
      .values({
        deal_id: deal.id,
        parent_deal_id: dealId,
        workspace_id: actor.workspaceId,
        kind: 'onboarding',
      })
      .execute();
    return { dealId: deal.id, created: true };
  });
}

/** A recurring value as a year's worth, the amount a renewal is about. */
export function annualValue(
  contract:
    { recurring_minor: number | null; recurring_period: 'month' | 'year' | null } | undefined,
): number | null {
  if (!contract || contract.recurring_minor === null) return null;
  return contract.recurring_period === 'month'
    ? contract.recurring_minor * 12
    : contract.recurring_minor;
}
