import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// What an import run has read so far (an 8-byte digest of each id, or of each whole row in a file
// without ids), so that a repeated id is found in files of any size without holding every id in
// memory. Rows live for one run; unlogged, as they are worthless after a crash. Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create unlogged table import_seen (
      run_id uuid not null,
      digest bigint not null,
      first_row integer not null,
      seen integer not null,
      created_at timestamptz(3) not null default now(),
      primary key (run_id, digest)
    );
    create index import_seen_created_idx on import_seen (created_at)
    `,
  );
}
