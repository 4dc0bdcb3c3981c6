import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../domain/errors.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import * as pipelines from '../pipelines/pipelines.repository.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import * as repo from './deals.repository.js';

export type BoardFilters = Omit<repo.DealFilters, 'pipelineId' | 'stageId'> & { limit: number };

const positionOrder = { expr: sql`deals.position`, cast: 'float8' };

async function stagePage(
  db: Kysely<DB>,
  scope: Scope,
  stageId: string,
  f: BoardFilters,
  cursor?: string,
) {
  const after = decodeCursor(cursor);
  const rows = await repo
    .applyDealFilters(repo.selectDeals(db), scope, { ...f, stageId })
    .$if(after !== null, (q) =>
      q.where(afterKey(positionOrder, 'asc', after as CursorKey, 'deals.id')),
    )
    .orderBy('deals.position')
    .orderBy('deals.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows.map(repo.toDeal), f.limit, (d) => ({ v: d.position, id: d.id }));
}

async function loadPipeline(db: Kysely<DB>, workspaceId: string, pipelineId: string) {
  const pipeline = await pipelines.findPipeline(db, workspaceId, pipelineId);
  if (!pipeline) throw notFound('Pipeline');
  return pipelines.findStages(db, workspaceId, [pipelineId]);
}

/**
 * The board: per stage its count, per-currency value and weighted value (rounded once, after
 * summing), and the first page of deals in rank order with a cursor for the rest.
 */
export async function getBoard(db: Kysely<DB>, actor: Actor, pipelineId: string, f: BoardFilters) {
  const scope = await scopeOf(db, actor);
  const stages = await loadPipeline(db, actor.workspaceId, pipelineId);
  const sums = await repo.stageTotals(db, scope, { ...f, pipelineId });
  const columns = [];
  for (const stage of stages) {
    const own = sums.filter((s) => s.stage_id === stage.id);
    const page = await stagePage(db, scope, stage.id, f);
    columns.push({
      stage: {
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        probability: stage.probability,
        rottingDays: stage.rotting_days,
      },
      count: own.reduce((n, s) => n + Number(s.count), 0),
      totals: own.map((s) => ({
        currency: s.currency.trim(),
        value: s.value,
        weighted: s.weighted,
      })),
      deals: page.data,
      nextCursor: page.nextCursor,
    });
  }
  return { pipelineId, columns };
}

/** The next page of one board column. */
export async function getStageDeals(
  db: Kysely<DB>,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  f: BoardFilters & { cursor?: string | undefined },
) {
  const scope = await scopeOf(db, actor);
  const stages = await loadPipeline(db, actor.workspaceId, pipelineId);
  if (!stages.some((s) => s.id === stageId)) throw notFound('Stage');
  return stagePage(db, scope, stageId, f, f.cursor);
}
