import { sql, type Kysely } from 'kysely';
import { knownMigrations, migrateTo, migrateToLatest } from '../migrate.js';
import {
  backupWriter,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  openBackup,
} from './backup-file.js';
import { dumpTables, type DumpChunk } from './table-dump.js';
import { readTables, type TableInfo } from './table-graph.js';
import { CopyError, emptyTables, rowCounts, tableChecksums, tableLoader } from './table-load.js';

export type Progress = (rows: number, total: number) => void;
export type TableReport = { table: string; rows: number };

/** Migrations applied to a database (none when it was never migrated). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('public.kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

const counting = (push: (c: DumpChunk) => Promise<void>, total: number, onProgress?: Progress) => {
  let done = 0;
  return async (chunk: DumpChunk) => {
    await push(chunk);
    if (chunk.type === 'rows') onProgress?.((done += chunk.rows.length), Math.max(total, done));
  };
};

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** Writes every table of the installation to one file. */
export async function backupInstallation(
  db: Kysely<unknown>,
  engine: string,
  path: string,
  onProgress?: Progress,
) {
  const tables = await readTables(db);
  const estimate = sum(await rowCounts(db, tables));
  const writer = backupWriter(path, {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    engine,
    migrations: await appliedMigrations(db),
    rows: estimate,
  });
  await writer.started;
  const report: TableReport[] = [];
  const push = counting(writer.push, estimate, onProgress);
  await dumpTables(
    db,
    tables.map((table) => ({ table })),
    async (chunk) => {
      if (chunk.type === 'end') report.push({ table: chunk.table, rows: chunk.rows });
      await push(chunk);
    },
  );
  await writer.finish();
  return report;
}

/** Refuses a target holding any row, unless forced; returns the tables to empty. */
async function checkEmpty(db: Kysely<unknown>, tables: TableInfo[], force: boolean) {
  const counts = await rowCounts(db, tables);
  const used = [...counts].filter(([, n]) => n > 0);
  if (used.length && !force)
    throw new CopyError(
      `the target is not empty (${used.map(([t, n]) => `${t}: ${n}`).join(', ')}); pass --force to replace everything in it`,
    );
  return used.length > 0;
}

/**
 * Restores a backup into an installation: the schema is first brought to the backup's migration,
 * every table loads in one transaction (all or nothing), then later migrations run.
 */
export async function restoreInstallation(
  db: Kysely<unknown>,
  path: string,
  force: boolean,
  onProgress?: Progress,
) {
  const backup = await openBackup(path);
  const known = knownMigrations();
  const unknown = backup.header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new BackupFileError(
      `${path} was made by a newer Pipewright (migrations ${unknown.join(', ')}); upgrade first`,
    );
  const applied = await appliedMigrations(db);
  const last = backup.header.migrations.at(-1);
  if (last && applied.every((m) => backup.header.migrations.includes(m))) await migrateTo(db, last);
  const tables = await readTables(db);
  const wipe = await checkEmpty(db, tables, force);
  const counts = await db.transaction().execute(async (trx) => {
    if (wipe) await emptyTables(trx, tables);
    const loader = tableLoader(trx, tables);
    const push = counting(loader.push, backup.header.rows, onProgress);
    for await (const chunk of backup.chunks()) await push(chunk);
    return loader.finish();
  });
  await migrateToLatest(db);
  return [...counts].map(([table, rows]) => ({ table, rows }));
}

export type CopyReport = { table: string; source: number; target: number; same: boolean }[];

/**
 * Copies every table of one installation into another (PGlite to PostgreSQL): the target is
 * migrated, loaded in one transaction, then each table's count and checksum compared.
 */
export async function copyInstallation(
  source: Kysely<unknown>,
  target: Kysely<unknown>,
  force: boolean,
  onProgress?: Progress,
) {
  await migrateToLatest(source);
  await migrateToLatest(target);
  const [from, to] = [await readTables(source), await readTables(target)];
  const wipe = await checkEmpty(target, to, force);
  const estimate = sum(await rowCounts(source, from));
  await target.transaction().execute(async (trx) => {
    if (wipe) await emptyTables(trx, to);
    const loader = tableLoader(trx, to);
    await dumpTables(
      source,
      from.map((table) => ({ table })),
      counting(loader.push, estimate, onProgress),
    );
    await loader.finish();
  });
  const [sourceCounts, targetCounts] = [
    await rowCounts(source, from),
    await rowCounts(target, from),
  ];
  const [sourceSums, targetSums] = [
    await tableChecksums(source, from),
    await tableChecksums(target, from),
  ];
  return from.map((t) => ({
    table: t.name,
    source: sourceCounts.get(t.name) ?? 0,
    target: targetCounts.get(t.name) ?? 0,
    same: sourceSums.get(t.name) === targetSums.get(t.name),
  })) satisfies CopyReport;
}
