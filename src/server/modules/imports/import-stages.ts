import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { NewStage } from './deal-rows.js';

/**
 * Adds the stages an import found unknown and the user chose to create: open stages after the
 * pipeline's last open stage (before Won and Lost), with that stage's probability. One transaction.
 */
export async function createStages(db: Kysely<DB>, workspaceId: string, stages: NewStage[]) {
  if (!stages.length) return;
  await db.transaction().execute(async (trx) => {
    for (const { pipelineId, name } of stages) {
      const existing = await trx
        .selectFrom('stages')
        .select(['position', 'kind', 'probability'])
        .where('pipeline_id', '=', pipelineId)
        .orderBy('position')
        .forUpdate()
        .execute();
      const lastOpen = existing.filter((s) => s.kind === 'open').at(-1);
      const position = lastOpen ? lastOpen.position + 1 : 0;
      await trx
        .updateTable('stages')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('pipeline_id', '=', pipelineId)
        .where('position', '>=', position)
        .execute();
      await trx
        .insertInto('stages')
        .values({
          workspace_id: workspaceId,
          pipeline_id: pipelineId,
          name,
          position,
          probability: lastOpen?.probability ?? 50,
          rotting_days: null,
          kind: 'open',
        })
        .execute();
    }
  });
}
