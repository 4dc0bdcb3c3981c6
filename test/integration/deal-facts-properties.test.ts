import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { expectedFacts, storedFacts } from '../helpers/deal-facts-oracle.js';
import { userFactory, workspaceFactory } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-db.js';

// For random event histories, written in random order and in several statements (back-dated
// imports, several events at one instant, events before 'created', reopening, moves between
// pipelines, deleted events), the facts the trigger keeps equal what replaying the events gives.
let database: Database;
let db: Kysely<DB>;
let ws: { workspaceId: string; ownerIds: string[]; stages: { id: string; pipelineId: string }[] };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const { workspaceId, admin } = await workspaceFactory(db);
  const rep = await userFactory(db, workspaceId);
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'pipeline_id as pipelineId'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  ws = { workspaceId, ownerIds: [admin.id, rep.id], stages };
});
afterAll(() => database?.close());

// Few instants, so events share them and land before, at and after the 'created' one.
const instant = fc.integer({ min: 0, max: 7 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)));
const pick = <T>(list: () => readonly T[]) => fc.nat().map((i) => list()[i % list().length] as T);
const stageArb = pick(() => ws.stages);
const ownerArb = pick(() => ws.ownerIds);
const currencyArb = fc.constantFrom('USD', 'VND', 'EUR');
const statusArb = fc.constantFrom('open', 'won', 'lost');
const closeArb = fc.option(fc.constantFrom('2026-02-01', '2026-03-15'), { nil: null });

type EventRow = {
  type: 'created' | 'stage' | 'value' | 'currency' | 'close_date' | 'owner' | 'status';
  occurred_at: Date;
  to_pipeline_id?: string | null;
  to_stage_id?: string | null;
  to_value?: number | null;
  to_text?: string | null;
  data?: string | null;
};

const created = fc
  .record({
    at: instant,
    stage: stageArb,
    value: fc.nat({ max: 5000 }),
    currency: currencyArb,
    owner: ownerArb,
    close: closeArb,
    status: fc.option(statusArb, { nil: null }),
  })
  .map((c): EventRow => ({
    type: 'created',
    occurred_at: c.at,
    to_pipeline_id: c.stage.pipelineId,
    to_stage_id: c.stage.id,
    to_value: c.value,
    to_text: c.status,
    data: JSON.stringify({ currency: c.currency, ownerId: c.owner, expectedCloseDate: c.close }),
  }));

const change: fc.Arbitrary<EventRow> = fc.oneof(
  fc.record({ at: instant, stage: stageArb }).map((e) => ({
    type: 'stage' as const,
    occurred_at: e.at,
    to_pipeline_id: e.stage.pipelineId,
    to_stage_id: e.stage.id,
  })),
  fc.record({ at: instant, v: fc.option(fc.nat({ max: 9000 }), { nil: null }) }).map((e) => ({
    type: 'value' as const,
    occurred_at: e.at,
    to_value: e.v,
  })),
  fc.record({ at: instant, c: currencyArb }).map((e) => ({
    type: 'currency' as const,
    occurred_at: e.at,
    to_text: e.c,
  })),
  fc.record({ at: instant, c: closeArb }).map((e) => ({
    type: 'close_date' as const,
    occurred_at: e.at,
    to_text: e.c,
  })),
  fc.record({ at: instant, o: ownerArb }).map((e) => ({
    type: 'owner' as const,
    occurred_at: e.at,
    to_text: e.o,
  })),
  fc.record({ at: instant, s: statusArb }).map((e) => ({
    type: 'status' as const,
    occurred_at: e.at,
    to_text: e.s,
  })),
  // A second 'created' (a re-import) starts the deal over, as replay does.
  created,
);

const dealArb = fc.record({
  events: fc
    .tuple(created, fc.array(change, { maxLength: 8 }))
    .chain(([first, rest]) =>
      fc.shuffledSubarray([first, ...rest], { minLength: rest.length + 1 }),
    ),
  cuts: fc.array(fc.nat(), { maxLength: 2 }),
  deleteOne: fc.option(fc.nat(), { nil: null }),
});

async function newDeal() {
  const stage = ws.stages[0]!;
  const row = await db
    .insertInto('deals')
    .values({
      workspace_id: ws.workspaceId,
      title: 'Property',
      pipeline_id: stage.pipelineId,
      stage_id: stage.id,
      position: 0,
      value_minor: 0,
      currency: 'USD',
      owner_id: ws.ownerIds[0]!,
      stage_entered_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('deal facts', () => {
  it('equal the replayed history for random histories written in any order', async () => {
    await fc.assert(
      fc.asyncProperty(dealArb, async ({ events, cuts, deleteOne }) => {
        const dealId = await newDeal();
        // Several statements, as an import writes its batches.
        const bounds = [...new Set([0, ...cuts.map((c) => c % events.length), events.length])];
        bounds.sort((a, b) => a - b);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const slice = events.slice(bounds[i], bounds[i + 1]);
          if (!slice.length) continue;
          await db
            .insertInto('deal_events')
            .values(slice.map((e) => ({ ...e, workspace_id: ws.workspaceId, deal_id: dealId })))
            .execute();
          expect(await storedFacts(db, dealId)).toEqual(await expectedFacts(db, dealId));
        }
        if (deleteOne !== null) {
          await sql`delete from deal_events where id = (select id from deal_events
            where deal_id = ${dealId} order by id offset ${deleteOne % events.length} limit 1)`.execute(
            db,
          );
          expect(await storedFacts(db, dealId)).toEqual(await expectedFacts(db, dealId));
        }
        await db.deleteFrom('deals').where('id', '=', dealId).execute();
        expect(await storedFacts(db, dealId)).toEqual({ intervals: [], visits: [] });
      }),
      { numRuns: 60 },
    );
  });
});
