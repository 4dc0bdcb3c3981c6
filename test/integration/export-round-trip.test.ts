import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { entityCsv } from '../../src/server/modules/exports/entity-csv.js';
import { writeWorkspaceJson } from '../../src/server/modules/exports/workspace-json.js';
import type { ImportableEntity } from '../../src/server/modules/imports/import-fields.js';
import { importText } from '../helpers/import.js';
import { createTestDatabase } from '../helpers/test-db.js';

// A seeded workspace exported as CSV, imported into an empty workspace of another database
// (with the same people and pipelines, which the CSV files do not carry), must give the same
// records and the same board.
const now = new Date('2025-03-01T04:00:00Z');
let from: Database;
let to: Database;
let source: string;
let target: { workspaceId: string; actorId: string };

async function csvOf(db: Kysely<DB>, entity: ImportableEntity, workspaceId: string) {
  let text = '';
  for await (const part of entityCsv(db, entity, workspaceId, 37)) text += part.text;
  return text;
}

/** The target workspace: the source's settings, people, pipelines and stages, no records. */
async function emptyTwin(fromDb: Kysely<DB>, toDb: Kysely<DB>, workspaceId: string) {
  const ws = await fromDb
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  await toDb
    .insertInto('workspaces')
    .values({
      id: ws.id,
      name: ws.name,
      timezone: ws.timezone,
      default_currency: ws.default_currency,
    })
    .execute();
  for (const table of ['users', 'pipelines', 'stages'] as const) {
    const rows = await fromDb
      .selectFrom(table)
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute();
    await toDb
      .insertInto(table)
      .values(rows as never)
      .execute();
  }
  const admin = await toDb
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return { workspaceId, actorId: admin.id };
}

beforeAll(async () => {
  [from, to] = [await createTestDatabase(), await createTestDatabase()];
  source = (await seedDemo(from.db, { deals: 150, seed: 11, now })).workspaceId;
  target = await emptyTwin(from.db, to.db, source);
}, 120_000);
afterAll(async () => {
  await from?.close();
  await to?.close();
});

// Order-free comparison: records with equal sort keys may come back in any order.
const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

const recordsOf = {
  companies: (db: Kysely<DB>) =>
    sql`select c.name, c.website, c.domain, c.phone, c.industry, c.address,
      (select email from users u where u.id = c.owner_id) as owner from companies c order by 1, 2, 3, 4`.execute(
      db,
    ),
  contacts: (db: Kysely<DB>) =>
    sql`select c.name, c.email, c.phone, c.job_title,
      (select name from companies x where x.id = c.company_id) as company,
      (select email from users u where u.id = c.owner_id) as owner from contacts c order by 1, 2, 3, 4, 5`.execute(
      db,
    ),
  deals: (db: Kysely<DB>) =>
    sql`select d.title, p.name as pipeline, s.name as stage, d.status, d.value_minor,
      d.currency, u.email as owner, (select name from companies x where x.id = d.company_id) as company,
      d.expected_close_date, d.source, d.lost_reason, d.probability, d.created_at, d.stage_entered_at, d.closed_at
      from deals d join pipelines p on p.id = d.pipeline_id join stages s on s.id = d.stage_id
      join users u on u.id = d.owner_id order by d.created_at, d.title, d.value_minor`.execute(db),
  activities: (db: Kysely<DB>) =>
    sql`select a.type, a.subject, a.body, a.due_at, a.duration_minutes, a.done,
      a.done_at, u.email as owner, (select title from deals d where d.id = a.deal_id) as deal,
      (select name from contacts c where c.id = a.contact_id) as contact,
      (select name from companies x where x.id = a.company_id) as company
      from activities a join users u on u.id = a.owner_id order by 2, 1, 4, 3, 9`.execute(db),
};

describe('export as CSV and import into an empty workspace', () => {
  it('gives back every company, contact, deal and activity', async () => {
    for (const entity of ['companies', 'contacts', 'deals', 'activities'] as const) {
      const csv = await csvOf(from.db, entity, source);
      const report = await importText(to.db, target, entity, csv, { source: `${entity}.csv`, now });
      expect(report.problems, entity).toEqual([]);
      // Contacts and deals name their companies, which the companies file created already.
      const [a, b] = [await recordsOf[entity](from.db), await recordsOf[entity](to.db)];
      expect(b.rows.length, entity).toBeGreaterThan(0);
      expect(sorted(b.rows), entity).toEqual(sorted(a.rows));
    }
  }, 120_000);

  it('gives the same board and the same won and lost totals per month', async () => {
    const board = (db: Kysely<DB>) =>
      sql`select p.name, s.name as stage, d.status, count(*)::int as n,
        sum(d.value_minor)::text as value from deals d join stages s on s.id = d.stage_id
        join pipelines p on p.id = d.pipeline_id group by 1, 2, 3 order by 1, 2, 3`.execute(db);
    const months = (db: Kysely<DB>) =>
      sql`select to_char(closed_at, 'YYYY-MM') as month, status, count(*)::int as n,
        sum(value_minor)::text as value from deals where closed_at is not null group by 1, 2 order by 1, 2`.execute(
        db,
      );
    expect((await board(to.db)).rows).toEqual((await board(from.db)).rows);
    expect((await months(to.db)).rows).toEqual((await months(from.db)).rows);
    expect((await months(to.db)).rows.length).toBeGreaterThan(2);
  });
});

describe('the workspace as JSON', () => {
  it('holds every record of the workspace, without password hashes, and parses', async () => {
    let text = '';
    const result = await writeWorkspaceJson(from.db as Kysely<unknown>, source, async (t) => {
      text += t;
    });
    const doc = JSON.parse(text) as {
      format: string;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(doc.format).toBe('pipewright-workspace');
    for (const table of [
      'users',
      'teams',
      'pipelines',
      'stages',
      'companies',
      'contacts',
      'deals',
      'deal_contacts',
      'deal_events',
      'activities',
    ]) {
      const count = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.id(table)}`.execute(from.db);
      expect(doc.tables[table]?.length, table).toBe(count.rows[0]!.n);
    }
    expect(doc.tables.sessions).toBeUndefined();
    expect(doc.tables.users![0]).not.toHaveProperty('password_hash');
    const hash = await from.db
      .selectFrom('users')
      .select('password_hash')
      .where('password_hash', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(text).not.toContain(hash.password_hash);
    expect(result.rows).toBe(Object.values(doc.tables).reduce((s, rows) => s + rows.length, 0));
  });
});
