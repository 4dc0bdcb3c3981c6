import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { apiAs, type Api } from '../helpers/api.js';
import { expectedFacts, storedFacts } from '../helpers/deal-facts-oracle.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

// The facts of migration 0015 follow every writer of deal events: the API (moves backwards and
// skipping stages, lost then reopened, edits, a move to another pipeline, a back-dated
// creation), the demo seed's bulk inserts, and a deal's deletion.
let t: TestApp;
let api: Api;
beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  api = apiAs(t.app, ws.admin.headers);
});
afterAll(() => t?.close());

const ok = async (res: Promise<{ status: number; body: { version?: number } }>) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

describe('deal facts written with the events', () => {
  it('follow a deal through the API, and go with it when it is deleted', async () => {
    const sales = await salesPipeline(api);
    const pipelines = (await api.get('/api/v1/pipelines')).body.data as {
      id: string;
      stages: { id: string; kind: string }[];
    }[];
    const other = pipelines.find((p) => p.id !== sales.id)!;
    const deal = await dealFactory(api, {
      stageId: sales.stages[0]!.id,
      createdAt: '2026-01-05T03:00:00.000Z',
      value: 1000,
    });
    const move = (stageId: string) => ok(api.post(`/api/v1/deals/${deal.id}/move`, { stageId }));
    // Skips a stage, goes back, is lost, reopened, edited, moved to another pipeline.
    await move(sales.stages[2]!.id);
    await move(sales.stages[1]!.id);
    await move(sales.stage('Lost').id);
    const reopened = await move(sales.stages[0]!.id);
    await ok(
      api.patch(`/api/v1/deals/${deal.id}`, {
        version: reopened.version,
        value: 2500,
        expectedCloseDate: '2026-06-30',
      }),
    );
    await move(other.stages[0]!.id);

    const stored = await storedFacts(t.db, deal.id);
    expect(stored).toEqual(await expectedFacts(t.db, deal.id));
    // By hand: the back-dated creation opens the first interval; a move into Lost is one change
    // (stage and status at one instant), and so is the reopening.
    expect(stored.intervals[0]).toMatchObject({
      from: '2026-01-05T03:00:00.000Z',
      createdAt: '2026-01-05T03:00:00.000Z',
      createdPipelineId: sales.id,
      stageId: sales.stages[0]!.id,
      status: 'open',
      value: 1000,
      currency: 'USD',
    });
    expect(stored.intervals.map((i) => i.status)).toEqual([
      'open',
      'open',
      'open',
      'lost',
      'open',
      'open',
      'open',
    ]);
    expect(stored.intervals.at(-1)).toMatchObject({
      to: 'infinity',
      pipelineId: other.id,
      value: 2500,
      expectedCloseDate: '2026-06-30',
    });
    expect(stored.visits.map((v) => v.stageId)).toEqual([
      sales.stages[0]!.id,
      sales.stages[2]!.id,
      sales.stages[1]!.id,
      sales.stage('Lost').id,
      sales.stages[0]!.id,
      other.stages[0]!.id,
    ]);

    expect((await api.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect(await storedFacts(t.db, deal.id)).toEqual({ intervals: [], visits: [] });
  });

  it('follow the demo seed, and rebuilding them all (the migration backfill) changes nothing', async () => {
    await seedDemo(t.db, { deals: 150, seed: 3, now: new Date('2026-03-01T04:00:00Z') });
    const deals = await t.db.selectFrom('deals').select('id').execute();
    const before = await Promise.all(deals.map((d) => storedFacts(t.db, d.id)));
    for (const [i, d] of deals.entries())
      expect(before[i], d.id).toEqual(await expectedFacts(t.db, d.id));
    expect(before.some((f) => f.visits.length > 2)).toBe(true);

    await sql`delete from deal_state_intervals`.execute(t.db);
    await sql`delete from deal_stage_visits`.execute(t.db);
    await sql`select deal_facts_rebuild(coalesce(array_agg(id), '{}')) from deals`.execute(t.db);
    expect(await Promise.all(deals.map((d) => storedFacts(t.db, d.id)))).toEqual(before);
  });
});
