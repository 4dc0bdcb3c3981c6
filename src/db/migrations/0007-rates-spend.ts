import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Exchange rates to the workspace currency, and marketing spend per channel and month.
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- Base-currency major units one major unit of currency buys on date (exact decimal).
    create table exchange_rates (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      currency char(3) not null,
      date date not null,
      rate numeric(24, 10) not null check (rate > 0),
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz(3) not null default now(),
      primary key (workspace_id, currency, date)
    );

    -- What a channel (a deal source) cost in a calendar month; month is its first day.
    create table marketing_spend (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      channel text not null,
      month date not null check (extract(day from month) = 1),
      amount_minor bigint not null check (amount_minor >= 0),
      currency char(3) not null,
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz(3) not null default now(),
      primary key (workspace_id, channel, month)
    )
  `,
  );
}
