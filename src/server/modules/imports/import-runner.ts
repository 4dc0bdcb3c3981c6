import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { foldText } from '../../../domain/normalise.js';
import type { RowSource } from './csv-rows.js';
import type { CheckContext, DealImportOptions, NewStage } from './deal-rows.js';
import type { ImportableEntity } from './import-fields.js';
import { DigestTable } from './digest-table.js';
import { importers } from './importers.js';
import { loadActivityLinks, loadLookups, type Lookups } from './import-lookups.js';
import { existingIds, insertBatch, insertRecords } from './import-records.repository.js';
import { createStages } from './import-stages.js';
import { loadRecordLinks } from './record-links.js';
import { RowCheck, type Problem, type ProblemSink, type RowInput } from './row-check.js';
import type { Keyed } from './write-context.js';

export type ImportRequest = {
  workspaceId: string;
  /** The admin the import acts as: default owner, and the actor of the history it writes. */
  actorId: string;
  entity: ImportableEntity;
  /** Namespace of the file's ids: the same id from the same source is the same record. */
  source: string;
  fileName: string;
  rows: RowSource;
  dryRun: boolean;
  batchSize: number;
  deals: DealImportOptions;
  /** Creation time for rows without one (default: when the run starts). */
  now?: Date | undefined;
  maxProblems?: number | undefined;
  /** Adds what a preset will create before writing (a dry run checks rows against it). */
  adjustLookups?: ((lookups: Lookups) => void) | undefined;
  onProgress?: ((phase: 'checking' | 'importing', rows: number) => void) | undefined;
};

export type ImportReport = {
  rows: number;
  /** Rows new to this workspace: created, or (dry run) that would be. */
  created: number;
  alreadyImported: number;
  problems: Problem[];
  problemCount: number;
  newStages: string[];
  batchIds: string[];
};

/**
 * Imports a file in two passes. The first checks every row (and finds ids imported before)
 * without writing; with any problem, or on a dry run, it stops there, having changed nothing. The
 * second writes batches of rows, each in one transaction with its import records, so that a run
 * killed halfway and started again skips what committed and writes the rest.
 */
export async function runImport(db: Kysely<DB>, req: ImportRequest): Promise<ImportReport> {
  const now = req.now ?? new Date();
  const report: ImportReport = {
    rows: 0,
    created: 0,
    alreadyImported: 0,
    problems: [],
    problemCount: 0,
    newStages: [],
    batchIds: [],
  };
  const sink: ProblemSink = {
    push: (p) => {
      report.problemCount++;
      if (report.problems.length < (req.maxProblems ?? 500)) report.problems.push(p);
    },
  };
  const importer = importers[req.entity];
  const key = { workspaceId: req.workspaceId, entity: req.entity, source: req.source };

  // Pass 1: check.
  let lookups = await lookupsFor(db, req);
  const newStages = new Map<string, NewStage>();
  const seen = new DigestTable();
  req.onProgress?.('checking', 0);
  let pendingIds: string[] = [];
  const countExisting = async () => {
    report.alreadyImported += (await existingIds(db, key, pendingIds)).size;
    pendingIds = [];
  };
  for await (const input of req.rows.rows()) {
    report.rows++;
    const c = new RowCheck(input, sink);
    const id = externalIdOf(c, seen);
    const plan = importer.check(c, contextFor(lookups, req, now));
    if (plan && 'newStage' in plan && plan.newStage) {
      const s = plan.newStage as NewStage;
      newStages.set(`${s.pipelineId}:${foldText(s.name)}`, s);
    }
    if (id && c.ok) pendingIds.push(id);
    if (pendingIds.length >= 1000) await countExisting();
    if (report.rows % 500 === 0) req.onProgress?.('checking', report.rows);
  }
  await countExisting();
  req.onProgress?.('checking', report.rows);
  report.newStages = [...newStages.values()].map((s) => s.name);
  report.created = report.rows - report.alreadyImported;
  if (report.problemCount > 0 || req.dryRun) return report;

  // Pass 2: write, batch by batch.
  await createStages(db, req.workspaceId, [...newStages.values()]);
  lookups = await lookupsFor(db, req);
  report.created = 0;
  report.alreadyImported = 0;
  let batch: Keyed<object>[] = [];
  let done = 0;
  req.onProgress?.('importing', 0);
  const flush = async () => {
    const rows = batch;
    batch = [];
    const result = await db.transaction().execute(async (trx) => {
      const existing = await existingIds(
        trx,
        key,
        rows.map((r) => r.externalId),
      );
      const fresh = rows.filter((r) => !existing.has(r.externalId));
      if (!fresh.length) return { existing: existing.size, written: null };
      const batchId = randomUUID();
      await insertBatch(trx, {
        id: batchId,
        workspaceId: req.workspaceId,
        entity: req.entity,
        source: req.source,
        fileName: req.fileName,
        firstRow: rows[0]!.row,
        lastRow: rows.at(-1)!.row,
        createdCount: fresh.length,
        importedBy: req.actorId,
      });
      const written = await importer.write(
        { trx, workspaceId: req.workspaceId, actorId: req.actorId, batchId, lookups },
        fresh,
      );
      await insertRecords(
        trx,
        { id: batchId, workspaceId: req.workspaceId, source: req.source },
        written.records,
      );
      return {
        existing: existing.size,
        written: { batchId, count: fresh.length, newCompanies: written.newCompanies },
      };
    });
    // Only what committed is known to later batches.
    report.alreadyImported += result.existing;
    if (result.written) {
      report.created += result.written.count;
      report.batchIds.push(result.written.batchId);
      for (const [name, id] of result.written.newCompanies) lookups.companiesByName.set(name, id);
    }
    done += rows.length;
    req.onProgress?.('importing', done);
  };
  seen.clear();
  for await (const input of req.rows.rows()) {
    const c = new RowCheck(input, sink);
    const externalId = externalIdOf(c, seen);
    const plan = importer.check(c, contextFor(lookups, req, now));
    // The file or the workspace changed since the check: stop before the batch holding the row.
    if (!plan || !externalId || !c.ok) return report;
    batch.push({ externalId, row: input.row, plan });
    if (batch.length >= req.batchSize) await flush();
  }
  if (batch.length) await flush();
  return report;
}

async function lookupsFor(db: Kysely<DB>, req: ImportRequest): Promise<Lookups> {
  const lookups = await loadLookups(db, req.workspaceId);
  if (req.entity === 'activities') lookups.links = await loadActivityLinks(db, req.workspaceId);
  if (req.entity === 'deals' || req.entity === 'contacts')
    lookups.records = await loadRecordLinks(db, req.workspaceId, req.entity === 'deals');
  req.adjustLookups?.(lookups);
  return lookups;
}

function contextFor(lookups: Lookups, req: ImportRequest, now: Date): CheckContext {
  return {
    lookups,
    now,
    decimalComma: req.rows.decimalComma(),
    deals: req.deals,
    preset: req.rows.preset(),
  };
}

/**
 * The row's id: its id column, where a repeated id is a problem on the later row; or, without
 * one, a digest of the whole row and how many times the same row came before, so that re-running
 * the same file finds every row again and identical rows are still separate records.
 */
function externalIdOf(c: RowCheck, seen: DigestTable): string | null {
  const input: RowInput = c.input;
  if (input.problem) c.fail(null, input.problem);
  if (!input.cells.has('externalId')) {
    const hash = createHash('sha256').update(input.raw.join('\u001f')).digest();
    const digest = hash.toString('base64url').slice(0, 24);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return occurrence === 1 ? `row:${digest}` : `row:${digest}:${occurrence}`;
  }
  const id = c.text('externalId');
  if (!id) return c.fail('externalId', 'is empty; every row needs its id');
  // 8 bytes of a digest per row keep the memory small in files of millions of rows.
  const hash = createHash('sha256').update(id).digest();
  const first = seen.get(hash);
  if (first !== undefined) return c.fail('externalId', `repeats the id "${id}" of row ${first}`);
  seen.set(hash, input.row);
  return id;
}
