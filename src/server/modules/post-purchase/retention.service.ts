import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { convertSum } from '../../../domain/exchange.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { workspaceDays } from '../shared/workspace-days.js';
import { moneyOf } from '../scoring/scoring-data.js';

const annual = (minor: number | null, period: 'month' | 'year' | null) =>
  minor === null ? 0 : period === 'month' ? minor * 12 : minor;

/**
 * Renewal rate and net revenue retention over a period of local days (docs/metrics.md):
 * - renewal rate: of the renewal deals closed in the period, the share won;
 * - NRR: the customers (companies) with a recurring contract in force on the first day; their
 *   annual recurring value in force on the last day over that on the first day, both in the
 *   workspace currency at the rate of the day.
 */
export async function retention(db: Kysely<DB>, actor: Actor, range: { from: string; to: string }) {
  const { start, end } = await workspaceDays(db, actor.workspaceId, range);
  const scope = await scopeOf(db, actor);
  const renewals = await db
    .selectFrom('deal_links as l')
    .innerJoin('deals as d', 'd.id', 'l.deal_id')
    .select([
      sql<number>`count(*) filter (where d.status = 'won')`.as('won'),
      sql<number>`count(*) filter (where d.status = 'lost')`.as('lost'),
    ])
    .where('l.workspace_id', '=', actor.workspaceId)
    .where('l.kind', '=', 'renewal')
    .where('d.closed_at', '>=', start)
    .where('d.closed_at', '<', end)
    .$if(scope.owners !== null, (q) => q.where('d.owner_id', 'in', scope.owners as string[]))
    .executeTakeFirstOrThrow();
  const won = Number(renewals.won);
  const lost = Number(renewals.lost);

  const contracts = await db
    .selectFrom('contracts as c')
    .innerJoin('deals as d', 'd.id', 'c.deal_id')
    .select([
      'd.company_id',
      'c.starts_on',
      'c.ends_on',
      'c.recurring_minor',
      'c.recurring_period',
      'c.currency',
    ])
    .where('c.workspace_id', '=', actor.workspaceId)
    .where('c.recurring_minor', 'is not', null)
    .where('d.company_id', 'is not', null)
    .where('d.status', '=', 'won')
    .$if(scope.owners !== null, (q) => q.where('d.owner_id', 'in', scope.owners as string[]))
    .execute();
  const inForce = (day: string) => contracts.filter((c) => c.starts_on <= day && day <= c.ends_on);
  const atStart = inForce(range.from);
  const customers = new Set(atStart.map((c) => c.company_id));
  const atEnd = inForce(range.to).filter((c) => customers.has(c.company_id));
  const money = await moneyOf(db, actor.workspaceId);
  const value = (rows: typeof contracts, day: string) =>
    convertSum(
      rows.map((c) => ({
        minor: annual(c.recurring_minor, c.recurring_period),
        currency: c.currency.trim(),
        date: day,
      })),
      money.base,
      money.rates,
    );
  const starting = value(atStart, range.from);
  const ending = value(atEnd, range.to);
  return {
    renewals: { won, lost, rate: won + lost === 0 ? null : won / (won + lost) },
    netRevenueRetention: {
      baseCurrency: money.base,
      customers: customers.size,
      starting: starting.total,
      ending: ending.total,
      rate: starting.total === 0 ? null : ending.total / starting.total,
      unconverted: [...starting.missing, ...ending.missing],
    },
  };
}
