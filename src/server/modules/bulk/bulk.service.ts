import type { Kysely } from 'kysely';
import type { DB, NewDealEvent, StageRow } from '../../../db/schema.js';
import { retryOnConflict } from '../../../db/retry.js';
import { DomainError, invalid } from '../../../domain/errors.js';
import { POSITION_STEP } from '../../../domain/positions.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { transitionEvents } from '../deals/deal-move.js';
import { closedAtFor, statusForStage } from '../deals/deal-rules.js';
import { assertAllCanEnter } from '../deals/stage-entry.js';
import * as deals from '../deals/deals.repository.js';
import { assertOwner } from '../deals/deal-checks.js';
import { findStage } from '../pipelines/pipelines.repository.js';

export type BulkEdit = {
  ids: string[];
  set: { ownerId?: string | undefined; stageId?: string | undefined };
};

/** Locks the deals in id order (so two bulk edits cannot deadlock); every one must be visible. */
async function lockDeals(trx: Kysely<DB>, scope: Scope, ids: string[]) {
  const rows = await trx
    .selectFrom('deals')
    .select([
      'id',
      'workspace_id',
      'stage_id',
      'pipeline_id',
      'owner_id',
      'status',
      'closed_at',
      'lost_reason',
    ])
    .where('id', 'in', ids)
    .where('workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) => q.where('owner_id', 'in', scope.owners as string[]))
    .orderBy('id')
    .forUpdate()
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    throw new DomainError(
      'not_found',
      `${missing.length === 1 ? 'A deal was' : `${missing.length} deals were`} not found; nothing was changed`,
      'ids',
      { missingIds: missing },
    );
  }
  return ids.map((id) => byId.get(id) as (typeof rows)[number]);
}

/** Positions that put `count` deals on top of a stage, above the deals that stay there. */
async function topPositions(trx: Kysely<DB>, stageId: string, movingIds: string[]) {
  const row = await trx
    .selectFrom('deals')
    .select((eb) => eb.fn.min('position').as('p'))
    .where('stage_id', '=', stageId)
    .where('id', 'not in', movingIds)
    .executeTakeFirst();
  const first = row?.p ?? null;
  const n = movingIds.length;
  return movingIds.map((_, i) =>
    first === null ? POSITION_STEP * (i + 1) : first - POSITION_STEP * (n - i),
  );
}

/**
 * Changes the owner and/or stage of many deals in one transaction, all or nothing. A stage change
 * follows the move rules (status from the stage kind, closed_at, stage_entered_at, stage and
 * status events); an owner change records an owner event. Every deal's version goes up by one.
 */
export async function bulkEditDeals(db: Kysely<DB>, actor: Actor, input: BulkEdit) {
  const scope = await scopeOf(db, actor);
  const ids = [...new Set(input.ids)];
  const { ownerId, stageId } = input.set;
  if (ownerId) await assertOwner(db, scope, ownerId, 'set.ownerId');
  let target: StageRow | undefined;
  if (stageId) {
    target = await findStage(db, scope.workspaceId, stageId);
    if (!target) throw invalid('set.stageId', 'No such stage in this workspace');
  }

  const changed = await retryOnConflict(() =>
    db.transaction().execute(async (trx) => {
      const rows = await lockDeals(trx, scope, ids);
      if (target) {
        const entering = rows.filter((r) => r.stage_id !== target?.id).map((r) => r.id);
        await assertAllCanEnter(trx, target, { ids: entering }, 'ids');
      }
      // The clock is read once the rows are locked, as moves do, so history stays in commit order.
      const at = new Date();
      const positions = target ? await topPositions(trx, target.id, ids) : [];
      const status = target ? statusForStage(target.kind) : null;
      const events: NewDealEvent[] = [];
      for (const [i, deal] of rows.entries()) {
        const stageChanged = target !== undefined && target.id !== deal.stage_id;
        await trx
          .updateTable('deals')
          .set((eb) => ({
            ...(target &&
              status && {
                stage_id: target.id,
                pipeline_id: target.pipeline_id,
                position: positions[i] as number,
                status,
                closed_at: closedAtFor(deal.status, status, deal.closed_at, at),
                lost_reason: status === 'lost' ? deal.lost_reason : null,
                ...(stageChanged && { stage_entered_at: at }),
              }),
            ...(ownerId && { owner_id: ownerId }),
            version: eb('version', '+', 1),
            updated_at: at,
          }))
          .where('id', '=', deal.id)
          .execute();
        if (target && stageChanged) events.push(...transitionEvents(deal, target, actor.id, at));
        if (ownerId && ownerId !== deal.owner_id) {
          events.push({
            workspace_id: deal.workspace_id,
            deal_id: deal.id,
            type: 'owner',
            occurred_at: at,
            actor_id: actor.id,
            from_text: deal.owner_id,
            to_text: ownerId,
          });
        }
      }
      for (let i = 0; i < events.length; i += 1000) {
        await deals.insertEvents(trx, events.slice(i, i + 1000));
      }
      // Read back inside the transaction: the answer is exactly what this edit wrote.
      return deals.selectDeals(trx).where('deals.id', 'in', ids).execute();
    }),
  );
  const byId = new Map(changed.map((d) => [d.id, deals.toDeal(d)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
