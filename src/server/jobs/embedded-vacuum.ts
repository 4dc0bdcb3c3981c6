// PGlite runs no autovacuum. Without a vacuum the rows each change leaves dead (every move
// rewrites its deal's facts) stay in the tables, and nothing sets the visibility map the
// reports' index-only scans rely on, so they read the heap too (decision 0016). The embedded
// engine's worker vacuums on a schedule instead; PostgreSQL's own autovacuum does this there.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Hourly, off the hour; a vacuum after the first reads only the pages changed since. */
export const EMBEDDED_VACUUM_CRON = '41 * * * *';

export async function vacuumDatabase(db: Kysely<DB>): Promise<void> {
  await sql`vacuum (analyze)`.execute(db);
}
