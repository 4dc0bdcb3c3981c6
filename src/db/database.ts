import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { typeParsers } from './type-parsers.js';

export type Engine = 'pglite' | 'postgres';

/** Raw SQL as the job queue (pg-boss) runs it: multi-statement text without values is allowed. */
export type RawSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** How the job queue reaches the same database: its own pool on PostgreSQL, the one PGlite. */
export type QueueConnection = { connectionString: string } | { executeSql: RawSql };

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  queueConnection: QueueConnection;
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
  return {
    db,
    engine: 'postgres',
    queueConnection: { connectionString },
    close: () => db.destroy(),
  };
}

function createPglite(dataDir: string): Database {
  const inMemory = dataDir === 'memory://';
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  let opened: Promise<PGlite> | undefined;
  const open = () =>
    (opened ??= (async () => {
      // Loaded when first used: a PostgreSQL installation never pays its ~50 MB.
      const { PGlite } = await import('@electric-sql/pglite');
      const client = await PGlite.create(inMemory ? undefined : dataDir, {
        parsers: typeParsers,
      });
      await client.exec(`SET TIME ZONE 'UTC'`);
      return client;
    })());
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: open }) });
  // The queue shares the one PGlite instance. Kysely runs its transactions in PGlite's exclusive
  // mode, so a queue statement waits for them instead of landing inside one (decision 0006).
  const executeSql: RawSql = async (text, values) => {
    const client = await open();
    if (values && values.length > 0) return client.query(text, values);
    const results = await client.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  };
  return {
    db,
    engine: 'pglite',
    queueConnection: { executeSql },
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
