import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Forward-only once shipped: never edit this file after a release, add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- A named list configuration (filters, sort, columns); private to its owner unless shared.
    create table saved_views (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      owner_id uuid not null references users(id) on delete cascade,
      name text not null,
      entity text not null check (entity in ('deals')),
      config jsonb not null,
      shared boolean not null default false,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    -- Names are unique per owner and entity, ignoring case ("Hot deals" and "hot deals" clash).
    create unique index saved_views_owner_name_key on saved_views (owner_id, entity, lower(name));
    create index saved_views_shared_idx on saved_views (workspace_id, entity) where shared;
  `,
  );
}
