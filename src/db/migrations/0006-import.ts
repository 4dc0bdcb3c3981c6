import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// CSV import: what each run wrote, batch by batch, and which record each external id became.
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- One committed batch of an import: the unit that is written, and later undone, as a whole.
    create table import_batches (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null check (entity in ('users', 'companies', 'contacts', 'deals', 'activities')),
      source text not null,
      file_name text not null,
      first_row integer not null,
      last_row integer not null,
      created_count integer not null,
      imported_by uuid references users(id) on delete set null,
      created_at timestamptz(3) not null default now(),
      undone_at timestamptz(3)
    );
    create index import_batches_workspace_idx on import_batches (workspace_id, created_at);

    -- External id -> record: a re-run skips ids already here, so importing a file twice (or
    -- again after a crash) creates nothing twice. Ids are unique per workspace, entity and source.
    create table import_records (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null,
      source text not null,
      external_id text not null,
      record_id uuid not null,
      batch_id uuid not null references import_batches(id) on delete cascade,
      primary key (workspace_id, entity, source, external_id)
    );
    create index import_records_batch_idx on import_records (batch_id);
    create index import_records_record_idx on import_records (record_id);
  `,
  );
}
