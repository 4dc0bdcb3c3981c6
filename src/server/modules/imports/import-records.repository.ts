import type { Kysely } from 'kysely';
import type { DB, ImportEntity } from '../../../db/schema.js';

// Queries on the import bookkeeping: batches, and external id -> record.

export type ImportedRecord = { entity: ImportEntity; externalId: string; recordId: string };

/** Which of these external ids were imported before (from this source, into this workspace). */
export async function existingIds(
  db: Kysely<DB>,
  key: { workspaceId: string; entity: ImportEntity; source: string },
  externalIds: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < externalIds.length; i += 1000) {
    const rows = await db
      .selectFrom('import_records')
      .select(['external_id', 'record_id'])
      .where('workspace_id', '=', key.workspaceId)
      .where('entity', '=', key.entity)
      .where('source', '=', key.source)
      .where('external_id', 'in', externalIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.set(r.external_id, r.record_id);
  }
  return found;
}

export async function insertRecords(
  db: Kysely<DB>,
  batch: { id: string; workspaceId: string; source: string },
  records: ImportedRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await db
      .insertInto('import_records')
      .values(
        records.slice(i, i + 1000).map((r) => ({
          workspace_id: batch.workspaceId,
          entity: r.entity,
          source: batch.source,
          external_id: r.externalId,
          record_id: r.recordId,
          batch_id: batch.id,
        })),
      )
      .execute();
  }
}

export type NewBatch = {
  workspaceId: string;
  entity: ImportEntity;
  source: string;
  fileName: string;
  firstRow: number;
  lastRow: number;
  createdCount: number;
  importedBy: string | null;
};

export async function insertBatch(db: Kysely<DB>, batch: NewBatch & { id: string }) {
  await db
    .insertInto('import_batches')
    .values({
      id: batch.id,
      workspace_id: batch.workspaceId,
      entity: batch.entity,
      source: batch.source,
      file_name: batch.fileName,
      first_row: batch.firstRow,
      last_row: batch.lastRow,
      created_count: batch.createdCount,
      imported_by: batch.importedBy,
    })
    .execute();
}
