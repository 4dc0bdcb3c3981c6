import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database, type Engine } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase = Database & {
  /** Where the data lives, for the report (no credentials). */
  location: string;
  /** PostgreSQL only: the database's URL, for a child process to open it. */
  url?: string;
};

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one benchmark run. PostgreSQL: a throw-away database created
 * through the admin URL and dropped on close; nothing in the admin database is touched.
 * PGlite: a temporary data folder (closer to a real install than memory://), removed on close.
 */
export async function openBenchDatabase(engine: Engine, adminUrl: string): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'pw-bench-'));
    const database = createDatabase({ dataDir: dir });
    await migrateToLatest(database.db);
    return {
      ...database,
      location: 'temporary data folder',
      close: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pw_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    ...database,
    location: `${url.host}/${name} (dropped afterwards)`,
    url: url.toString(),
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
