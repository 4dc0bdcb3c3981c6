// The deals won in a period, across pipelines, with the history needed to know who owned each
// one at the instant it was won; and the open deals expected to close in it.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { DealHistory } from '../../../domain/analytics/history.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { assembleHistories } from '../analytics/history.repository.js';

export async function historiesWonIn(
  db: Kysely<DB>,
  workspaceId: string,
  period: Period,
): Promise<DealHistory[]> {
  const wonIds = db
    .selectFrom('deal_events')
    .select('deal_id')
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', 'status')
    .where('to_text', '=', 'won')
    .where('occurred_at', '>=', new Date(period.start))
    .where('occurred_at', '<', new Date(period.end));
  const [deals, events] = await Promise.all([
    db
      .selectFrom('deals')
      .select(['id', 'pipeline_id', 'stage_id', 'status', 'value_minor', 'currency', 'owner_id'])
      .select(['expected_close_date', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', wonIds)
      .execute(),
    db
      .selectFrom('deal_events')
      .selectAll()
      .where('deal_id', 'in', wonIds)
      .where('occurred_at', '<', new Date(period.end))
      .orderBy('deal_id')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
  ]);
  return assembleHistories(deals, events);
}

/** Open deals of the owners with an expected close date in [from, to] (local dates). */
export function openDealsClosingIn(
  db: Kysely<DB>,
  workspaceId: string,
  owners: string[],
  from: string,
  to: string,
) {
  if (owners.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deals')
    .innerJoin('stages', 'stages.id', 'deals.stage_id')
    .select(['deals.id', 'deals.value_minor', 'deals.currency', 'stages.probability'])
    .where('deals.workspace_id', '=', workspaceId)
    .where('deals.status', '=', 'open')
    .where('deals.owner_id', 'in', owners)
    .where('deals.expected_close_date', '>=', from)
    .where('deals.expected_close_date', '<=', to)
    .execute();
}
