import type { Kysely } from 'kysely';
import type { DB, NewDealEvent, StageRow } from '../../../db/schema.js';
import { invalid, notFound, versionConflict } from '../../../domain/errors.js';
import { POSITION_STEP, positionBetween } from '../../../domain/positions.js';
import { retryOnConflict } from '../../../db/retry.js';
import type { Scope } from '../access/visibility.js';
import { closedAtFor, statusForStage } from './deal-rules.js';
import * as repo from './deals.repository.js';
import { assertAllCanEnter, assertStoredCanEnter } from './stage-entry.js';

export type MoveInput = {
  stageId: string;
  position?: number | undefined;
  afterId?: string | null | undefined;
  version?: number | undefined;
};

type Slot = { index: number } | { afterId: string | null };

async function neighbours(trx: Kysely<DB>, stageId: string, slot: Slot, dealId: string) {
  if ('index' in slot) return repo.neighboursAt(trx, stageId, slot.index, dealId);
  const found = await repo.neighboursAfter(trx, stageId, slot.afterId, dealId);
  if (!found) throw invalid('afterId', 'That deal is not in the target stage');
  return found;
}

async function positionAt(trx: Kysely<DB>, stageId: string, slot: Slot, dealId: string) {
  const { before, after } = await neighbours(trx, stageId, slot, dealId);
  const pos = positionBetween(before, after);
  if (pos !== null) return pos;
  await repo.renumberStage(trx, stageId, POSITION_STEP);
  const again = await neighbours(trx, stageId, slot, dealId);
  return positionBetween(again.before, again.after) as number;
}

/**
 * Moves a deal to a stage (any pipeline of the workspace) at a position, in one transaction:
 * the row, its rank, its status and the history events change together or not at all.
 * Returns the deal as it stands after the move, read inside the same transaction.
 */
export async function moveDeal(
  db: Kysely<DB>,
  scope: Scope,
  actorId: string | null,
  dealId: string,
  input: MoveInput,
  backdatedTo?: Date,
): Promise<repo.DealView> {
  return retryOnConflict(() =>
    db.transaction().execute(async (trx) => {
      // One round trip locks the deal and finds the target stage in the same workspace.
      const deal = await trx
        .selectFrom('deals')
        .leftJoin('stages as target', (join) =>
          join
            .on('target.id', '=', input.stageId)
            .onRef('target.workspace_id', '=', 'deals.workspace_id'),
        )
        .select([
          'deals.id',
          'deals.workspace_id',
          'deals.stage_id',
          'deals.pipeline_id',
          'deals.status',
          'deals.version',
          'deals.closed_at',
          'deals.lost_reason',
          'target.id as target_id',
          'target.pipeline_id as target_pipeline_id',
          'target.kind as target_kind',
          'target.name as target_name',
          'target.required_fields as target_required_fields',
        ])
        .where('deals.id', '=', dealId)
        .where('deals.workspace_id', '=', scope.workspaceId)
        .$if(scope.owners !== null, (q) =>
          q.where('deals.owner_id', 'in', scope.owners as string[]),
        )
        .forUpdate('deals')
        .executeTakeFirst();
      if (!deal) throw notFound('Deal');
      if (input.version !== undefined && input.version !== deal.version) {
        throw versionConflict('Deal', deal.version);
      }
      if (!deal.target_id || !deal.target_pipeline_id || !deal.target_kind) throw notFound('Stage');
      const target = {
        id: deal.target_id,
        pipeline_id: deal.target_pipeline_id,
        kind: deal.target_kind,
        name: deal.target_name ?? '',
        required_fields: deal.target_required_fields ?? [],
      };
      const stageChanged = target.id !== deal.stage_id;
      if (stageChanged) await assertStoredCanEnter(trx, target, deal.id);
      // The clock is read once the row is locked, so that concurrent moves of one deal get
      // timestamps in the order they really applied and the history chain stays unbroken.
      const at = backdatedTo ?? new Date();

      if (input.afterId === deal.id) throw invalid('afterId', 'A deal cannot go after itself');
      const slot: Slot =
        input.afterId !== undefined ? { afterId: input.afterId } : { index: input.position ?? 0 };
      const position = await positionAt(trx, target.id, slot, deal.id);
      const status = statusForStage(target.kind);
      await trx
        .updateTable('deals')
        .set((eb) => ({
          stage_id: target.id,
          pipeline_id: target.pipeline_id,
          position,
          status,
          closed_at: closedAtFor(deal.status, status, deal.closed_at, at),
          lost_reason: status === 'lost' ? deal.lost_reason : null,
          ...(stageChanged && { stage_entered_at: at }),
          version: eb('version', '+', 1),
          updated_at: at,
        }))
        .where('id', '=', deal.id)
        .execute();
      if (stageChanged) {
        await repo.insertEvents(trx, transitionEvents(deal, target, actorId, at));
      }
      return repo.selectDeals(trx).where('deals.id', '=', deal.id).executeTakeFirstOrThrow();
    }),
  );
}

type MovedDeal = {
  id: string;
  workspace_id: string;
  stage_id: string;
  pipeline_id: string;
  status: 'open' | 'won' | 'lost';
};

/** The stage event, and a status event when the stage kind changes the status. */
export function transitionEvents(
  deal: MovedDeal,
  target: Pick<StageRow, 'id' | 'pipeline_id' | 'kind'>,
  actorId: string | null,
  at: Date,
): NewDealEvent[] {
  const base = {
    workspace_id: deal.workspace_id,
    deal_id: deal.id,
    occurred_at: at,
    actor_id: actorId,
  };
  const events: NewDealEvent[] = [
    {
      ...base,
      type: 'stage',
      from_stage_id: deal.stage_id,
      to_stage_id: target.id,
      from_pipeline_id: deal.pipeline_id,
      to_pipeline_id: target.pipeline_id,
    },
  ];
  const status = statusForStage(target.kind);
  if (status !== deal.status) {
    events.push({ ...base, type: 'status', from_text: deal.status, to_text: status });
  }
  return events;
}

/** Moves every deal of one stage to the end of another (stage deletion), with their events. */
export async function moveAllDeals(
  trx: Kysely<DB>,
  from: StageRow,
  to: StageRow,
  actorId: string,
  at = new Date(),
): Promise<number> {
  // All or nothing: the stage is only deleted when every one of its deals may enter the target.
  await assertAllCanEnter(trx, to, { stageId: from.id }, 'moveDealsTo');
  const deals = await trx
    .selectFrom('deals')
    .select(['id', 'workspace_id', 'stage_id', 'pipeline_id', 'status', 'closed_at', 'lost_reason'])
    .where('stage_id', '=', from.id)
    .orderBy('position')
    .orderBy('id')
    .forUpdate()
    .execute();
  let position = ((await repo.lastPosition(trx, to.id)) ?? 0) + POSITION_STEP;
  const status = statusForStage(to.kind);
  const events: NewDealEvent[] = [];
  for (const deal of deals) {
    await trx
      .updateTable('deals')
      .set((eb) => ({
        stage_id: to.id,
        pipeline_id: to.pipeline_id,
        position,
        status,
        closed_at: closedAtFor(deal.status, status, deal.closed_at, at),
        lost_reason: status === 'lost' ? deal.lost_reason : null,
        stage_entered_at: at,
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', deal.id)
      .execute();
    position += POSITION_STEP;
    events.push(...transitionEvents(deal, to, actorId, at));
  }
  for (let i = 0; i < events.length; i += 1000) {
    await repo.insertEvents(trx, events.slice(i, i + 1000));
  }
  return deals.length;
}
