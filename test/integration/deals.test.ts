import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let api: Api;
let sales: Awaited<ReturnType<typeof salesPipeline>>;

beforeAll(async () => {
  t = await createTestApp();
  const { admin } = await workspaceFactory(t.db);
  api = apiAs(t.app, admin.headers);
  sales = await salesPipeline(api);
});
afterAll(() => t?.close());

describe('creating deals', () => {
  it('defaults to the first stage of the first pipeline, the workspace currency and the caller', async () => {
    const me = (await api.get('/api/v1/auth/me')).body;
    const res = await api.post('/api/v1/deals', {
      title: 'Phần mềm kế toán cho Vinamilk',
      value: 150_000_000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      pipelineId: sales.id,
      stageId: sales.stage('Prospecting').id,
      currency: 'USD',
      ownerId: me.id,
      status: 'open',
      effectiveProbability: 10,
      version: 1,
      contactIds: [],
    });
  });

  it('names the offending field on bad input and writes nothing', async () => {
    const before = (await api.get('/api/v1/deals?limit=200')).body.data.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'title'],
      [{ title: 'x', value: -5 }, 'value'],
      [{ title: 'x', value: 1.5 }, 'value'],
      [{ title: 'x', currency: 'usd' }, 'currency'],
      [{ title: 'x', currency: 'XYZ' }, 'currency'],
      [{ title: 'x', stageId: '00000000-0000-4000-8000-000000000000' }, 'stageId'],
      [{ title: 'x', expectedCloseDate: '2025-13-01' }, 'expectedCloseDate'],
      [{ title: 'x', companyId: '00000000-0000-4000-8000-000000000000' }, 'companyId'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/api/v1/deals', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await api.get('/api/v1/deals?limit=200')).body.data.length).toBe(before);
  });

  it('rejects malformed JSON with a 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: { ...(await tokenHeaders()), 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

async function tokenHeaders() {
  const token = (await api.post('/api/v1/tokens', { name: 't' })).body.token as string;
  return { authorization: `Bearer ${token}` };
}

describe('moving deals', () => {
  it('moves twice and records both stage events in order, in one transaction each', async () => {
    const deal = await dealFactory(api, { value: 5000_00 });
    const first = await api.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: sales.stage('Qualification').id,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      stageId: sales.stage('Qualification').id,
      version: 2,
      effectiveProbability: 20,
    });
    const second = await api.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: sales.stage('Proposal').id,
    });
    expect(second.body.version).toBe(3);
    const history = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['created', 'stage', 'stage']);
    expect(history[1]).toMatchObject({
      fromStageId: sales.stage('Prospecting').id,
      toStageId: sales.stage('Qualification').id,
      actorName: 'Admin',
    });
    expect(history[2]).toMatchObject({
      fromStageId: sales.stage('Qualification').id,
      toStageId: sales.stage('Proposal').id,
    });
    expect(Date.parse(history[2].occurredAt)).toBeGreaterThanOrEqual(
      Date.parse(history[1].occurredAt),
    );
  });

  it('wins a deal by moving it to Won, and reopens it by moving it back', async () => {
    const deal = await dealFactory(api);
    const won = (
      await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: sales.stage('Won').id })
    ).body;
    expect(won.status).toBe('won');
    expect(won.closedAt).not.toBeNull();
    const reopened = (
      await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: sales.stage('Proposal').id })
    ).body;
    expect(reopened.status).toBe('open');
    expect(reopened.closedAt).toBeNull();
    const history = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(history.map((e: { type: string; toText: string | null }) => [e.type, e.toText])).toEqual(
      [
        ['created', 'open'],
        ['stage', null],
        ['status', 'won'],
        ['stage', null],
        ['status', 'open'],
      ],
    );
  });

  it('places a deal at the requested index and keeps the column order', async () => {
    const stageId = sales.stage('Negotiation & Commitment').id;
    const a = await dealFactory(api, { stageId, title: 'A' });
    const b = await dealFactory(api, { stageId, title: 'B' });
    const c = await dealFactory(api, { stageId, title: 'C' });
    // New deals go on top: C, B, A. Move A between C and B, then C to the bottom.
    await api.post(`/api/v1/deals/${a.id}/move`, { stageId, position: 1 });
    await api.post(`/api/v1/deals/${c.id}/move`, { stageId, position: 2 });
    const column = (await api.get(`/api/v1/pipelines/${sales.id}/stages/${stageId}/deals`)).body
      .data;
    expect(column.map((d: { title: string }) => d.title)).toEqual(['A', 'B', 'C']);
    void b;
    const history = (await api.get(`/api/v1/deals/${a.id}/history`)).body.data;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['created']);
  });

  it('places a deal right after another one with afterId, or on top with null', async () => {
    const stageId = sales.stage('Qualification').id;
    const x = await dealFactory(api, { stageId, title: 'X' });
    const y = await dealFactory(api, { stageId, title: 'Y' });
    const z = await dealFactory(api, { stageId, title: 'Z' });
    // Column: Z, Y, X. Put Z after X, then X on top.
    expect((await api.post(`/api/v1/deals/${z.id}/move`, { stageId, afterId: x.id })).status).toBe(
      200,
    );
    expect((await api.post(`/api/v1/deals/${x.id}/move`, { stageId, afterId: null })).status).toBe(
      200,
    );
    const titles = (
      await api.get(`/api/v1/pipelines/${sales.id}/stages/${stageId}/deals?limit=200`)
    ).body.data
      .map((d: { title: string }) => d.title)
      .filter((t: string) => ['X', 'Y', 'Z'].includes(t));
    expect(titles).toEqual(['X', 'Y', 'Z']);
    const elsewhere = await api.post(`/api/v1/deals/${y.id}/move`, {
      stageId,
      afterId: (await dealFactory(api)).id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.field).toBe('afterId');
  });

  it('puts a deal last when the index is past the end, and refuses absurd indexes', async () => {
    const stageId = sales.stage('Proposal').id;
    const first = await dealFactory(api, { stageId, title: 'first' });
    await dealFactory(api, { stageId, title: 'second' });
    const res = await api.post(`/api/v1/deals/${first.id}/move`, { stageId, position: 9999 });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    const column = (
      await api.get(`/api/v1/pipelines/${sales.id}/stages/${stageId}/deals?limit=200`)
    ).body.data;
    expect(column.at(-1).title).toBe('first');
    const absurd = await api.post(`/api/v1/deals/${first.id}/move`, {
      stageId,
      position: 10_000_000,
    });
    expect(absurd.status).toBe(400);
    expect(absurd.body.error.field).toBe('position');
  });

  it('survives many moves to the same gap (renumbering when positions run out)', async () => {
    const stageId = sales.stage('Demo / Meeting').id;
    const top = await dealFactory(api, { stageId, title: 'top' });
    const bottom = await dealFactory(api, { stageId, title: 'bottom' });
    await api.post(`/api/v1/deals/${top.id}/move`, { stageId, position: 0 });
    const titles: string[] = [];
    for (let i = 0; i < 60; i++) {
      const d = await dealFactory(api, { stageId, title: `mid ${i}` });
      await api.post(`/api/v1/deals/${d.id}/move`, { stageId, position: 1 });
      titles.unshift(`mid ${i}`);
    }
    const column = (
      await api.get(`/api/v1/pipelines/${sales.id}/stages/${stageId}/deals?limit=200`)
    ).body.data;
    expect(column.map((d: { title: string }) => d.title)).toEqual(['top', ...titles, 'bottom']);
    void bottom;
  });

  it('refuses a stale version with 409, and an unknown stage with 404', async () => {
    const deal = await dealFactory(api);
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: sales.stage('Qualification').id });
    const stale = await api.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: sales.stage('Proposal').id,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2 },
    });
    const unknown = await api.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    const history = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(history).toHaveLength(2);
  });
});

describe('updating deals', () => {
  it('records an event per tracked change and bumps the version', async () => {
    const workspaceId: string = (await api.get('/api/v1/auth/me')).body.workspace.id;
    const other = await userFactory(t.db, workspaceId, { role: 'rep' });
    const deal = await dealFactory(api, { value: 1000_00, expectedCloseDate: '2026-12-01' });
    const res = await api.patch(`/api/v1/deals/${deal.id}`, {
      version: 1,
      value: 2500_00,
      expectedCloseDate: '2027-01-15',
      ownerId: other.id,
      title: 'Renamed',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      value: 2500_00,
      expectedCloseDate: '2027-01-15',
      ownerId: other.id,
      title: 'Renamed',
      version: 2,
    });
    const events = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(
      events
        .slice(1)
        .map((e: { type: string }) => e.type)
        .sort(),
    ).toEqual(['close_date', 'owner', 'value']);
    const value = events.find((e: { type: string }) => e.type === 'value');
    expect(value).toMatchObject({ fromValue: 1000_00, toValue: 2500_00 });
    const close = events.find((e: { type: string }) => e.type === 'close_date');
    expect(close).toMatchObject({ fromText: '2026-12-01', toText: '2027-01-15' });
  });

  it('refuses a stale write with 409 and leaves the deal as it was', async () => {
    const deal = await dealFactory(api, { value: 10 });
    expect((await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, value: 20 })).status).toBe(
      200,
    );
    const stale = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, value: 30 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('version');
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.value).toBe(20);
  });

  it('marks a deal lost by status, moving it to the Lost stage with the reason', async () => {
    const deal = await dealFactory(api);
    const res = await api.patch(`/api/v1/deals/${deal.id}`, {
      version: 1,
      status: 'lost',
      lostReason: 'Chose competitor',
    });
    expect(res.body).toMatchObject({
      status: 'lost',
      lostReason: 'Chose competitor',
      stageId: sales.stage('Lost').id,
    });
    const types = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data.map(
      (e: { type: string }) => e.type,
    );
    expect(types).toEqual(['created', 'stage', 'status']);
    const reopen = await api.patch(`/api/v1/deals/${deal.id}`, { version: 2, status: 'open' });
    expect(reopen.status).toBe(422);
  });

  it('deletes a deal', async () => {
    const deal = await dealFactory(api);
    expect((await api.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).status).toBe(404);
    expect((await api.delete(`/api/v1/deals/${deal.id}`)).status).toBe(404);
  });
});

describe('listing deals', () => {
  it('pages with a keyset cursor that stays stable while deals are inserted', async () => {
    const { admin } = await workspaceFactory(t.db);
    const own = apiAs(t.app, admin.headers);
    for (let i = 0; i < 7; i++) await dealFactory(own, { title: `L${i}`, value: i * 100 });
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = false;
    do {
      const url: string = `/api/v1/deals?limit=3&sort=value&order=asc${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await own.get(url)).body;
      seen.push(...page.data.map((d: { title: string }) => d.title));
      cursor = page.nextCursor;
      if (!inserted) {
        // A deal sorting before the cursor must not shift the pages; one after it shows up once.
        await dealFactory(own, { title: 'early', value: 0 });
        await dealFactory(own, { title: 'late', value: 999_999 });
        inserted = true;
      }
    } while (cursor);
    expect(seen).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'late']);
  });

  it('filters by stage, status, value and close date, and rejects a forged cursor', async () => {
    const { admin } = await workspaceFactory(t.db);
    const own = apiAs(t.app, admin.headers);
    const pipeline = await salesPipeline(own);
    await dealFactory(own, { title: 'small', value: 10, expectedCloseDate: '2026-01-10' });
    await dealFactory(own, {
      title: 'big',
      value: 1000,
      expectedCloseDate: '2026-03-10',
      stageId: pipeline.stage('Proposal').id,
    });
    const byStage = (await own.get(`/api/v1/deals?stageId=${pipeline.stage('Proposal').id}`)).body
      .data;
    expect(byStage.map((d: { title: string }) => d.title)).toEqual(['big']);
    expect(
      (await own.get('/api/v1/deals?valueMin=100')).body.data.map(
        (d: { title: string }) => d.title,
      ),
    ).toEqual(['big']);
    expect(
      (await own.get('/api/v1/deals?closeTo=2026-02-01')).body.data.map(
        (d: { title: string }) => d.title,
      ),
    ).toEqual(['small']);
    const forged = await own.get('/api/v1/deals?cursor=bm9wZQ');
    expect(forged.status).toBe(400);
    expect(forged.body.error.field).toBe('cursor');
    const badSort = await own.get('/api/v1/deals?sort=secret');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.field).toBe('sort');
  });
});

describe('back-dated and closed-at-creation deals', () => {
  it('lets an admin back-date a deal created straight into Won, with created and status events at that time', async () => {
    const res = await api.post('/api/v1/deals', {
      title: 'Imported win',
      value: 990_00,
      stageId: sales.stage('Won').id,
      createdAt: '2025-03-04T05:06:07.000Z',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'won',
      closedAt: '2025-03-04T05:06:07.000Z',
      createdAt: '2025-03-04T05:06:07.000Z',
    });
    const events = (await api.get(`/api/v1/deals/${res.body.id}/history`)).body.data;
    expect(
      events.map((e: { type: string; occurredAt: string; toText: string }) => [
        e.type,
        e.occurredAt,
        e.toText,
      ]),
    ).toEqual([
      ['created', '2025-03-04T05:06:07.000Z', 'won'],
      ['status', '2025-03-04T05:06:07.000Z', 'won'],
    ]);
  });

  it('refuses back-dating by a rep and dates in the future', async () => {
    const workspaceId: string = (await api.get('/api/v1/auth/me')).body.workspace.id;
    const rep = apiAs(t.app, (await userFactory(t.db, workspaceId)).headers);
    expect(
      (await rep.post('/api/v1/deals', { title: 'x', createdAt: '2025-01-01T00:00:00Z' })).status,
    ).toBe(403);
    const future = await api.post('/api/v1/deals', {
      title: 'x',
      createdAt: '2999-01-01T00:00:00Z',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.field).toBe('createdAt');
  });
});
