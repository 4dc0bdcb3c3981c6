import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { convertSum, rateTable, type RateTable } from '../../../domain/exchange.js';
import type { Record } from '../../../domain/scoring/features.js';
import { ratesOf } from '../money-settings/exchange-rates.service.js';

// The facts the scores read, for deals (closed ones to learn from, open ones to score) and leads.

export type Money = { rates: RateTable; base: string };

export async function moneyOf(db: Kysely<DB>, workspaceId: string): Promise<Money> {
  const [ws, rates] = await Promise.all([
    db
      .selectFrom('workspaces')
      .select('default_currency')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow(),
    ratesOf(db, workspaceId),
  ]);
  return { base: ws.default_currency.trim(), rates: rateTable(rates) };
}

/** The value in the workspace currency at a date's rate; null when no rate covers it. */
export function baseValue(money: Money, minor: number, currency: string, at: Date): number | null {
  const converted = convertSum(
    [{ minor, currency: currency.trim(), date: at.toISOString().slice(0, 10) }],
    money.base,
    money.rates,
  );
  return converted.missing.length > 0 ? null : converted.total;
}

const criteriaCount = (state: 'yes' | 'no') =>
  sql<number>`coalesce((select count(*) from jsonb_each(l.criteria) c where c.value->>'state' = ${state}), 0)`;

/** Deals with what the learned score needs; `closed` picks won and lost, else open ones. */
export function dealFacts(db: Kysely<DB>, workspaceId: string, closed: boolean) {
  return db
    .selectFrom('deals as d')
    .leftJoin('leads as l', 'l.id', 'd.lead_id')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .select([
      'd.id',
      'd.title',
      'd.status',
      'd.source',
      'd.owner_id',
      'd.value_minor',
      'd.currency',
      'd.company_id',
      'd.created_at',
      'd.closed_at',
      'd.last_activity_at',
      'd.stage_id',
      's.name as stage_name',
      criteriaCount('yes').as('criteria_yes'),
      criteriaCount('no').as('criteria_no'),
      sql<number>`(select count(*) from activities a where a.deal_id = d.id and a.done)`.as(
        'activities',
      ),
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.status', closed ? 'in' : '=', closed ? ['won', 'lost'] : 'open');
}

export type DealFactRow = Awaited<ReturnType<ReturnType<typeof dealFacts>['execute']>>[number];

export function dealRecord(row: DealFactRow, money: Money): Record {
  return {
    source: row.source,
    ownerId: row.owner_id,
    value: baseValue(money, row.value_minor, row.currency, row.closed_at ?? row.created_at),
    criteriaYes: Number(row.criteria_yes),
    criteriaNo: Number(row.criteria_no),
    activities: Number(row.activities),
    hasCompany: row.company_id !== null,
  };
}
