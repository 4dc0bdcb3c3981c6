import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Deal facts: each deal's history replayed once, when its events are written, into intervals of
// state and stays in stages, so reports read index ranges instead of replaying every event per
// request. The replay is one SQL definition (deal_facts_rebuild), run by a statement trigger on
// deal_events, so every writer (the app, imports, the demo seed, restore and db copy) keeps the
// facts exact in its own transaction. docs/decisions/0008-deal-facts.md gives the reasons.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- The references to deals are checked at commit: a restore may load a deal's events before
    -- the deal itself (the deals <-> leads circle), and the trigger builds facts as they load.
    -- The deal as it stood over [valid_from, valid_to): the state after every event of the instant
    -- valid_from, as replay() in src/domain/analytics/history.ts gives it. valid_to is 'infinity'
    -- for the state the deal is in now. Nothing before the deal's 'created' event. created_at and
    -- created_pipeline_id are the deal's first 'created' event; closes is true when an event of
    -- the instant set the status to won or lost (a closing, docs/metrics.md).
    create table deal_state_intervals (
      deal_id uuid not null references deals(id) on delete cascade deferrable initially deferred,
      workspace_id uuid not null,
      valid_from timestamptz(3) not null,
      valid_to timestamptz(3) not null,
      created_at timestamptz(3) not null,
      created_pipeline_id uuid,
      pipeline_id uuid,
      stage_id uuid,
      status text not null,
      closes boolean not null,
      value_minor bigint not null,
      currency text not null,
      owner_id uuid,
      expected_close_date text,
      primary key (deal_id, valid_from)
    );
    create index deal_state_intervals_pipeline_idx
      on deal_state_intervals (pipeline_id, valid_to, valid_from);
    create index deal_state_intervals_workspace_idx
      on deal_state_intervals (workspace_id, valid_from);
    create index deal_state_intervals_closes_idx
      on deal_state_intervals (workspace_id, valid_from) where closes;
    create index deal_state_intervals_created_idx
      on deal_state_intervals (created_pipeline_id, created_at) where valid_from = created_at;

    -- Every stay of a deal in a stage, as stageVisits() gives it: consecutive intervals in the
    -- same pipeline and stage are one stay. left_at is 'infinity' while the deal is still there.
    create table deal_stage_visits (
      deal_id uuid not null references deals(id) on delete cascade deferrable initially deferred,
      workspace_id uuid not null,
      pipeline_id uuid,
      stage_id uuid,
      entered_at timestamptz(3) not null,
      left_at timestamptz(3) not null,
      primary key (deal_id, entered_at)
    );
    create index deal_stage_visits_stage_idx
      on deal_stage_visits (pipeline_id, stage_id, entered_at)
    `,
  );
  await sql.raw(REBUILD_FUNCTION).execute(db);
  await sql.raw(TRIGGER_FUNCTION).execute(db);
  await runStatements(
    db,
    `
    create trigger deal_events_facts_insert after insert on deal_events
      referencing new table as changed for each statement execute function deal_events_facts();
    create trigger deal_events_facts_delete after delete on deal_events
      referencing old table as changed for each statement execute function deal_events_facts();
    create trigger deal_events_facts_update after update on deal_events
      referencing new table as changed for each statement execute function deal_events_facts();
    select deal_facts_rebuild(coalesce(array_agg(id), '{}')) from deals
    `,
  );
}

/**
 * The one replay in SQL. For each field, a running count of the events that set it numbers the
 * runs of rows sharing the value of their run's first row (the setter); the state of an instant
 * is that of its last event. Events before the deal's 'created' event are ignored, as replay()
 * ignores them.
 */
const REBUILD_FUNCTION = `
create function deal_facts_rebuild(ids uuid[]) returns void language plpgsql as $$
begin
  -- Serialises rebuilds of the same deal across transactions; each later statement then reads
  -- the events and facts committed before the lock was granted.
  perform 1 from deals where id = any(ids) order by id for no key update;
  delete from deal_state_intervals where deal_id = any(ids);
  delete from deal_stage_visits where deal_id = any(ids);

  insert into deal_state_intervals (deal_id, workspace_id, valid_from, valid_to, created_at,
    created_pipeline_id, pipeline_id, stage_id, status, closes, value_minor, currency, owner_id,
    expected_close_date)
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
  )
  -- Every field has been set once c_g > 0: the 'created' event sets them all.
  select deal_id, workspace_id, at,
    coalesce(lead(at) over (partition by deal_id order by at), 'infinity'),
    created_at, created_pipeline_id, pipeline_id, stage_id, status, closes, value_minor, currency,
    case when owner_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then owner_id::uuid end,
    close_date
  from states
  where c_g > 0 and last_of_instant;

  insert into deal_stage_visits (deal_id, workspace_id, pipeline_id, stage_id, entered_at, left_at)
  select deal_id, min(workspace_id::text)::uuid, min(pipeline_id::text)::uuid,
    min(stage_id::text)::uuid, min(valid_from), max(valid_to)
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
  group by deal_id, visit;
end
$$`;

// One trigger function for inserts, deletes and updates: the deals the statement touched.
const TRIGGER_FUNCTION = `
create function deal_events_facts() returns trigger language plpgsql as $$
begin
  perform deal_facts_rebuild(array(select distinct deal_id from changed));
  return null;
end
$$`;
