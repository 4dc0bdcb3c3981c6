import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Weekly snapshots become one per pipeline, period and week (so a snapshot on demand and the
// weekly job do not both count), and each closed period's forecast error is stored (issue 6).
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- The Monday of the local week the snapshot was taken in.
    alter table forecast_snapshots add column week_start date;
    update forecast_snapshots
      set week_start = taken_on - (extract(isodow from taken_on)::int - 1);
    -- Snapshots were one per day until now: keep the first of each week.
    delete from forecast_snapshots s
      using forecast_snapshots earlier
      where earlier.pipeline_id = s.pipeline_id
        and earlier.period_unit = s.period_unit
        and earlier.period_start = s.period_start
        and earlier.week_start = s.week_start
        and (earlier.taken_on, earlier.id) < (s.taken_on, s.id);
    alter table forecast_snapshots alter column week_start set not null;
    create unique index forecast_snapshots_week
      on forecast_snapshots (pipeline_id, period_unit, period_start, week_start);
    -- Who asked for a snapshot on demand; null for the weekly job.
    alter table forecast_snapshots add column taken_by uuid references users(id) on delete set null;

    -- A closed period's forecast of record against what was won (docs/metrics.md, "Forecast
    -- accuracy"): a method's first snapshot of the period (pipeline_id set), or a person's or a
    -- team's first submission (user_id or team_id set, method 'submission').
    create table forecast_accuracy (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pipeline_id uuid references pipelines(id) on delete cascade,
      user_id uuid references users(id) on delete cascade,
      team_id uuid references teams(id) on delete cascade,
      period_unit text not null check (period_unit in ('month', 'quarter', 'year')),
      period_start date not null,
      method text not null
        check (method in ('stage_weighted', 'commit', 'best_case', 'learned', 'submission')),
      forecast_on date not null,
      currency char(3) not null,
      forecast_count double precision not null,
      forecast_amount double precision not null,
      actual_count integer not null,
      actual_amount bigint not null,
      count_abs_error double precision not null,
      count_ape double precision,
      amount_abs_error double precision not null,
      amount_ape double precision,
      recorded_at timestamptz(3) not null default now(),
      check (num_nonnulls(pipeline_id, user_id, team_id) = 1),
      check ((method = 'submission') = (pipeline_id is null))
    );
    create unique index forecast_accuracy_pipeline
      on forecast_accuracy (pipeline_id, period_unit, period_start, method)
      where pipeline_id is not null;
    create unique index forecast_accuracy_user
      on forecast_accuracy (workspace_id, user_id, period_unit, period_start)
      where user_id is not null;
    create unique index forecast_accuracy_team
      on forecast_accuracy (workspace_id, team_id, period_unit, period_start)
      where team_id is not null;
    create index forecast_accuracy_period
      on forecast_accuracy (workspace_id, period_unit, period_start)
  `,
  );
}
