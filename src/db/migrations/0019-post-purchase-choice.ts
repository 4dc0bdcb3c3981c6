import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// The workspace chooses its after-the-win pipeline instead of it being found by name, so renaming
// it no longer stops onboarding and renewals. At most one per workspace. Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table pipelines add column is_post_purchase boolean not null default false;
    create unique index pipelines_post_purchase_key on pipelines (workspace_id) where is_post_purchase;
    update pipelines set is_post_purchase = true
      where id in (
        select distinct on (workspace_id) id from pipelines
        where name = 'Post-purchase'
        order by workspace_id, position, created_at
      )
    `,
  );
}
