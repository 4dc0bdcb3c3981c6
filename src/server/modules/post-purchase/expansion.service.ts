import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { unprocessable } from '../../../domain/errors.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { createDeal } from '../deals/deal-create.js';
import { getDeal } from '../deals/deals.service.js';
import { inTransaction } from '../shared/transaction.js';
import { postPurchaseStages } from './post-purchase-pipeline.js';

export type ExpansionInput = { title: string; value: number; currency?: string | undefined };

/** An upsell or cross-sell to a won deal's customer, tagged as expansion and linked to it. */
export async function createExpansion(
  db: Kysely<DB>,
  actor: Actor,
  dealId: string,
  input: ExpansionInput,
) {
  const parent = await getDeal(db, await scopeOf(db, actor), dealId);
  if (parent.status !== 'won')
    throw unprocessable('Only a won deal’s customer can expand', 'dealId');
  return inTransaction(db, async (trx) => {
    const where = await postPurchaseStages(trx, actor.workspaceId);
    const deal = await createDeal(trx, actor, {
      title: input.title,
      pipelineId: where.pipelineId,
      stageId: where.expansionStageId,
      value: input.value,
      currency: input.currency ?? parent.currency,
      ownerId: parent.ownerId,
      companyId: parent.companyId,
      contactIds: parent.contactIds,
      source: 'Expansion',
    });
    await trx
      .insertInto('deal_links')
      .values({
        deal_id: deal.id,
        parent_deal_id: dealId,
        workspace_id: actor.workspaceId,
        kind: 'expansion',
      })
      .execute();
    return deal;
  });
}

/**
 * Customers live for at least `days` (since their first win) with no expansion deal yet: the
 * accounts to offer more to. Limited to companies whose deals the caller can see.
 */
export async function expansionSuggestions(
  db: Kysely<DB>,
  actor: Actor,
  days: number,
  now = new Date(),
) {
  const scope = await scopeOf(db, actor);
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db
    .selectFrom('deals as d')
    .innerJoin('companies as c', 'c.id', 'd.company_id')
    .select([
      'c.id as company_id',
      'c.name',
      sql<Date>`min(d.closed_at)`.as('customer_since'),
      sql<number>`count(*)`.as('won_deals'),
      sql<string>`(array_agg(d.id order by d.closed_at desc))[1]`.as('latest_deal_id'),
    ])
    .where('d.workspace_id', '=', actor.workspaceId)
    .where('d.status', '=', 'won')
    .$if(scope.owners !== null, (q) => q.where('d.owner_id', 'in', scope.owners as string[]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deal_links as l')
            .innerJoin('deals as e', 'e.id', 'l.deal_id')
            .select('l.deal_id')
            .where('l.kind', '=', 'expansion')
            .whereRef('e.company_id', '=', 'c.id'),
        ),
      ),
    )
    .groupBy(['c.id', 'c.name'])
    .having(sql<Date>`min(d.closed_at)`, '<=', since)
    .orderBy(sql`min(d.closed_at)`)
    .limit(100)
    .execute();
  return {
    data: rows.map((r) => ({
      companyId: r.company_id,
      name: r.name,
      customerSince: new Date(r.customer_since).toISOString(),
      wonDeals: Number(r.won_deals),
      latestDealId: r.latest_deal_id,
    })),
  };
}
