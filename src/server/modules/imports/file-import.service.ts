import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { importFileBody, importRunBody } from '../../../contracts/imports.js';
import type { DB } from '../../../db/schema.js';
import { CsvFormatError } from '../../../domain/csv-parser.js';
import { readCsv } from '../../../domain/csv-reader.js';
import { DomainError, forbidden } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { mapColumns, MappingError } from './column-mapping.js';
import { csvRowSource, presetMapping } from './csv-rows.js';
import { fieldsOf, type ImportableEntity } from './import-fields.js';
import { runImport } from './import-runner.js';
import { undoImport } from './import-undo.js';

type FileInput = z.infer<typeof importFileBody>;
/** How far a run is: its pass over the file, rows done, and bytes of the file read in that pass. */
export type ImportProgress = { phase: 'checking' | 'importing'; rows: number; bytes: number };
const SAMPLE_ROWS = 10;

// Imports write across the whole workspace, as the importing admin: admins only (as the CLI).
export function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only admins import data');
}

const bytesOf = (csv: string) => {
  const bytes = Buffer.from(csv, 'utf8');
  return async function* () {
    yield bytes;
  };
};

/** The file's problems as one 422 listing them, in the words the CLI uses. */
function fileProblem(err: unknown): never {
  if (err instanceof MappingError)
    throw new DomainError('unprocessable', 'The columns do not match the fields', 'map', {
      problems: err.problems,
    });
  if (err instanceof CsvFormatError)
    throw new DomainError('unprocessable', 'The file is not readable CSV', 'csv', {
      problems: [err.message],
    });
  throw err;
}

/** The header, the field each column would feed (the user's choices first), and a few rows. */
export async function previewImport(actor: Actor, entity: ImportableEntity, input: FileInput) {
  assertAdmin(actor);
  try {
    const records: string[][] = [];
    for await (const record of readCsv(bytesOf(input.csv)(), {})) {
      records.push(record.fields);
      if (records.length > SAMPLE_ROWS) break;
    }
    const headers = (records[0] ?? []).map((h) => h.trim());
    const read = presetMapping(entity, headers, new Map(Object.entries(input.map)), input.preset);
    let mapping: Record<string, string | null> = {};
    try {
      const columns = mapColumns(entity, headers, read.overrides);
      mapping = Object.fromEntries(headers.map((h) => [h, null]));
      for (const [field, { header }] of columns.columns) mapping[header] = field;
    } catch (err) {
      // A preview shows the mapping as far as it goes; the run reports what is missing.
      if (!(err instanceof MappingError)) throw err;
      mapping = Object.fromEntries(headers.map((h) => [h, read.overrides.get(h) || null]));
    }
    return {
      headers,
      fields: [...fieldsOf[entity]],
      mapping,
      sample: records.slice(1),
      preset: read.detection?.preset.id ?? null,
    };
  } catch (err) {
    return fileProblem(err);
  }
}

/** Throws the 422 a run would give for the columns (a map naming no column, a missing field). */
export async function checkColumns(entity: ImportableEntity, input: FileInput) {
  try {
    for await (const record of readCsv(bytesOf(input.csv)(), {})) {
      const headers = record.fields.map((h) => h.trim());
      const map = new Map(Object.entries(input.map));
      mapColumns(entity, headers, presetMapping(entity, headers, map, input.preset).overrides);
      return;
    }
  } catch (err) {
    fileProblem(err);
  }
}

/** Checks (dry run) or imports a file, exactly as `pipewright import` does. */
export async function importFile(
  db: Kysely<DB>,
  actor: Actor,
  entity: ImportableEntity,
  input: z.infer<typeof importRunBody>,
  onProgress?: (progress: ImportProgress) => void,
) {
  assertAdmin(actor);
  let bytes = 0;
  try {
    const report = await runImport(db, {
      workspaceId: actor.workspaceId,
      actorId: actor.id,
      entity,
      source: input.fileName,
      fileName: input.fileName,
      rows: csvRowSource(
        bytesOf(input.csv),
        entity,
        new Map(Object.entries(input.map)),
        { onBytes: (n) => (bytes = n) },
        input.preset,
      ),
      onProgress: (phase, rows) => onProgress?.({ phase, rows, bytes }),
      dryRun: input.dryRun,
      batchSize: 500,
      deals: { stageMap: new Map(), createStages: false },
      maxProblems: 200,
    });
    return { ...report, source: input.fileName };
  } catch (err) {
    return fileProblem(err);
  }
}

export async function undoFileImport(db: Kysely<DB>, actor: Actor, source: string) {
  assertAdmin(actor);
  return undoImport(db, actor.workspaceId, { source });
}
