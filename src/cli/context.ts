import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { migrateDatabase } from '../server/jobs/embedded-vacuum.js';
import { openDatabase } from '../server/open-database.js';
import type { Database } from '../db/database.js';

/** A CLI mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** Opens and migrates the configured database, runs the work, and closes it whatever happens. */
export async function withDatabase<T>(
  work: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = configOrExit();
  const database = openDatabase(config);
  try {
    await migrateDatabase(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  }
  return `embedded PGlite in ${config.dataDir}`;
}
