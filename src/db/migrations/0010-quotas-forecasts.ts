import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Quotas, forecast categories, forecast submissions, weekly snapshots and backtest runs (issue 6).
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- A target for one person or one team for a calendar month, quarter or year (in the
    -- workspace's zone): an amount in the workspace currency, or a count of won deals.
    create table quotas (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid references users(id) on delete cascade,
      team_id uuid references teams(id) on delete cascade,
      period_unit text not null check (period_unit in ('month', 'quarter', 'year')),
      period_start date not null,
      kind text not null check (kind in ('amount', 'count')),
      target bigint not null check (target >= 0),
      currency char(3),
      version integer not null default 1,
      updated_by uuid references users(id) on delete set null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      check ((user_id is null) <> (team_id is null)),
      check ((kind = 'amount') = (currency is not null))
    );
    create unique index quotas_user_period on quotas (workspace_id, user_id, period_unit, period_start)
      where user_id is not null;
    create unique index quotas_team_period on quotas (workspace_id, team_id, period_unit, period_start)
      where team_id is not null;

    -- null: the stage's default category.
    alter table deals add column forecast_category text
      check (forecast_category in ('pipeline', 'best_case', 'commit', 'omitted'));

    -- Every forecast a rep (or a manager for a team) submitted; never updated or deleted.
    create table forecast_submissions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid references users(id),
      team_id uuid references teams(id),
      submitted_by uuid not null references users(id),
      period_unit text not null check (period_unit in ('month', 'quarter', 'year')),
      period_start date not null,
      amount_minor bigint not null check (amount_minor >= 0),
      currency char(3) not null,
      deal_count integer not null check (deal_count >= 0),
      note text,
      submitted_at timestamptz(3) not null default now(),
      check ((user_id is null) <> (team_id is null))
    );
    create index forecast_submissions_period
      on forecast_submissions (workspace_id, period_unit, period_start, submitted_at);

    -- The forecast of a pipeline for the current month and quarter as it stood on a day
    -- (taken weekly by a background job), so forecasts can later be compared with outcomes.
    create table forecast_snapshots (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pipeline_id uuid not null references pipelines(id) on delete cascade,
      period_unit text not null check (period_unit in ('month', 'quarter', 'year')),
      period_start date not null,
      taken_on date not null,
      currency char(3) not null,
      forecast jsonb not null,
      taken_at timestamptz(3) not null default now(),
      unique (pipeline_id, period_unit, period_start, taken_on)
    );

    -- One backtest run: its parameters and every period's result per method.
    create table forecast_backtests (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pipeline_id uuid not null references pipelines(id) on delete cascade,
      period_unit text not null check (period_unit in ('month', 'quarter')),
      from_date date not null,
      to_date date not null,
      runs integer not null,
      seed bigint not null,
      currency char(3) not null,
      summary jsonb not null,
      periods jsonb not null,
      ran_at timestamptz(3) not null default now()
    )
  `,
  );
}
