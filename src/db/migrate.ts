import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-saved-views.js';
import * as m0003 from './migrations/0003-activities-hygiene.js';
import * as m0004 from './migrations/0004-notifications.js';
import * as m0006 from './migrations/0006-import.js';
import * as m0007 from './migrations/0007-rates-spend.js';
import * as m0008 from './migrations/0008-leads.js';
import * as m0010 from './migrations/0010-quotas-forecasts.js';
import * as m0012 from './migrations/0012-scoring.js';
import * as m0013 from './migrations/0013-post-purchase.js';
import * as m0014 from './migrations/0014-dashboards.js';
import * as m0015 from './migrations/0015-deal-facts.js';
import * as m0016 from './migrations/0016-pipeline-reviews.js';
import * as m0017 from './migrations/0017-forecast-accuracy.js';
import * as m0019 from './migrations/0019-post-purchase-choice.js';
import * as m0020 from './migrations/0020-import-seen.js';
import * as m0021 from './migrations/0021-report-indexes.js';
import * as m0022 from './migrations/0022-open-intervals-index.js';
import * as m0023 from './migrations/0023-interval-neighbours.js';
import * as m0024 from './migrations/0024-won-intervals-index.js';
import * as m0025 from './migrations/0025-stage-reach-masks.js';

// Migrations are listed explicitly (not read from disk) so they work the same from source, from a
// bundle and in tests. Append only.
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-saved-views': m0002,
  '0003-activities-hygiene': m0003,
  '0004-notifications': m0004,
  '0006-import': m0006,
  '0007-rates-spend': m0007,
  '0008-leads': m0008,
  '0010-quotas-forecasts': m0010,
  '0012-scoring': m0012,
  '0013-post-purchase': m0013,
  '0014-dashboards': m0014,
  '0015-deal-facts': m0015,
  '0016-pipeline-reviews': m0016,
  '0017-forecast-accuracy': m0017,
  '0019-post-purchase-choice': m0019,
  '0020-import-seen': m0020,
  '0021-report-indexes': m0021,
  '0022-open-intervals-index': m0022,
  '0023-interval-neighbours': m0023,
  '0024-won-intervals-index': m0024,
  '0025-stage-reach-masks': m0025,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export type MigrationOutcome = { applied: string[] };

/** The migrations this version knows, in order. */
export const knownMigrations = () => Object.keys(migrations);

/** Migrates up to and including `name` (a restore first rebuilds the schema its backup had). */
export async function migrateTo<T>(db: Kysely<T>, name: string): Promise<void> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider });
  const { error } = await migrator.migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed: ${String(error)}`, { cause: error });
}

/**
 * Runs the pending migrations, each in its own transaction: a migration that rebuilds the deal
 * facts leaves deferred foreign-key checks pending until commit, and a later one indexing the
 * same table in that transaction is refused ("pending trigger events"), so an installation with
 * deals could not upgrade across 0015 and 0021 at once. A failure keeps the earlier ones.
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationOutcome> {
  // Migrations are written against no table types (the schema changes under them).
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider });
  const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
  const applied: string[] = [];
  for (const { name } of pending) {
    const { error, results } = await migrator.migrateTo(name);
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`Migration ${failed?.migrationName ?? name} failed: ${String(error)}`, {
        cause: error,
      });
    }
    applied.push(...(results ?? []).map((r) => r.migrationName));
  }
  return { applied };
}
