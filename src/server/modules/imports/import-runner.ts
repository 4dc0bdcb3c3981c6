import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { foldText } from '../../../domain/normalise.js';
import type { RowSource } from './csv-rows.js';
import type { CheckContext, DealImportOptions, NewStage } from './deal-rows.js';
import type { ImportableEntity } from './import-fields.js';
import { importers } from './importers.js';
import { loadActivityLinks, loadLookups, type Lookups } from './import-lookups.js';
import { existingIds, insertBatch, insertRecords } from './import-records.repository.js';
import { createStages } from './import-stages.js';
import { loadRecordLinks } from './record-links.js';
import type { Problem, ProblemSink } from './row-check.js';
import { withIds } from './row-ids.js';
import { SeenIds } from './seen-ids.js';
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
  req.onProgress?.('checking', 0);
  let pendingIds: string[] = [];
  const countExisting = async () => {
    report.alreadyImported += (await existingIds(db, key, pendingIds)).size;
    pendingIds = [];
  };
  const checked = await SeenIds.open(db);
  try {
    for await (const { c, externalId: id } of withIds(req.rows.rows(), checked, sink)) {
      report.rows++;
      const plan = importer.check(c, contextFor(lookups, req, now));
      if (plan && 'newStage' in plan && plan.newStage) {
        const s = plan.newStage as NewStage;
        newStages.set(`${s.pipelineId}:${foldText(s.name)}`, s);
      }
      if (id && c.ok) pendingIds.push(id);
      if (pendingIds.length >= 1000) await countExisting();
      if (report.rows % 500 === 0) req.onProgress?.('checking', report.rows);
    }
  } finally {
    await checked.close();
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
  const written = await SeenIds.open(db);
  try {
    for await (const { c, externalId } of withIds(req.rows.rows(), written, sink)) {
      const plan = importer.check(c, contextFor(lookups, req, now));
      // The file or the workspace changed since the check: stop before the batch holding the row.
      if (!plan || !externalId || !c.ok) return report;
      batch.push({ externalId, row: c.input.row, plan });
      if (batch.length >= req.batchSize) await flush();
    }
  } finally {
    await written.close();
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
