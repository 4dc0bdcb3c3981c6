import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { expectedFacts, storedFacts } from '../helpers/deal-facts-oracle.js';
import { dealEventArbs, newDeal, type FactsWorkspace } from '../helpers/deal-events-arb.js';
import { userFactory, workspaceFactory } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-db.js';

// For random event histories, written in random order and in several statements (back-dated
// imports, several events at one instant, events before 'created', reopening, moves between
// pipelines, deleted events), the facts the trigger keeps equal what replaying the events gives.
let database: Database;
let db: Kysely<DB>;
let ws: FactsWorkspace;

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

const { dealArb } = dealEventArbs(() => ws);

describe('deal facts', () => {
  it('equal the replayed history for random histories written in any order', async () => {
    await fc.assert(
      fc.asyncProperty(dealArb, async ({ events, cuts, deleteOne }) => {
        const dealId = await newDeal(db, ws);
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
