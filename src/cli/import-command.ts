import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { CsvFormatError } from '../domain/csv-parser.js';
import { foldText } from '../domain/normalise.js';
import { MappingError } from '../server/modules/imports/column-mapping.js';
import { isPresetId, presetIds } from '../server/modules/imports/crm-presets.js';
import { csvRowSource, type PresetChoice } from '../server/modules/imports/csv-rows.js';
import type { ImportableEntity } from '../server/modules/imports/import-fields.js';
import { runImport } from '../server/modules/imports/import-runner.js';
import { importMavenCrm } from '../server/modules/imports/maven-preset.js';
import { undoImport } from '../server/modules/imports/import-undo.js';
import { UsageError, withDatabase } from './context.js';
import { importProgress } from './import-progress.js';
import { importTarget } from './import-target.js';
import { printMavenReport, printReport } from './import-report.js';

type ImportOptions = {
  workspace?: string;
  as?: string;
  map: string[];
  stage: string[];
  pipeline?: string;
  createStages?: boolean;
  dryRun?: boolean;
  source?: string;
  batchSize: string;
  preset: string;
};

const ENTITIES = ['companies', 'contacts', 'deals', 'activities', 'maven-crm', 'undo'];
const collect = (value: string, all: string[]) => [...all, value];

/** "a=b" pairs of repeated options; `--map col=` (nothing after =) is allowed, to ignore a column. */
function pairs(flag: string, values: string[], allowEmpty: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const at = v.lastIndexOf('=');
    if (at <= 0 || (!allowEmpty && at === v.length - 1))
      throw new UsageError(
        `${flag} ${v}: write it as ${flag === '--map' ? 'column=field' : 'name-in-file=stage'}`,
      );
    out.set(v.slice(0, at).trim(), v.slice(at + 1).trim());
  }
  return out;
}

function describePreset(
  entity: string,
  found: { preset: { label: string }; recognised: number | null },
): string {
  const how =
    found.recognised === null
      ? '(--preset)'
      : `(recognised ${found.recognised} of its columns; --preset none reads header names alone)`;
  return `Reading the file as a ${found.preset.label} ${entity} export ${how}`;
}

function printPace(rows: number, started: number) {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)\n`,
  );
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import companies, contacts, deals or activities from a CSV file; `import maven-crm <folder>` for the Maven CRM data set; `import undo <source-or-batch-id>`',
    )
    .argument('<entity>', ENTITIES.join(' | '))
    .argument('<path>', 'the CSV file (a folder for maven-crm; the source or batch id for undo)')
    .option('--workspace <id-or-name>', 'workspace to import into (default: the only one)')
    .option('--as <email>', 'the admin the import acts as (default: the first admin)')
    .option(
      '--map <column=field>',
      'read a column as a field; `column=` ignores it (repeatable)',
      collect,
      [],
    )
    .option(
      '--stage <name=stage>',
      "read a stage name of the file as one of the pipeline's stages (repeatable)",
      collect,
      [],
    )
    .option(
      '--pipeline <name>',
      'pipeline for deal rows without a Pipeline column (default: the first)',
    )
    .option(
      '--create-stages',
      'add stages the file names but the pipeline lacks (else they are errors)',
    )
    .option('--dry-run', 'check every row and report, writing nothing')
    .option('--source <name>', "namespace of the file's ids (default: the file name)")
    .option('--batch-size <n>', 'rows per transaction', '2000')
    .option(
      '--preset <crm>',
      `read another CRM's export layout: ${presetIds.join(', ')}; none for header names alone; default: detected from the header row`,
      'auto',
    )
    .action(async (entity: string, path: string, opts: ImportOptions) => {
      if (!ENTITIES.includes(entity))
        throw new UsageError(`<entity>: "${entity}" is not one of ${ENTITIES.join(', ')}`);
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
        throw new UsageError('--batch-size: must be a whole number from 1 to 10000');
      const overrides = pairs('--map', opts.map, true);
      const preset = opts.preset;
      if (preset !== 'auto' && preset !== 'none' && !isPresetId(preset))
        throw new UsageError(`--preset: "${preset}" is not one of ${presetIds.join(', ')}, none`);
      const stageMap = new Map(
        [...pairs('--stage', opts.stage, false)].map(([k, v]) => [foldText(k), v]),
      );
      if (entity !== 'undo' && !existsSync(path))
        throw new UsageError(`<path>: ${path} does not exist`);
      const started = performance.now();
      await withDatabase(async ({ db }) => {
        const target = await importTarget(db, opts.workspace, opts.as);
        try {
          if (entity === 'undo') {
            const undone = await undoImport(
              db,
              target.workspaceId,
              /^[0-9a-f-]{36}$/.test(path) ? { batchId: path } : { source: path },
            );
            process.stdout.write(
              `Undone: ${undone.batches} batches, ${undone.records} records removed\n`,
            );
            return;
          }
          if (entity === 'maven-crm') {
            const progress = importProgress(
              statSync(join(path, 'sales_pipeline.csv'), { throwIfNoEntry: false })?.size ?? 0,
            );
            const report = await importMavenCrm(db, {
              ...target,
              folder: path,
              dryRun: !!opts.dryRun,
              batchSize,
              onProgress: (step, phase, rows) =>
                rows === 0
                  ? step === 'deals' &&
                    progress.phase(`${phase === 'checking' ? 'Checking' : 'Importing'} deals`)
                  : step === 'deals' && progress.rows(rows),
              onBytes: progress.bytes,
            });
            progress.finish();
            process.exitCode = printMavenReport(report, !!opts.dryRun);
            printPace(report.deals.rows, started);
            return;
          }
          const progress = importProgress(statSync(path).size);
          const rows = csvRowSource(
            () => createReadStream(path),
            entity as ImportableEntity,
            overrides,
            {
              onBytes: progress.bytes,
              onPreset: (found) => {
                if (found) process.stderr.write(`${describePreset(entity, found)}\n`);
              },
              onHeader: (mapping) => {
                if (mapping.ignored.length)
                  process.stderr.write(`Ignoring columns: ${mapping.ignored.join(', ')}\n`);
              },
            },
            preset as PresetChoice,
          );
          const report = await runImport(db, {
            ...target,
            entity: entity as ImportableEntity,
            source: opts.source ?? basename(path),
            fileName: basename(path),
            rows,
            dryRun: !!opts.dryRun,
            batchSize,
            deals: { pipeline: opts.pipeline, stageMap, createStages: !!opts.createStages },
            onProgress: (phase, n) =>
              n === 0
                ? progress.phase(`${phase === 'checking' ? 'Checking' : 'Importing'} ${entity}`)
                : progress.rows(n),
          });
          progress.finish();
          process.exitCode = printReport(entity, report, !!opts.dryRun);
          printPace(report.rows, started);
        } catch (err) {
          if (err instanceof MappingError) throw new UsageError(err.message);
          if (err instanceof CsvFormatError) {
            process.stderr.write(
              `\npipewright: ${path}: ${err.message}; nothing was imported from it\n`,
            );
            process.exitCode = 1;
            return;
          }
          throw err;
        }
      });
    });
}
