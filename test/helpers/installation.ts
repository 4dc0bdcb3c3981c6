import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../src/db/database.js';
import { readTables, type TableInfo } from '../../src/db/portable/table-graph.js';
import { rowCounts, tableChecksums } from '../../src/db/portable/table-load.js';

export const adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;

/** Rows and checksum of every table of an installation (a PGlite folder or a postgres URL). */
const tablesOf = (rows: { table_name: string; column_name: string }[]): TableInfo[] =>
  [...new Set(rows.map((r) => r.table_name))].map((name) => ({
    name,
    columns: rows.filter((r) => r.table_name === name).map((r) => r.column_name),
    identityColumns: [],
    foreignKeys: [],
  }));

export async function fingerprint(where: { dataDir?: string; databaseUrl?: string }) {
  const database = createDatabase({ ...where, poolSize: 2 });
  try {
    const db = database.db as Kysely<unknown>;
    // The derived deal facts are not copied but rebuilt by the trigger as events load: a copy
    // must still hold the same ones.
    const derived = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('deal_state_intervals', 'deal_stage_visits')
      order by table_name, ordinal_position`.execute(db);
    const tables = [...(await readTables(db)), ...tablesOf(derived.rows)];
    const [counts, sums] = [await rowCounts(db, tables), await tableChecksums(db, tables)];
    return Object.fromEntries(
      tables.map((t) => [t.name, `${counts.get(t.name)}:${sums.get(t.name)}`]),
    );
  } finally {
    await database.close();
  }
}

/**
 * What the demo seed leaves out: a lead converted to a deal (the deals <-> leads circle), an
 * exact decimal rate, marketing spend, identity columns; added straight into the data folder.
 */
export async function addEdgeRows(dataDir: string) {
  const database = createDatabase({ dataDir });
  const db = database.db;
  try {
    const ws = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const deal = await db.selectFrom('deals').select('id').orderBy('id').executeTakeFirstOrThrow();
    const lead = await db
      .insertInto('leads')
      .values({
        workspace_id: ws.id,
        name: 'Lê Thị Ánh "Ann"\nline two',
        status: 'qualified',
        converted_deal_id: deal.id,
        criteria: JSON.stringify({ budget: true }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('deals').set({ lead_id: lead.id }).where('id', '=', deal.id).execute();
    await db
      .insertInto('exchange_rates')
      .values({
        workspace_id: ws.id,
        currency: 'VND',
        date: '2025-01-31',
        rate: '0.000039412345678901234',
      })
      .execute();
    await sql`insert into login_failures (email, ip) values ('x@example.com', '10.0.0.1')`.execute(
      db,
    );
  } finally {
    await database.close();
  }
}

/** A new, empty PostgreSQL database; drop() removes it. */
export async function freshPostgres() {
  if (!adminUrl) throw new Error('PIPEWRIGHT_TEST_DATABASE_URL is not set');
  const name = `pw_port_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
