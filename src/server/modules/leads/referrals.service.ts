import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { workspaceDays } from '../shared/workspace-days.js';

/**
 * Credit for referring customers over a period of local days (the workspace's zone, both ends
 * included): leads they referred (created in it), those converted in it, and the deals from
 * their leads won in it with the won value per currency. Won deals count only when visible.
 */
export async function referralCredit(
  db: Kysely<DB>,
  actor: Actor,
  range: { from: string; to: string },
) {
  const { start, end } = await workspaceDays(db, actor.workspaceId, range);
  const scope = await scopeOf(db, actor);
  const inPeriod = (column: string) =>
    sql<boolean>`${sql.ref(column)} >= ${start} and ${sql.ref(column)} < ${end}`;
  const leads = await db
    .selectFrom('leads as l')
    .innerJoin('companies as c', 'c.id', 'l.referrer_company_id')
    .select([
      'c.id',
      'c.name',
      sql<number>`count(*) filter (where ${inPeriod('l.created_at')})`.as('referred'),
      sql<number>`count(*) filter (where ${inPeriod('l.converted_at')})`.as('converted'),
    ])
    .where('l.workspace_id', '=', actor.workspaceId)
    .groupBy(['c.id', 'c.name'])
    .execute();
  const won = await db
    .selectFrom('deals as d')
    .innerJoin('leads as l', 'l.id', 'd.lead_id')
    .select([
      'l.referrer_company_id as company_id',
      'd.currency',
      sql<number>`count(*)`.as('deals'),
      sql<number>`sum(d.value_minor)`.as('value'),
    ])
    .where('d.workspace_id', '=', actor.workspaceId)
    .where('l.referrer_company_id', 'is not', null)
    .where('d.status', '=', 'won')
    .where(inPeriod('d.closed_at'))
    .$if(scope.owners !== null, (q) => q.where('d.owner_id', 'in', scope.owners as string[]))
    .groupBy(['l.referrer_company_id', 'd.currency'])
    .execute();
  return {
    data: leads
      .map((c) => {
        const mine = won.filter((w) => w.company_id === c.id);
        return {
          companyId: c.id,
          name: c.name,
          leadsReferred: Number(c.referred),
          leadsConverted: Number(c.converted),
          dealsWon: mine.reduce((s, w) => s + Number(w.deals), 0),
          wonValue: Object.fromEntries(mine.map((w) => [w.currency.trim(), Number(w.value)])),
        };
      })
      .filter((c) => c.leadsReferred + c.leadsConverted + c.dealsWon > 0)
      .sort(
        (a, b) =>
          b.dealsWon - a.dealsWon ||
          b.leadsReferred - a.leadsReferred ||
          a.name.localeCompare(b.name),
      ),
  };
}
