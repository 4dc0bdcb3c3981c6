import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { csvRowSource, type PresetChoice } from '../../src/server/modules/imports/csv-rows.js';
import type { ImportableEntity } from '../../src/server/modules/imports/import-fields.js';
import { runImport, type ImportRequest } from '../../src/server/modules/imports/import-runner.js';

export type ImportTextOptions = Partial<Omit<ImportRequest, 'rows'>> & {
  map?: Record<string, string>;
  /** Bytes per chunk, to cut the file in awkward places. */
  chunk?: number;
  preset?: PresetChoice;
};

/** Imports CSV text as a file would be (streamed in chunks) into a workspace, as its admin. */
export function importText(
  db: Kysely<DB>,
  target: { workspaceId: string; actorId: string },
  entity: ImportableEntity,
  text: string | Uint8Array,
  options: ImportTextOptions = {},
) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const size = options.chunk ?? 64 * 1024;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const { map, preset, ...rest } = options;
  delete rest.chunk;
  return runImport(db, {
    entity,
    source: 'test.csv',
    fileName: 'test.csv',
    dryRun: false,
    batchSize: 500,
    deals: { stageMap: new Map(), createStages: false },
    ...target,
    ...rest,
    rows: csvRowSource(chunks, entity, new Map(Object.entries(map ?? {})), {}, preset ?? 'none'),
  });
}
