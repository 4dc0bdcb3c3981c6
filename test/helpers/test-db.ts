import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';

export const testEngine = process.env.PIPEWRIGHT_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new PostgreSQL database;
 * migrated only up to and including `upTo` when given (to test an upgrade).
 */
export async function createTestDatabase(upTo?: string): Promise<Database> {
  const migrate = (database: Database) =>
    upTo ? migrateTo(database.db, upTo) : migrateToLatest(database.db);
  if (testEngine === 'pglite') {
    const database = createDatabase({ dataDir: 'memory://' });
    await migrate(database);
    return database;
  }
  const adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('PIPEWRIGHT_TEST_DATABASE_URL is not set');
  const name = `pw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
