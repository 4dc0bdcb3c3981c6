import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays, localDate, startOfLocalDay } from '../../../domain/local-day.js';
import { createDeal } from '../deals/deal-create.js';
import { annualValue } from './onboarding.service.js';
import { postPurchaseStages } from './post-purchase-pipeline.js';

/** The renewal reminder is due this many days before the contract ends (or at once if later). */
export const RENEWAL_REMINDER_DAYS = 30;

type Due = {
  deal_id: string;
  workspace_id: string;
  ends_on: string;
  timezone: string;
};

/**
 * Contracts whose renewal is due today or earlier in their workspace's zone (end date minus the
 * workspace's lead days) and have no renewal deal for this term yet.
 */
async function dueContracts(db: Kysely<DB>, now: Date): Promise<Due[]> {
  const rows = await db
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select(['c.deal_id', 'c.workspace_id', 'c.ends_on', 'w.timezone', 'w.renewal_lead_days'])
    .where('d.status', '=', 'won')
    // A coarse UTC bound first (a day of slack for zones); the exact local check follows.
    .where(
      sql<boolean>`c.ends_on - w.renewal_lead_days <= ${now.toISOString().slice(0, 10)}::date + 1`,
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deal_links as l')
            .select('l.deal_id')
            .whereRef('l.parent_deal_id', '=', 'c.deal_id')
            .where('l.kind', '=', 'renewal')
            .whereRef('l.term_ends_on', '=', 'c.ends_on'),
        ),
      ),
    )
    .execute();
  return rows.filter((r) => addDays(r.ends_on, -r.renewal_lead_days) <= localDate(now, r.timezone));
}

/**
 * Creates the renewal deal of each contract that has come due: owned by the account's owner (the
 * company's, else the won deal's), in the Post-purchase pipeline's renewal stage, expected to
 * close when the contract ends, with a task to call the customer. Each in its own transaction
 * that locks the contract first, and the unique (parent, term) link makes a second attempt a
 * no-op: two workers, or a retry after a crash, never make two. Returns the new deals' ids.
 */
export async function createDueRenewals(db: Kysely<DB>, now = new Date()): Promise<string[]> {
  const created: string[] = [];
  for (const due of await dueContracts(db, now)) {
    const id = await db.transaction().execute(async (trx) => {
      const contract = await trx
        .selectFrom('contracts')
        .selectAll()
        .where('deal_id', '=', due.deal_id)
        .forUpdate()
        .executeTakeFirst();
      if (!contract || contract.ends_on !== due.ends_on) return null;
      const taken = await trx
        .selectFrom('deal_links')
        .select('deal_id')
        .where('parent_deal_id', '=', due.deal_id)
        .where('kind', '=', 'renewal')
        .where('term_ends_on', '=', due.ends_on)
        .executeTakeFirst();
      if (taken) return null;
      const parent = await trx
        .selectFrom('deals as d')
        .leftJoin('companies as co', 'co.id', 'd.company_id')
        .leftJoin('users as cu', (j) =>
          j.onRef('cu.id', '=', 'co.owner_id').on('cu.active', '=', true),
        )
        .select([
          'd.id',
          'd.title',
          'd.value_minor',
          'd.currency',
          'd.owner_id',
          'd.company_id',
          'd.source',
          'cu.id as account_owner',
          sql<
            string[]
          >`coalesce((select array_agg(dc.contact_id) from deal_contacts dc where dc.deal_id = d.id), '{}')`.as(
            'contact_ids',
          ),
        ])
        .where('d.id', '=', due.deal_id)
        .executeTakeFirstOrThrow();
      const ownerId = parent.account_owner ?? parent.owner_id;
      const where = await postPurchaseStages(trx, due.workspace_id);
      // The job acts for the owner: the deal and its history say who it belongs to.
      const actor = {
        id: ownerId,
        workspaceId: due.workspace_id,
        role: 'admin' as const,
        visibility: 'all' as const,
      };
      const deal = await createDeal(trx, actor, {
        title: `Renewal: ${parent.title}`,
        pipelineId: where.pipelineId,
        stageId: where.renewalStageId,
        value: annualValue(contract) ?? parent.value_minor,
        currency: contract.currency.trim(),
        expectedCloseDate: contract.ends_on,
        ownerId,
        companyId: parent.company_id,
        contactIds: parent.contact_ids,
        source: 'Renewal',
      });
      await trx
        .insertInto('deal_links')
        .values({
          deal_id: deal.id,
          parent_deal_id: due.deal_id,
          workspace_id: due.workspace_id,
          kind: 'renewal',
          term_ends_on: due.ends_on,
        })
        .execute();
      const remindOn = addDays(due.ends_on, -RENEWAL_REMINDER_DAYS);
      // 09:00 local on that day, or now when that has passed.
      const at = new Date(startOfLocalDay(remindOn, due.timezone).getTime() + 9 * 3_600_000);
      await trx
        .insertInto('activities')
        .values({
          workspace_id: due.workspace_id,
          type: 'task',
          subject: `Renewal: talk to the customer before ${due.ends_on}`,
          due_at: at > now ? at : now,
          owner_id: ownerId,
          deal_id: deal.id,
          company_id: parent.company_id,
        })
        .execute();
      return deal.id;
    });
    if (id) created.push(id);
  }
  return created;
}
