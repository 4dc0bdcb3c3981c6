import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { isKnownCurrency } from '../../../domain/money.js';
import type { Actor } from '../auth/actor.js';

const firstDay = (month: string) => `${month}-01`;

export async function listSpend(
  db: Kysely<DB>,
  actor: Actor,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const rows = await db
    .selectFrom('marketing_spend')
    .select(['channel', 'month', 'amount_minor', 'currency'])
    .where('workspace_id', '=', actor.workspaceId)
    .$if(range.from !== undefined, (q) => q.where('month', '>=', firstDay(range.from as string)))
    .$if(range.to !== undefined, (q) => q.where('month', '<=', firstDay(range.to as string)))
    .orderBy('month', 'desc')
    .orderBy('channel')
    .execute();
  return {
    data: rows.map((r) => ({
      channel: r.channel,
      month: r.month.slice(0, 7),
      amount: r.amount_minor,
      currency: r.currency.trim(),
    })),
  };
}

type SpendInput = { channel: string; month: string; amount: number; currency: string };

const canEnter = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/** Adds or replaces a channel's spend for months, all or none. */
export async function saveSpend(db: Kysely<DB>, actor: Actor, entries: SpendInput[]) {
  if (!canEnter(actor)) throw forbidden('Only admins and managers enter marketing spend');
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!isKnownCurrency(e.currency))
      throw invalid(`entries.${i}.currency`, 'is not a currency this server knows');
    // Channels match deal sources without regard to case, so they are one key too.
    const key = `${e.channel.toLowerCase()} ${e.month}`;
    if (seen.has(key)) throw invalid(`entries.${i}`, 'repeats a channel and month given earlier');
    seen.add(key);
  });
  await db.transaction().execute(async (trx) => {
    for (const e of entries) {
      // The channel keeps the spelling it was first entered with.
      const existing = await trx
        .selectFrom('marketing_spend')
        .select('channel')
        .where('workspace_id', '=', actor.workspaceId)
        .where(sql<string>`lower(channel)`, '=', e.channel.toLowerCase())
        .executeTakeFirst();
      await trx
        .insertInto('marketing_spend')
        .values({
          workspace_id: actor.workspaceId,
          channel: existing?.channel ?? e.channel,
          month: firstDay(e.month),
          amount_minor: e.amount,
          currency: e.currency,
          updated_by: actor.id,
        })
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'channel', 'month']).doUpdateSet({
            amount_minor: sql`excluded.amount_minor`,
            currency: sql`excluded.currency`,
            updated_by: sql`excluded.updated_by`,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    }
  });
  return { saved: entries.length };
}

export async function deleteSpend(db: Kysely<DB>, actor: Actor, month: string, channel: string) {
  if (!canEnter(actor)) throw forbidden('Only admins and managers enter marketing spend');
  const result = await db
    .deleteFrom('marketing_spend')
    .where('workspace_id', '=', actor.workspaceId)
    .where('month', '=', firstDay(month))
    .where(sql<string>`lower(channel)`, '=', channel.toLowerCase())
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Marketing spend');
}
