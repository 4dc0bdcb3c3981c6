import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Completed weekly pipeline reviews: who reviewed which rep or team over which window, so the next
// review starts where the last one ended. Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table pipeline_reviews (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      reviewer_id uuid not null references users(id) on delete cascade,
      owner_id uuid references users(id) on delete cascade,
      team_id uuid references teams(id) on delete cascade,
      since timestamptz(3) not null,
      until timestamptz(3) not null,
      reviewed_at timestamptz(3) not null default now(),
      check ((owner_id is null) <> (team_id is null)),
      check (until > since)
    );
    create index pipeline_reviews_owner_idx on pipeline_reviews (owner_id, until) where owner_id is not null;
    create index pipeline_reviews_team_idx on pipeline_reviews (team_id, until) where team_id is not null
  `,
  );
}
