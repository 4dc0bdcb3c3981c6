import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import { sortColumns, type DealSort } from './deal-sort.js';
import * as repo from './deals.repository.js';

export async function getDeal(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await repo
    .applyDealFilters(repo.selectDeals(db), scope, {})
    .where('deals.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deal');
  return repo.toDeal(row);
}

export type DealListInput = repo.DealFilters & {
  limit: number;
  cursor?: string | undefined;
  sort: DealSort;
  order: 'asc' | 'desc';
};

export async function listDeals(db: Kysely<DB>, actor: Actor, input: DealListInput) {
  const scope = await scopeOf(db, actor);
  const column = sortColumns[input.sort];
  const after = decodeCursor(input.cursor);
  const rows = await repo
    .applyDealFilters(repo.selectDeals(db), scope, input)
    .$if(after !== null, (q) =>
      q.where(afterKey(column, input.order, after as CursorKey, 'deals.id')),
    )
    .orderBy(column.expr, input.order)
    .orderBy('deals.id', input.order)
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows.map(repo.toDeal), input.limit, (d) => ({
    v: column.cursorValue(d),
    id: d.id,
  }));
}

export async function deleteDeal(db: Kysely<DB>, actor: Actor, id: string) {
  const deal = await getDeal(db, await scopeOf(db, actor), id);
  if (actor.role === 'rep' && deal.ownerId !== actor.id) {
    throw forbidden('Reps can delete only their own deals');
  }
  await db
    .deleteFrom('deals')
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .execute();
}

export async function dealHistory(db: Kysely<DB>, actor: Actor, id: string) {
  const scope = await scopeOf(db, actor);
  await getDeal(db, scope, id);
  const rows = await db
    .selectFrom('deal_events')
    .leftJoin('users', 'users.id', 'deal_events.actor_id')
    .selectAll('deal_events')
    .select('users.name as actor_name')
    .where('deal_events.deal_id', '=', id)
    .where('deal_events.workspace_id', '=', actor.workspaceId)
    .orderBy('deal_events.occurred_at')
    .orderBy('deal_events.id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    type: e.type,
    occurredAt: e.occurred_at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    fromPipelineId: e.from_pipeline_id,
    toPipelineId: e.to_pipeline_id,
    fromStageId: e.from_stage_id,
    toStageId: e.to_stage_id,
    fromValue: e.from_value,
    toValue: e.to_value,
    fromText: e.from_text,
    toText: e.to_text,
    data: e.data,
  }));
}
