import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { vacuumAfterMigrations, vacuumDatabase } from '../../src/server/jobs/embedded-vacuum.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // PostgreSQL's autovacuum could set the pages first; PGlite has none.
  await sql`alter table deal_state_intervals set (autovacuum_enabled = false)`.execute(database.db);
  await seedDemo(database.db, { deals: 40, seed: 3, now: new Date('2026-03-01T04:00:00Z') });
});
afterAll(() => database?.close());

// What the reports' index-only scans need: pages marked all-visible, which only a vacuum does.
const visiblePages = async () =>
  (
    await sql<{ pages: number }>`select relallvisible::int as pages from pg_class
      where relname = 'deal_state_intervals'`.execute(database.db)
  ).rows[0]?.pages;

describe('the embedded engine’s vacuum', () => {
  it('marks the deal facts’ pages all-visible', async () => {
    await sql`analyze deal_state_intervals`.execute(database.db);
    expect(await visiblePages()).toBe(0);
    await vacuumDatabase(database.db);
    expect(await visiblePages()).toBeGreaterThan(0);
  });

  it('runs after migrations on the embedded engine only, and only when some were applied', async () => {
    // Rewritten rows are on pages not marked all-visible, as after a migration's rebuild.
    await sql`update deal_state_intervals set value_minor = value_minor`.execute(database.db);
    await sql`analyze deal_state_intervals`.execute(database.db);
    const before = await visiblePages();
    const { db } = database;
    expect(await vacuumAfterMigrations({ db, engine: 'pglite' }, [])).toBe(false);
    expect(await vacuumAfterMigrations({ db, engine: 'postgres' }, ['0025'])).toBe(false);
    expect(await visiblePages()).toBe(before);
    expect(await vacuumAfterMigrations({ db, engine: 'pglite' }, ['0025'])).toBe(true);
    expect(await visiblePages()).toBeGreaterThan(before ?? 0);
  });
});
