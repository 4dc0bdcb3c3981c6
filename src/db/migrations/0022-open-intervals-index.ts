import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// The open deals of a pipeline at an instant (the board at a past date, open pipeline value,
// the leaderboard's open side) read index-only from the open intervals alone: the pipeline index
// of migration 0015 also holds every closed deal's current interval, and the planner scanned the
// whole table instead. At a million deals, 800,000 of them open: 1.2–1.9 s to 0.3–0.4 s for the
// open value now (docs/decisions/0013-report-speed.md). Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index deal_state_intervals_open_idx on deal_state_intervals (pipeline_id, valid_to)
      include (valid_from, stage_id, currency, value_minor, owner_id, deal_id, workspace_id)
      where status = 'open'
    `,
  );
}
