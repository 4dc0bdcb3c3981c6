import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Follow-ups and deal hygiene. Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table activities (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      type text not null check (type in ('call', 'meeting', 'task', 'email', 'note')),
      subject text not null,
      body text not null default '',
      due_at timestamptz(3),
      all_day boolean not null default false,
      duration_minutes integer check (duration_minutes > 0),
      owner_id uuid not null references users(id),
      done boolean not null default false,
      done_at timestamptz(3),
      deal_id uuid references deals(id) on delete cascade,
      contact_id uuid references contacts(id) on delete set null,
      company_id uuid references companies(id) on delete set null,
      created_by uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index activities_deal_idx on activities (deal_id, done, due_at);
    create index activities_owner_due_idx on activities (owner_id, done, due_at);
    create index activities_workspace_due_idx on activities (workspace_id, due_at);
    create index activities_contact_idx on activities (contact_id);
    create index activities_company_idx on activities (company_id);

    -- Stage hygiene: fields a deal needs before it may enter, and how often its close date may
    -- be pushed back before it needs attention.
    alter table stages add column required_fields text[] not null default '{}';
    alter table stages add column close_date_push_limit integer check (close_date_push_limit >= 0);

    -- When someone last did something on the deal (an activity logged or done); rotting counts
    -- from the later of this and the stage change.
    alter table deals add column last_activity_at timestamptz(3);

    -- A private calendar feed per user; only the hash of its secret is kept, so it is revocable.
    alter table users add column ics_token_hash text unique
  `,
  );
}
