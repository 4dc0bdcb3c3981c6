import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { createDatabase } from '../db/database.js';
import { BackupFileError } from '../db/portable/backup-file.js';
import {
  backupInstallation,
  copyInstallation,
  restoreInstallation,
  type TableReport,
} from '../db/portable/installation.js';
import { CopyError } from '../db/portable/table-load.js';
import { openDatabase } from '../server/open-database.js';
import { configOrExit, describeDatabase, UsageError, withDatabase } from './context.js';
import { progressReporter } from './progress.js';

const seconds = (started: number) => (performance.now() - started) / 1000;

function printTables(report: TableReport[], started: number) {
  const rows = report.reduce((s, r) => s + r.rows, 0);
  for (const r of report) process.stdout.write(`  ${r.table.padEnd(20)} ${r.rows}\n`);
  const s = seconds(started);
  process.stderr.write(
    `${report.length} tables, ${rows} rows in ${s.toFixed(1)} s (${Math.round(rows / s)} rows/s)\n`,
  );
}

/** The data's own problems (a damaged file, a non-empty target) are usage errors: exit 2. */
async function plainErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CopyError || err instanceof BackupFileError)
      throw new UsageError(err.message);
    throw err;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write every table of this installation to one file (gzip, any engine)')
    .argument('<file>', 'the backup file to write')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force)
        throw new UsageError(`<file>: ${file} exists; pass --force to overwrite it`);
      const started = performance.now();
      await withDatabase(async (database, config) => {
        process.stderr.write(`Backing up ${describeDatabase(config)}\n`);
        const report = await backupInstallation(
          database.db as Kysely<unknown>,
          database.engine,
          file,
          progressReporter('Backup'),
        );
        printTables(report, started);
        process.stderr.write(`Wrote ${file} (${statSync(file).size} bytes)\n`);
      });
    });

  program
    .command('restore')
    .description('Restore a backup into this installation (which must be empty, unless --force)')
    .argument('<file>', 'a file written by `pipewright backup`')
    .option('--force', 'replace everything in a non-empty installation')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (!existsSync(file)) throw new UsageError(`<file>: ${file} does not exist`);
      const config = configOrExit();
      const database = openDatabase(config);
      const started = performance.now();
      try {
        process.stderr.write(`Restoring into ${describeDatabase(config)}\n`);
        const report = await plainErrors(() =>
          restoreInstallation(
            database.db as Kysely<unknown>,
            file,
            !!opts.force,
            progressReporter('Restore'),
          ),
        );
        printTables(report, started);
      } finally {
        await database.close();
      }
    });

  const db = program.command('db').description('Move the installation between engines');
  db.command('copy')
    .description('Copy every table of this installation into an empty PostgreSQL database')
    .requiredOption('--to <url>', 'the target, postgres://user@host:port/database')
    .option('--force', 'replace everything in a non-empty target')
    .action(async (opts: { to: string; force?: boolean }) => {
      if (!/^postgres(ql)?:\/\//.test(opts.to))
        throw new UsageError(`--to: "${opts.to}" is not a postgres:// URL`);
      const started = performance.now();
      await withDatabase(async (source, config) => {
        const target = createDatabase({ databaseUrl: opts.to, poolSize: 2 });
        try {
          process.stderr.write(`Copying ${describeDatabase(config)} to ${new URL(opts.to).host}\n`);
          const report = await plainErrors(() =>
            copyInstallation(
              source.db as Kysely<unknown>,
              target.db as Kysely<unknown>,
              !!opts.force,
              progressReporter('Copy'),
            ),
          );
          for (const r of report)
            process.stdout.write(
              `  ${r.table.padEnd(20)} ${String(r.source).padStart(8)} -> ${String(r.target).padStart(8)}  ${r.same ? 'same' : 'DIFFERENT'}\n`,
            );
          const rows = report.reduce((s, r) => s + r.target, 0);
          const s = seconds(started);
          process.stderr.write(
            `${report.length} tables, ${rows} rows in ${s.toFixed(1)} s (${Math.round(rows / s)} rows/s)\n`,
          );
          if (report.some((r) => !r.same || r.source !== r.target)) {
            process.stderr.write('pipewright: the copy differs from the source (see above)\n');
            process.exitCode = 1;
          } else
            process.stderr.write(
              'Every table has the same rows. Point DATABASE_URL at the target to use it.\n',
            );
        } finally {
          await target.close();
        }
      });
    });
}
