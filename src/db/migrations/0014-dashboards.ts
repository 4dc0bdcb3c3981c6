import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Forward-only once shipped: never edit this file after a release, add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- A named grid of report widgets with its own filters; private to its owner unless shared.
    create table dashboards (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      owner_id uuid not null references users(id) on delete cascade,
      name text not null,
      -- The ordered widgets and the filters, validated by the service's zod schemas.
      widgets jsonb not null,
      filters jsonb not null,
      shared boolean not null default false,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    -- Names are unique per owner, ignoring case.
    create unique index dashboards_owner_name_key on dashboards (owner_id, lower(name));
    create index dashboards_shared_idx on dashboards (workspace_id) where shared;
  `,
  );
}
