import { sql, type Kysely } from 'kysely';
import { REBUILD_FUNCTION as REBUILD_0023 } from './0023-interval-neighbours.js';
import { runStatements } from './run-statements.js';

// Each stay in a stage knows which stages of its pipeline the deal entered before it, as a bit
// mask, and when the deal's next stay in the pipeline begins. A deal's first entry into a set of
// stages (the close rate's qualification) is then a row filter on the stays, and what it reached
// by an instant (the cohort) one row, instead of a minimum or a union per deal over every stay:
// at a million deals those groupings were most of the key numbers' and the cohort's time. A stage's bit is given once, when it is
// created, and never reused, so a mask stays right when stages are reordered or deleted; a
// pipeline's 54th stage and later get none and the reports use the grouping for them
// (docs/decisions/0017-stage-masks.md). Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- Bits handed out in this pipeline so far, deleted stages' included.
    alter table pipelines add column stage_bits_used integer not null default 0;
    -- The stage's bit in deal_stage_visits.reached_before; null once 53 are used (a mask stays a safe integer).
    alter table stages add column bit smallint check (bit between 0 and 52);
    update stages s set bit = b.bit
      from (select id, row_number() over (partition by pipeline_id order by position, id) - 1 as bit
        from stages) b
      where b.id = s.id and b.bit <= 52;
    update pipelines p set stage_bits_used = (select count(*) from stages s where s.pipeline_id = p.id);
    create unique index stages_bit_idx on stages (pipeline_id, bit);
    -- The stages of the same pipeline the deal entered before this stay, one bit each, and
    -- when its next stay in this pipeline begins ('infinity' if never): the stay holding the
    -- deal's whole reach at an instant is then one row.
    alter table deal_stage_visits add column reached_before bigint not null default 0;
    alter table deal_stage_visits add column pipeline_again_at timestamptz(3) not null
      default 'infinity'
    `,
  );
  await sql.raw(STAGE_BIT_FUNCTION).execute(db);
  await sql.raw(rebuildFunction()).execute(db);
  // As in migration 0023: the facts are rebuilt from empty tables, and the index comes first.
  await runStatements(
    db,
    `
    create trigger stages_assign_bit before insert on stages
      for each row execute function stages_assign_bit();
    truncate deal_state_intervals, deal_stage_visits;
    create index deal_stage_visits_entries_idx
      on deal_stage_visits (pipeline_id, stage_id, entered_at)
      include (deal_id, workspace_id, reached_before);
    select deal_facts_rebuild(coalesce(array_agg(id), '{}')) from deals
    `,
  );
}

// Every writer of stages (the app, imports, workspace setup, restore of an older backup) gets a
// bit without knowing of it; a copied stage keeps the bit it came with.
const STAGE_BIT_FUNCTION = `
create or replace function stages_assign_bit() returns trigger language plpgsql as $$
declare
  used integer;
begin
  if new.bit is null then
    -- The pipeline's row lock serialises stages created at once in the same pipeline.
    update pipelines set stage_bits_used = greatest(stage_bits_used,
        coalesce((select max(s.bit) + 1 from stages s where s.pipeline_id = new.pipeline_id), 0)) + 1
      where id = new.pipeline_id
      returning stage_bits_used - 1 into used;
    if used <= 52 then new.bit := used; end if;
  end if;
  return new;
end
$$`;

// Migration 0023's deal_facts_rebuild with two columns more in the stays' insert: a
// forward-only migration installs a fixed text, and this one is that text with them added.
// A stay's bit is a lookup, not a join to stages: the insert names its columns unqualified.
const STAYS_COLUMNS: [string, string] = [
  `next_pipeline_id, next_stage_id, stage_again_at)`,
  `next_pipeline_id, next_stage_id, stage_again_at, reached_before, pipeline_again_at)`,
];
const STAYS_VALUES: [string, string] = [
  `
      'infinity')
  from (`,
  `
      'infinity'),
    coalesce(bit_or(1::int8 << (select st.bit from stages st
        where st.id = stays.stage_id and st.pipeline_id = stays.pipeline_id))
      over (partition by deal_id, pipeline_id
        order by entered_at rows between unbounded preceding and 1 preceding), 0),
    coalesce(lead(entered_at) over (partition by deal_id, pipeline_id order by entered_at),
      'infinity')
  from (`,
];

function rebuildFunction() {
  let text = REBUILD_0023;
  for (const [from, to] of [STAYS_COLUMNS, STAYS_VALUES]) {
    if (text.split(from).length !== 2)
      throw new Error('deal_facts_rebuild of 0023 not as expected');
    text = text.replace(from, to);
  }
  return text;
}
