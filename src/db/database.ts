import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { typeParsers } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  /** postgres:// URL; when absent the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder, or 'memory://' for an in-memory database. */
  dataDir?: string;
  /** Connection pool size on PostgreSQL. */
  poolSize?: number;
};

export function createDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl
    ? createPostgres(options.databaseUrl, options.poolSize ?? 10)
    : createPglite(options.dataDir ?? 'memory://');
}

function createPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Sessions run in UTC so that date arithmetic in SQL never depends on the server's zone.
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const parser = typeParsers[oid];
        return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose backend goes away (server restart, admin termination) emits 'error' on
  // the pool; without a listener that would crash the process. The pool replaces the client.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01')
      process.emitWarning(`PostgreSQL idle client: ${err.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

function createPglite(dataDir: string): Database {
  const inMemory = dataDir === 'memory://';
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  const dialect = new PGliteDialect({
    pglite: async () => {
      const client = await PGlite.create(inMemory ? undefined : dataDir, {
        parsers: typeParsers,
      });
      await client.exec(`SET TIME ZONE 'UTC'`);
      return client;
    },
  });
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/** Checks the connection; throws with the driver's message when the database is unreachable. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
