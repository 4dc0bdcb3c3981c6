import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { knownMigrations, migrateToLatest } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { expectedFacts, storedFacts } from '../helpers/deal-facts-oracle.js';
import { createTestDatabase } from '../helpers/test-db.js';

// Migrations that rewrite derived data run on installations with data, not only on an empty
// database. Two failed on one with deals, which every empty-database test missed: 0023 built an
// index while its own rebuild's deferred foreign-key checks were pending, and an upgrade from
// before 0015 failed at 0021 the same way while every migration shared one transaction.

async function upgraded(from: string, load: (db: Kysely<DB>) => Promise<unknown>) {
  const database = await createTestDatabase(from);
  try {
    await load(database.db);
    const { applied } = await migrateToLatest(database.db);
    const deals = await database.db.selectFrom('deals').select('id').execute();
    const stored = await Promise.all(deals.map((d) => storedFacts(database.db, d.id)));
    for (const [i, d] of deals.entries())
      expect(stored[i], d.id).toEqual(await expectedFacts(database.db, d.id));
    const bits = await database.db.selectFrom('stages').select('bit').execute();
    return {
      applied,
      intervals: stored.flatMap((f) => f.intervals),
      visits: stored.flatMap((f) => f.visits),
      bits: bits.map((b) => b.bit),
    };
  } finally {
    await database.close();
  }
}

describe('an installation upgraded with deals in it', () => {
  it('rebuilds every deal’s facts with the columns of migrations 0023 and 0025', async () => {
    const { applied, intervals, visits, bits } = await upgraded('0022-open-intervals-index', (db) =>
      seedDemo(db, { deals: 60, seed: 5, now: new Date('2026-03-01T04:00:00Z') }),
    );
    expect(applied).toEqual([
      '0023-interval-neighbours',
      '0024-won-intervals-index',
      '0025-stage-reach-masks',
    ]);
    // The seed's history holds changes and closings, so the new columns were filled.
    expect(intervals.some((r) => r.before !== null)).toBe(true);
    expect(intervals.some((r) => r.closingUntil === 'infinity')).toBe(true);
    // Every existing stage got a bit, and stays after others carry them.
    expect(bits.every((b) => b !== null)).toBe(true);
    expect(visits.some((v) => v.reachedBefore.length > 1)).toBe(true);
  });

  it('upgrades from before the deal facts existed, through every later migration', async () => {
    // A deal as version 0014 stored it, written with that schema's own columns.
    const { applied, intervals } = await upgraded('0014-dashboards', (db) =>
      sql`with w as (insert into workspaces (name) values ('Old') returning id),
        u as (insert into users (workspace_id, email, name, role)
          select id, 'old@example.com', 'Old', 'admin' from w returning id),
        p as (insert into pipelines (workspace_id, name, position)
          select id, 'Sales', 0 from w returning id, workspace_id),
        s as (insert into stages (workspace_id, pipeline_id, name, position, probability, kind)
          select workspace_id, id, 'Lead', 0, 10, 'open' from p
          returning id, pipeline_id, workspace_id),
        d as (insert into deals (workspace_id, title, pipeline_id, stage_id, position, currency,
            owner_id, value_minor)
          select s.workspace_id, 'Old deal', s.pipeline_id, s.id, 1, 'USD', u.id, 500 from s, u
          returning id, workspace_id, pipeline_id, stage_id)
        insert into deal_events (workspace_id, deal_id, type, occurred_at, to_pipeline_id,
          to_stage_id, to_value, data)
        select workspace_id, id, 'created', '2026-01-05T03:00:00Z', pipeline_id, stage_id, 500,
          '{"currency": "USD"}' from d`.execute(db),
    );
    expect(applied[0]).toBe('0015-deal-facts');
    expect(applied.at(-1)).toBe(knownMigrations().at(-1));
    expect(intervals).toMatchObject([{ from: '2026-01-05T03:00:00.000Z', value: 500 }]);
  });
});
