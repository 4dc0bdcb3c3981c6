// The facts the channel and leaderboard reports read beside the deal facts: leads, marketing
// spend, the workspace's currency and rates, and the names of owners and teams.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { LeadFact, SpendFact } from '../../../domain/analytics/channels.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { rateTable } from '../../../domain/exchange.js';
import type { Scope } from '../access/visibility.js';
import { ratesOf } from '../money-settings/exchange-rates.service.js';

type OwnerFilters = { ownerId?: string | undefined; teamId?: string | undefined };

/**
 * Leads created or converted in the period that the caller may see (as in the inbox: their
 * people's and the unassigned ones), narrowed by their owner now.
 */
export async function leadFacts(
  db: Kysely<DB>,
  scope: Scope,
  f: OwnerFilters,
  period: Period,
): Promise<LeadFact[]> {
  const start = new Date(period.start);
  const end = new Date(period.end);
  const created = sql<boolean>`created_at >= ${start} and created_at < ${end}`;
  const converted = sql<boolean>`coalesce(converted_at >= ${start} and converted_at < ${end}, false)`;
  // Grouped by source and by whether each instant falls in the period: a few rows, whatever the
  // number of leads; each group's earliest instants fall in or out of the period as all of its.
  const rows = await db
    .selectFrom('leads')
    .select((eb) => [
      'source',
      eb.fn.min('created_at').as('created_at'),
      eb.fn.min('converted_at').as('converted_at'),
      eb.fn.countAll<string>().as('count'),
    ])
    .where('workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) =>
      q.where((eb) =>
        eb.or([eb('owner_id', 'is', null), eb('owner_id', 'in', scope.owners as string[])]),
      ),
    )
    .$if(!!f.ownerId, (q) => q.where('owner_id', '=', f.ownerId as string))
    .$if(!!f.teamId, (q) =>
      q.where('owner_id', 'in', (eb) =>
        eb
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', '=', f.teamId as string),
      ),
    )
    .where((eb) => eb.or([created, converted]))
    .groupBy(['source', created, converted])
    .execute();
  return rows.map((r) => ({
    source: r.source,
    createdAt: r.created_at.getTime(),
    convertedAt: r.converted_at?.getTime() ?? null,
    count: Number(r.count),
  }));
}

/** The workspace's spend for the months whose first day lies within [from, to]. */
export async function spendFacts(
  db: Kysely<DB>,
  workspaceId: string,
  days: { from: string; to: string },
): Promise<SpendFact[]> {
  const rows = await db
    .selectFrom('marketing_spend')
    .select(['channel', 'month', 'amount_minor', 'currency'])
    .where('workspace_id', '=', workspaceId)
    .where('month', '>=', days.from)
    .where('month', '<=', days.to)
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    month: r.month,
    minor: r.amount_minor,
    currency: r.currency.trim(),
  }));
}

/** The workspace currency and every rate to it. */
export async function conversionOf(db: Kysely<DB>, workspaceId: string) {
  const [workspace, rates] = await Promise.all([
    db
      .selectFrom('workspaces')
      .select('default_currency')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow(),
    ratesOf(db, workspaceId),
  ]);
  return { base: workspace.default_currency.trim(), rates: rateTable(rates) };
}

export function userNames(db: Kysely<DB>, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** The workspace's teams with their members now. */
export async function teamsOf(db: Kysely<DB>, workspaceId: string) {
  const rows = await db
    .selectFrom('teams')
    .leftJoin('team_members', 'team_members.team_id', 'teams.id')
    .select(['teams.id', 'teams.name', 'team_members.user_id'])
    .where('teams.workspace_id', '=', workspaceId)
    .execute();
  return rows;
}
