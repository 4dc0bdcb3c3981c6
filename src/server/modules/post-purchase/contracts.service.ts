import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalid, notFound, unprocessable } from '../../../domain/errors.js';
import { isKnownCurrency } from '../../../domain/money.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { getDeal } from '../deals/deals.service.js';

type Row = {
  deal_id: string;
  starts_on: string;
  ends_on: string;
  recurring_minor: number | null;
  recurring_period: 'month' | 'year' | null;
  currency: string;
  version: number;
};

const toContract = (r: Row) => ({
  dealId: r.deal_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  recurringValue: r.recurring_minor,
  recurringPeriod: r.recurring_period,
  currency: r.currency.trim(),
  version: r.version,
});

export async function getContract(db: Kysely<DB>, actor: Actor, dealId: string) {
  await getDeal(db, await scopeOf(db, actor), dealId);
  const row = await db
    .selectFrom('contracts')
    .selectAll()
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  if (!row) throw notFound('Contract');
  return toContract(row);
}

export type ContractInput = {
  startsOn: string;
  endsOn: string;
  recurringValue?: number | null | undefined;
  recurringPeriod?: 'month' | 'year' | null | undefined;
  currency?: string | undefined;
};

/** Records (or replaces) the contract of a won deal: its term and any recurring value. */
export async function putContract(
  db: Kysely<DB>,
  actor: Actor,
  dealId: string,
  input: ContractInput,
) {
  const deal = await getDeal(db, await scopeOf(db, actor), dealId);
  if (deal.status !== 'won') throw unprocessable('Only a won deal has a contract', 'dealId');
  if (input.endsOn < input.startsOn) throw invalid('endsOn', 'must not be before startsOn');
  if ((input.recurringValue == null) !== (input.recurringPeriod == null))
    throw invalid('recurringPeriod', 'give recurringValue and recurringPeriod together');
  const currency = input.currency ?? deal.currency;
  if (!isKnownCurrency(currency)) throw invalid('currency', 'is not a currency this server knows');
  const values = {
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    recurring_minor: input.recurringValue ?? null,
    recurring_period: input.recurringPeriod ?? null,
    currency,
  };
  await db
    .insertInto('contracts')
    .values({ ...values, deal_id: dealId, workspace_id: actor.workspaceId })
    .onConflict((oc) =>
      oc.column('deal_id').doUpdateSet((eb) => ({
        ...values,
        version: eb('contracts.version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute();
  return getContract(db, actor, dealId);
}
