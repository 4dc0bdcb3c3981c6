import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Each deal-state interval carries what the reports used to find with a window over the deal's
// intervals per request: the state just before it (the waterfall's "before" side), whether the
// deal was still in its New state just before it, and, on a closing, the instant of the deal's
// next closing (so the last closing in a period is a range condition, not a sort of every
// closing). Each stay in a stage likewise carries the stay after it and when the deal comes back
// to the stage (active conversion's last stay per stage, and what followed it). The replay function is replaced whole: a forward-only migration keeps its own copy
// of what it installs. docs/decisions/0015-interval-neighbours.md gives the measurements.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- The previous interval's pipeline, status, currency and value; null on the deal's first.
    alter table deal_state_intervals add column prev_pipeline_id uuid;
    alter table deal_state_intervals add column prev_status text;
    alter table deal_state_intervals add column prev_currency text;
    alter table deal_state_intervals add column prev_value_minor bigint;
    -- Just before this interval the deal was in its New state (open in its first pipeline).
    alter table deal_state_intervals add column new_before boolean not null default false;
    -- On a closing (closes, and won or lost after the instant): when the deal next closes,
    -- 'infinity' if never; null on other intervals.
    alter table deal_state_intervals add column closing_until timestamptz(3);
    -- The stay after this one (null while the deal is still here), and when the deal next
    -- enters this stage again ('infinity' if never).
    alter table deal_stage_visits add column next_pipeline_id uuid;
    alter table deal_stage_visits add column next_stage_id uuid;
    alter table deal_stage_visits add column stage_again_at timestamptz(3) not null
      default 'infinity'
    `,
  );
  await sql.raw(REBUILD_FUNCTION).execute(db);
  // The facts are rebuilt from empty tables: deleting and rewriting every row left the table
  // and its indexes twice their size at a million deals. The indexes come first: the rebuild's
  // rows leave foreign-key checks pending until commit (the references are deferred), and
  // PostgreSQL refuses an index on the table then.
  await runStatements(
    db,
    `
    truncate deal_state_intervals, deal_stage_visits;
    create index deal_state_intervals_last_closings_idx
      on deal_state_intervals (workspace_id, valid_from)
      include (deal_id, pipeline_id, status, currency, value_minor, owner_id, created_at,
        closing_until)
      where closes and status <> 'open';
    drop index deal_state_intervals_closings_idx;
    create index deal_state_intervals_firsts_idx
      on deal_state_intervals (created_pipeline_id, created_at) include (deal_id, workspace_id)
      where prev_status is null;
    drop index deal_state_intervals_creations_idx;
    create index deal_stage_visits_stays_idx on deal_stage_visits (pipeline_id, stage_id, left_at)
      include (entered_at, deal_id, workspace_id, next_pipeline_id, next_stage_id, stage_again_at);
    drop index deal_stage_visits_left_idx;
    select deal_facts_rebuild(coalesce(array_agg(id), '{}')) from deals
    `,
  );
}

/** deal_facts_rebuild of migration 0015 with the columns above. */
export const REBUILD_FUNCTION = `
create or replace function deal_facts_rebuild(ids uuid[]) returns void language plpgsql as $$
begin
  -- Serialises rebuilds of the same deal across transactions; each later statement then reads
  -- the events and facts committed before the lock was granted.
  perform 1 from deals where id = any(ids) order by id for no key update;
  delete from deal_state_intervals where deal_id = any(ids);
  delete from deal_stage_visits where deal_id = any(ids);

  insert into deal_state_intervals (deal_id, workspace_id, valid_from, valid_to, created_at,
    created_pipeline_id, pipeline_id, stage_id, status, closes, value_minor, currency, owner_id,
    expected_close_date, prev_pipeline_id, prev_status, prev_currency, prev_value_minor,
    new_before, closing_until)
  with ev as (
    select e.deal_id, e.workspace_id, e.id, e.occurred_at as at, e.type,
      e.type = 'created' as c,
      case when e.type = 'created' then e.to_pipeline_id
           when e.type = 'stage' then e.to_pipeline_id end as pipeline_v,
      e.type = 'created' or (e.type = 'stage' and e.to_pipeline_id is not null) as pipeline_s,
      e.to_stage_id as stage_v,
      e.type = 'created' or (e.type = 'stage' and e.to_stage_id is not null) as stage_s,
      case when e.type = 'created'
        then coalesce(e.to_text, case when jsonb_typeof(e.data -> 'status') = 'string'
          then e.data ->> 'status' end, 'open')
        else e.to_text end as status_v,
      e.type = 'created' or (e.type = 'status' and e.to_text is not null) as status_s,
      coalesce(e.to_value, 0) as value_v,
      e.type in ('created', 'value') as value_s,
      case when e.type = 'created'
        then coalesce(case when jsonb_typeof(e.data -> 'currency') = 'string'
          then e.data ->> 'currency' end, '')
        else btrim(e.to_text) end as currency_v,
      e.type = 'created' or (e.type = 'currency' and e.to_text is not null) as currency_s,
      case when e.type = 'created'
        then case when jsonb_typeof(e.data -> 'ownerId') = 'string' then e.data ->> 'ownerId' end
        else e.to_text end as owner_v,
      e.type = 'created' or (e.type = 'owner' and e.to_text is not null) as owner_s,
      case when e.type = 'created'
        then case when jsonb_typeof(e.data -> 'expectedCloseDate') = 'string'
          then e.data ->> 'expectedCloseDate' end
        else e.to_text end as close_v,
      e.type in ('created', 'close_date') as close_s,
      e.type = 'status' and e.to_text in ('won', 'lost') as closing
    from deal_events e
    where e.deal_id = any(ids)
  ), runs as (
    select ev.*,
      count(*) filter (where c) over w as c_g,
      count(*) filter (where pipeline_s) over w as pipeline_g,
      count(*) filter (where stage_s) over w as stage_g,
      count(*) filter (where status_s) over w as status_g,
      count(*) filter (where value_s) over w as value_g,
      count(*) filter (where currency_s) over w as currency_g,
      count(*) filter (where owner_s) over w as owner_g,
      count(*) filter (where close_s) over w as close_g,
      lead(at) over w is distinct from at as last_of_instant,
      bool_or(closing) over (partition by deal_id order by at range current row) as closes
    from ev
    window w as (partition by deal_id order by at, id rows between unbounded preceding and current row)
  ), states as (
    select deal_id, workspace_id, at, c_g, last_of_instant, closes,
      -- The deal's first 'created' event, as the reports' histories take it.
      min(at) filter (where c) over (partition by deal_id) as created_at,
      first_value(pipeline_v) over (partition by deal_id order by not c, at, id)
        as created_pipeline_id,
      first_value(pipeline_v) over (partition by deal_id, pipeline_g order by at, id) as pipeline_id,
      first_value(stage_v) over (partition by deal_id, stage_g order by at, id) as stage_id,
      first_value(status_v) over (partition by deal_id, status_g order by at, id) as status,
      first_value(value_v) over (partition by deal_id, value_g order by at, id) as value_minor,
      first_value(currency_v) over (partition by deal_id, currency_g order by at, id) as currency,
      first_value(owner_v) over (partition by deal_id, owner_g order by at, id) as owner_id,
      first_value(close_v) over (partition by deal_id, close_g order by at, id) as close_date
    from runs
  ), intervals as (
    -- Every field has been set once c_g > 0: the 'created' event sets them all.
    select deal_id, workspace_id, at,
      coalesce(lead(at) over w, 'infinity') as valid_to,
      created_at, created_pipeline_id, pipeline_id, stage_id, status, closes, value_minor,
      currency,
      case when owner_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then owner_id::uuid end as owner_id,
      close_date,
      lag(pipeline_id) over w as prev_pipeline_id, lag(status) over w as prev_status,
      lag(currency) over w as prev_currency, lag(value_minor) over w as prev_value_minor,
      first_value(pipeline_id) over w as first_pipeline_id,
      closes and status <> 'open' as closing
    from states
    where c_g > 0 and last_of_instant
    window w as (partition by deal_id order by at)
  ), new_state as (
    -- The waterfall's New state (waterfall() in src/domain/analytics/waterfall.ts): begun by
    -- the deal's first interval when open in a pipeline, ended by leaving that open pipeline or
    -- changing currency. While it lasts, the previous interval is open in that pipeline.
    select intervals.*,
      prev_status is null and status = 'open' and pipeline_id is not null as starts,
      coalesce(prev_status = 'open' and prev_pipeline_id = first_pipeline_id, false)
        and (not (status = 'open' and pipeline_id = first_pipeline_id)
          or currency <> prev_currency) as ends
    from intervals
  )
  select deal_id, workspace_id, at, valid_to, created_at, created_pipeline_id, pipeline_id,
    stage_id, status, closes, value_minor, currency, owner_id, close_date,
    prev_pipeline_id, prev_status, prev_currency, prev_value_minor,
    coalesce(bool_or(starts) over before, false)
      and coalesce(count(*) filter (where ends) over before, 0) = 0,
    case when closing then coalesce(min(at) filter (where closing) over after, 'infinity') end
  from new_state
  window before as (partition by deal_id order by at rows between unbounded preceding and 1 preceding),
    after as (partition by deal_id order by at rows between 1 following and unbounded following);

  insert into deal_stage_visits (deal_id, workspace_id, pipeline_id, stage_id, entered_at, left_at,
    next_pipeline_id, next_stage_id, stage_again_at)
  select deal_id, workspace_id, pipeline_id, stage_id, entered_at, left_at,
    lead(pipeline_id) over (partition by deal_id order by entered_at),
    lead(stage_id) over (partition by deal_id order by entered_at),
    coalesce(lead(entered_at) over (partition by deal_id, stage_id order by entered_at),
      'infinity')
  from (
    select deal_id, min(workspace_id::text)::uuid as workspace_id,
      min(pipeline_id::text)::uuid as pipeline_id, min(stage_id::text)::uuid as stage_id,
      min(valid_from) as entered_at, max(valid_to) as left_at
    from (
      select s.*, count(*) filter (where moved) over (partition by deal_id order by valid_from
        rows between unbounded preceding and current row) as visit
      from (
        select i.*, (pipeline_id, stage_id) is distinct from
          lag((pipeline_id, stage_id)) over (partition by deal_id order by valid_from) as moved
        from deal_state_intervals i
        where i.deal_id = any(ids)
      ) s
    ) v
    group by deal_id, visit
  ) stays;
end
$$`;
