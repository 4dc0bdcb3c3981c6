import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
let admin: Api;
let workspaceId: string;
let sales: Awaited<ReturnType<typeof salesPipeline>>;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  workspaceId = ws.workspaceId;
  admin = apiAs(t.app, ws.admin.headers);
  sales = await salesPipeline(admin);
});
afterAll(() => t?.close());

type Deal = { id: string; title: string; stageId: string; version: number; ownerId: string };
type Event = { type: string; fromText: string | null; toText: string | null; toStageId: string };

const history = async (api: Api, id: string): Promise<Event[]> =>
  (await api.get(`/api/v1/deals/${id}/history`)).body.data;

const setVisibility = async (dealVisibility: string) => {
  const ws = (await admin.get('/api/v1/workspace')).body;
  expect(
    (await admin.patch('/api/v1/workspace', { version: ws.version, dealVisibility })).status,
  ).toBe(200);
};

describe('bulk edit', () => {
  it('moves deals to the top of a stage in the given order, with the move rules and events', async () => {
    const proposal = sales.stage('Proposal').id;
    const sitting = await dealFactory(admin, { stageId: proposal, title: 'already there' });
    const a = await dealFactory(admin, { title: 'A' });
    const b = await dealFactory(admin, { title: 'B', stageId: sales.stage('Qualification').id });
    const res = await admin.post('/api/v1/deals/bulk', {
      ids: [b.id, a.id],
      set: { stageId: proposal },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: Deal) => [d.title, d.stageId, d.version])).toEqual([
      ['B', proposal, 2],
      ['A', proposal, 2],
    ]);
    const column = (await admin.get(`/api/v1/pipelines/${sales.id}/stages/${proposal}/deals`)).body
      .data;
    expect(column.map((d: Deal) => d.title)).toEqual(['B', 'A', 'already there']);
    expect((await history(admin, a.id)).map((e) => [e.type, e.toStageId ?? e.toText])).toEqual([
      ['created', sales.stage('Prospecting').id],
      ['stage', proposal],
    ]);
    void sitting;
  });

  it('wins deals by moving them to Won: status, closedAt and a status event', async () => {
    const a = await dealFactory(admin);
    const b = await dealFactory(admin);
    const res = await admin.post('/api/v1/deals/bulk', {
      ids: [a.id, b.id],
      set: { stageId: sales.stage('Won').id },
    });
    for (const d of res.body.data) {
      expect(d).toMatchObject({ status: 'won', closedAt: expect.any(String) });
    }
    expect((await history(admin, a.id)).map((e) => [e.type, e.toText])).toEqual([
      ['created', 'open'],
      ['stage', null],
      ['status', 'won'],
    ]);
  });

  it('reassigns the owner with an owner event per deal that really changed', async () => {
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const mine = await dealFactory(admin);
    const theirs = await dealFactory(admin, { ownerId: rep.id });
    const res = await admin.post('/api/v1/deals/bulk', {
      ids: [mine.id, theirs.id],
      set: { ownerId: rep.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: Deal) => [d.ownerId, d.version, d.stageId])).toEqual([
      [rep.id, 2, mine.stageId],
      [rep.id, 2, theirs.stageId],
    ]);
    const events = (await history(admin, mine.id)).filter((e) => e.type === 'owner');
    expect(events).toEqual([expect.objectContaining({ fromText: mine.ownerId, toText: rep.id })]);
    expect((await history(admin, theirs.id)).map((e) => e.type)).toEqual(['created']);
  });

  it('names the offending field on bad input', async () => {
    const deal = await dealFactory(admin);
    const missingUser = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ids: [], set: { ownerId: deal.ownerId } }, 'ids'],
      [{ ids: ['nope'], set: { ownerId: deal.ownerId } }, 'ids.0'],
      [{ ids: Array.from({ length: 501 }, () => deal.id), set: { ownerId: deal.ownerId } }, 'ids'],
      [{ ids: [deal.id], set: {} }, 'set'],
      [{ ids: [deal.id], set: { title: 'x' } }, 'set'],
      [{ ids: [deal.id], set: { stageId: missingUser } }, 'set.stageId'],
      [{ ids: [deal.id], set: { ownerId: missingUser } }, 'set.ownerId'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/deals/bulk', body);
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body).slice(0, 200)).toBe(field);
    }
    expect((await admin.get(`/api/v1/deals/${deal.id}`)).body.version).toBe(1);
  });

  it('changes nothing when the third deal is not found', async () => {
    const first = await dealFactory(admin);
    const second = await dealFactory(admin);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const res = await admin.post('/api/v1/deals/bulk', {
      ids: [first.id, second.id, ghost],
      set: { stageId: sales.stage('Lost').id },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'not_found',
      field: 'ids',
      details: { missingIds: [ghost] },
    });
    expect(res.body.error.message).toContain('nothing was changed');
    for (const d of [first, second]) {
      const now = (await admin.get(`/api/v1/deals/${d.id}`)).body;
      expect(now).toMatchObject({ stageId: d.stageId, status: 'open', version: 1 });
      expect((await history(admin, d.id)).map((e) => e.type)).toEqual(['created']);
    }
  });

  it('under "own", treats a colleague’s deal as not found and refuses an owner the rep cannot see', async () => {
    const repA: TestUser = await userFactory(t.db, workspaceId, { role: 'rep' });
    const repB: TestUser = await userFactory(t.db, workspaceId, { role: 'rep' });
    const a1 = await dealFactory(admin, { ownerId: repA.id });
    const a2 = await dealFactory(admin, { ownerId: repA.id });
    const b1 = await dealFactory(admin, { ownerId: repB.id });
    await setVisibility('own');
    try {
      const rep = apiAs(t.app, repA.headers);
      const res = await rep.post('/api/v1/deals/bulk', {
        ids: [a1.id, a2.id, b1.id],
        set: { stageId: sales.stage('Proposal').id },
      });
      expect(res.status).toBe(404);
      expect(res.body.error.details.missingIds).toEqual([b1.id]);
      expect((await rep.get(`/api/v1/deals/${a1.id}`)).body.version).toBe(1);
      const handOver = await rep.post('/api/v1/deals/bulk', {
        ids: [a1.id],
        set: { ownerId: repB.id },
      });
      expect(handOver.status).toBe(403);
      const ok = await rep.post('/api/v1/deals/bulk', {
        ids: [a1.id, a2.id],
        set: { stageId: sales.stage('Proposal').id },
      });
      expect(ok.status).toBe(200);
    } finally {
      await setVisibility('team');
    }
  });

  it('treats another workspace’s deal as not found', async () => {
    const deal = await dealFactory(admin);
    const stranger = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    const strangerSales = await salesPipeline(stranger);
    const res = await stranger.post('/api/v1/deals/bulk', {
      ids: [deal.id],
      set: { stageId: strangerSales.stage('Proposal').id },
    });
    expect(res.status).toBe(404);
    // And a stage of another workspace is not a stage at all.
    const foreignStage = await admin.post('/api/v1/deals/bulk', {
      ids: [deal.id],
      set: { stageId: strangerSales.stage('Proposal').id },
    });
    expect(foreignStage.status).toBe(400);
    expect(foreignStage.body.error.field).toBe('set.stageId');
  });
});
