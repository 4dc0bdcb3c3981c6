import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// The deals won in a pipeline at an instant, read index-only from the won intervals alone: close
// rate counts which of the period's qualified deals were won at its end. Without it, at a million
// deals, the planner either scanned all 3.8 million intervals for them or looked them up once per
// qualified deal (790,000 lookups, 9 s); from this index they take 0.05 s
// (docs/decisions/0016-open-runs-and-won-deals.md). Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index deal_state_intervals_won_idx on deal_state_intervals (pipeline_id, valid_to)
      include (valid_from, deal_id, workspace_id) where status = 'won'
    `,
  );
}
