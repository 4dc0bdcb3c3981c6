import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// The workspace's own scoring rules (null: the built-in ones). Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `alter table workspaces add column scoring_rules jsonb`);
}
