import type { Kysely } from 'kysely';
import type { DB, PipelineRow, StageRow } from '../../../db/schema.js';
import { knownRequiredFields } from '../../../domain/stage-requirements.js';

export function findPipelines(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findPipeline(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findStages(db: Kysely<DB>, workspaceId: string, pipelineIds?: string[]) {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(pipelineIds !== undefined, (qb) => qb.where('pipeline_id', 'in', pipelineIds as string[]))
    .orderBy('pipeline_id')
    .orderBy('position')
    .execute();
}

export function findStage(db: Kysely<DB>, workspaceId: string, id: string) {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countDealsInStage(db: Kysely<DB>, stageId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('stage_id', '=', stageId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countDealsInPipeline(db: Kysely<DB>, pipelineId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rewrites stage positions 0..n-1 in the given order. */
export async function renumberStages(db: Kysely<DB>, stageIds: string[]): Promise<void> {
  for (const [position, id] of stageIds.entries()) {
    await db
      .updateTable('stages')
      .set({ position, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
}

export const toStage = (s: StageRow) => ({
  id: s.id,
  pipelineId: s.pipeline_id,
  name: s.name,
  position: s.position,
  probability: s.probability,
  rottingDays: s.rotting_days,
  kind: s.kind,
  // Only names on the allow-list reach the wire; the column is plain text[].
  requiredFields: knownRequiredFields(s.required_fields),
  closeDatePushLimit: s.close_date_push_limit,
  version: s.version,
});

export const toPipeline = (p: PipelineRow, stages: StageRow[]) => ({
  id: p.id,
  name: p.name,
  position: p.position,
  version: p.version,
  stages: stages.filter((s) => s.pipeline_id === p.id).map(toStage),
});
