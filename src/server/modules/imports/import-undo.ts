import type { Kysely } from 'kysely';
import type { DB, ImportEntity } from '../../../db/schema.js';
import { conflict, notFound } from '../../../domain/errors.js';

export type UndoTarget = { batchId: string } | { source: string };

// Activities and deals first (they refer to the rest), users last.
const ORDER: ImportEntity[] = ['activities', 'deals', 'contacts', 'companies', 'users'];

/**
 * Removes what import batches created (one batch, or every batch of a source, newest first) in one
 * transaction; a deal's history and activities go with it. Records already deleted by hand are
 * skipped. The batches stay, marked undone, so the workspace keeps a trail of what happened.
 */
export async function undoImport(db: Kysely<DB>, workspaceId: string, target: UndoTarget) {
  return db.transaction().execute(async (trx) => {
    const batches = await trx
      .selectFrom('import_batches')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('undone_at', 'is', null)
      .$if('batchId' in target, (q) => q.where('id', '=', (target as { batchId: string }).batchId))
      .$if('source' in target, (q) => q.where('source', '=', (target as { source: string }).source))
      .orderBy('created_at', 'desc')
      .forUpdate()
      .execute();
    if (!batches.length) throw notFound('Import batch');
    const ids = batches.map((b) => b.id);
    const records = await trx
      .selectFrom('import_records')
      .select(['entity', 'record_id'])
      .where('batch_id', 'in', ids)
      .execute();
    for (const entity of ORDER) {
      const recordIds = records.filter((r) => r.entity === entity).map((r) => r.record_id);
      for (let i = 0; i < recordIds.length; i += 1000) {
        const chunk = recordIds.slice(i, i + 1000);
        await trx
          .deleteFrom(entity)
          .where('id', 'in', chunk)
          .where('workspace_id', '=', workspaceId)
          .execute()
          .catch((err: unknown) => {
            // People who still own deals or activities made since the import cannot go.
            if ((err as { code?: string }).code === '23503')
              throw conflict(
                `Some imported ${entity} are still used by records made since (for example as owners); reassign those first`,
              );
            throw err;
          });
      }
    }
    await trx.deleteFrom('import_records').where('batch_id', 'in', ids).execute();
    await trx
      .updateTable('import_batches')
      .set({ undone_at: new Date() })
      .where('id', 'in', ids)
      .execute();
    return { batches: ids.length, records: records.length };
  });
}
