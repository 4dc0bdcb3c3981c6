// PGlite runs no autovacuum. Without a vacuum the rows each change leaves dead (every move
// rewrites its deal's facts) stay in the tables, and nothing sets the visibility map the
// reports' index-only scans rely on, so they read the heap too (decision 0016). The embedded
// engine's worker vacuums on a schedule instead; PostgreSQL's own autovacuum does this there.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';

/** Hourly, off the hour; a vacuum after the first reads only the pages changed since. */
export const EMBEDDED_VACUUM_CRON = '41 * * * *';

export async function vacuumDatabase(db: Kysely<DB>): Promise<void> {
  await sql`vacuum (analyze)`.execute(db);
}

/**
 * On the embedded engine, a vacuum once migrations have run: one that rebuilds the deal facts
 * (0023, 0025) leaves no page marked, and until the hourly vacuum the reports read the heap too
 * (at 100,000 deals the key numbers took 430 ms instead of 230). True when it vacuumed.
 */
export async function vacuumAfterMigrations(
  database: Pick<Database, 'db' | 'engine'>,
  applied: readonly string[],
): Promise<boolean> {
  if (database.engine !== 'pglite' || applied.length === 0) return false;
  await vacuumDatabase(database.db);
  return true;
}

/** Migrates to the latest schema, then vacuumAfterMigrations(); the migrations applied. */
export async function migrateDatabase(database: Pick<Database, 'db' | 'engine'>) {
  const { applied } = await migrateToLatest(database.db);
  await vacuumAfterMigrations(database, applied);
  return applied;
}
