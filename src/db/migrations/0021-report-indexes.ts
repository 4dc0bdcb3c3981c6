import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Indexes the reports read without touching the facts' tables (index-only scans), measured at
// 1,000,000 deals on PostgreSQL (docs/decisions/0008-deal-facts.md): the closings in a period
// with their state, the deals created in a period, and the stays in a stage that ended in a period
// (time in stage read 3 million heap rows at random through the stage index: 14.5 s, 3.8 s now).
// Each replaces a narrower index of migration 0015: with both, the planner took the old stage
// index for its order and read the heap anyway. Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index deal_state_intervals_closings_idx on deal_state_intervals (workspace_id, valid_from)
      include (deal_id, pipeline_id, status, currency, value_minor, owner_id, created_at)
      where closes;
    drop index deal_state_intervals_closes_idx;
    create index deal_state_intervals_creations_idx
      on deal_state_intervals (created_pipeline_id, created_at) include (deal_id, workspace_id)
      where valid_from = created_at;
    drop index deal_state_intervals_created_idx;
    create index deal_stage_visits_left_idx on deal_stage_visits (pipeline_id, stage_id, left_at)
      include (entered_at, deal_id, workspace_id);
    drop index deal_stage_visits_stage_idx
    `,
  );
}
