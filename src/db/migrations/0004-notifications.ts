import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Reminders: in-app notifications and the daily digest. Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- One row per activity falling due. The unique key (activity, due time) is what makes
    -- delivery idempotent: the queue delivers at least once, this table at most once.
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null check (kind in ('activity_due')),
      activity_id uuid not null references activities(id) on delete cascade,
      due_at timestamptz(3) not null,
      read_at timestamptz(3),
      created_at timestamptz(3) not null default now()
    );
    create unique index notifications_activity_due_key on notifications (activity_id, due_at);
    create index notifications_user_idx on notifications (user_id, created_at desc, id);
    create index notifications_unread_idx on notifications (user_id) where read_at is null;

    -- The daily digest: one row per user and local calendar day, claimed before sending.
    create table digest_deliveries (
      user_id uuid not null references users(id) on delete cascade,
      local_date date not null,
      status text not null check (status in ('pending', 'sending', 'sent', 'skipped')),
      attempts integer not null default 0,
      claimed_at timestamptz(3),
      sent_at timestamptz(3),
      error text,
      created_at timestamptz(3) not null default now(),
      primary key (user_id, local_date)
    );

    alter table users add column digest_enabled boolean not null default true;
    alter table users add column digest_hour smallint not null default 8
      check (digest_hour between 0 and 23)
  `,
  );
}
