import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { formatRate, parseRate } from '../../../domain/exchange.js';
import { isKnownCurrency } from '../../../domain/money.js';
import type { Actor } from '../auth/actor.js';

async function baseCurrencyOf(db: Kysely<DB>, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('default_currency')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.default_currency.trim();
}

export async function listRates(db: Kysely<DB>, actor: Actor, currency?: string) {
  const [baseCurrency, rows] = await Promise.all([
    baseCurrencyOf(db, actor.workspaceId),
    db
      .selectFrom('exchange_rates')
      .select(['currency', 'date', 'rate'])
      .where('workspace_id', '=', actor.workspaceId)
      .$if(currency !== undefined, (q) => q.where('currency', '=', currency as string))
      .orderBy('currency')
      .orderBy('date', 'desc')
      .execute(),
  ]);
  return {
    baseCurrency,
    // numeric(24,10) reads back as '25400.5000000000'; answer the shortest exact form.
    data: rows.map((r) => ({
      currency: r.currency.trim(),
      date: r.date,
      rate: formatRate(parseRate(r.rate) as bigint),
    })),
  };
}

type RateInput = { currency: string; date: string; rate: string };

/** Adds or replaces rates, all or none; each (currency, date) once per request. */
export async function saveRates(db: Kysely<DB>, actor: Actor, rates: RateInput[]) {
  if (actor.role !== 'admin') throw forbidden('Only admins change exchange rates');
  const base = await baseCurrencyOf(db, actor.workspaceId);
  const seen = new Set<string>();
  rates.forEach((r, i) => {
    if (!isKnownCurrency(r.currency))
      throw invalid(`rates.${i}.currency`, 'is not a currency this server knows');
    if (r.currency === base)
      throw invalid(`rates.${i}.currency`, 'is the workspace currency: it needs no rate');
    if (parseRate(r.rate) === null) throw invalid(`rates.${i}.rate`, 'must be above zero');
    const key = `${r.currency} ${r.date}`;
    if (seen.has(key)) throw invalid(`rates.${i}`, 'repeats a currency and date given earlier');
    seen.add(key);
  });
  await db.transaction().execute(async (trx) => {
    // One statement per thousand rows keeps within the parameter limit.
    for (let i = 0; i < rates.length; i += 1000) {
      await trx
        .insertInto('exchange_rates')
        .values(
          rates.slice(i, i + 1000).map((r) => ({
            workspace_id: actor.workspaceId,
            currency: r.currency,
            date: r.date,
            rate: r.rate,
            updated_by: actor.id,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'currency', 'date']).doUpdateSet({
            rate: sql`excluded.rate`,
            updated_by: sql`excluded.updated_by`,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    }
  });
  return { saved: rates.length };
}

export async function deleteRate(db: Kysely<DB>, actor: Actor, currency: string, date: string) {
  if (actor.role !== 'admin') throw forbidden('Only admins change exchange rates');
  const result = await db
    .deleteFrom('exchange_rates')
    .where('workspace_id', '=', actor.workspaceId)
    .where('currency', '=', currency)
    .where('date', '=', date)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Exchange rate');
}

/** Every rate of the workspace, for reports that convert. */
export async function ratesOf(db: Kysely<DB>, workspaceId: string) {
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'date', 'rate'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}
