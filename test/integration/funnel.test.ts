import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let api: Api;
let workspaceId: string;
type Stage = { id: string; name: string };
let pipeline: { id: string; stages: Stage[] };
const stage = (name: string) => pipeline.stages.find((s) => s.name === name) as Stage;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  workspaceId = ws.workspaceId;
  api = apiAs(t.app, ws.admin.headers);
  const created = await api.post('/api/v1/pipelines', {
    name: 'Funnel',
    stages: [
      { name: 'Lead', probability: 10 },
      { name: 'Qualified', probability: 30 },
      { name: 'Proposal', probability: 60 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  expect(created.status).toBe(201);
  pipeline = created.body;
});
afterAll(() => t?.close());

const move = async (dealId: string, name: string) => {
  const res = await api.post(`/api/v1/deals/${dealId}/move`, { stageId: stage(name).id });
  expect(res.status).toBe(200);
};

type FunnelStage = {
  name: string;
  openCount: number;
  openTotals: unknown[];
  reachedCount: number;
  conversionToNext: number | null;
};
const funnelOf = async (caller: Api, query = '') => {
  const res = await caller.get(`/api/v1/pipelines/${pipeline.id}/funnel${query}`);
  expect(res.status).toBe(200);
  return res.body.stages as FunnelStage[];
};

describe('the funnel', () => {
  it('is all zeros for an empty pipeline, with every stage in order', async () => {
    const stages = await funnelOf(api);
    expect(stages.map((s) => [s.name, s.openCount, s.reachedCount, s.conversionToNext])).toEqual([
      ['Lead', 0, 0, null],
      ['Qualified', 0, 0, null],
      ['Proposal', 0, 0, null],
      ['Won', 0, 0, null],
      ['Lost', 0, 0, null],
    ]);
  });

  it('counts skipped stages as passed, keeps the furthest stage of backward moves, and counts wins', async () => {
    const at = (name: string) => ({ pipelineId: pipeline.id, stageId: stage(name).id });
    await dealFactory(api, { ...at('Lead'), title: 'stays' });
    const d2 = await dealFactory(api, { ...at('Lead'), value: 1000, source: 'Event' });
    await move(d2.id, 'Qualified');
    await dealFactory(api, { ...at('Proposal'), title: 'skipped ahead' });
    const d4 = await dealFactory(api, { ...at('Lead'), value: 3000 });
    await move(d4.id, 'Proposal');
    await move(d4.id, 'Qualified');
    const d5 = await dealFactory(api, at('Lead'));
    await move(d5.id, 'Won');
    const d6 = await dealFactory(api, at('Lead'));
    await move(d6.id, 'Lost');
    await dealFactory(api, { ...at('Qualified'), value: 5_000_000, currency: 'VND' });
    // Deals of other pipelines do not count.
    await dealFactory(api, { title: 'elsewhere' });

    const stages = await funnelOf(api);
    expect(stages.map((s) => [s.name, s.reachedCount, s.conversionToNext])).toEqual([
      ['Lead', 7, 5 / 7],
      ['Qualified', 5, 0.6],
      ['Proposal', 3, null],
      ['Won', 1, null],
      ['Lost', 1, null],
    ]);
    expect(stages.map((s) => [s.name, s.openCount])).toEqual([
      ['Lead', 1],
      ['Qualified', 3],
      ['Proposal', 1],
      ['Won', 0],
      ['Lost', 0],
    ]);
    expect(stages[1]?.openTotals).toEqual([
      { currency: 'USD', value: 4000, weighted: 1200 },
      { currency: 'VND', value: 5_000_000, weighted: 1_500_000 },
    ]);

    const bySource = await funnelOf(api, '?source=Event');
    expect(bySource.map((s) => s.reachedCount)).toEqual([1, 1, 0, 0, 0]);
    const wonOnly = await funnelOf(api, '?status=won');
    expect(wonOnly.map((s) => [s.reachedCount, s.openCount])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
  });

  it('counts only the caller’s visible deals, 404s another workspace and names bad filters', async () => {
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    await dealFactory(api, {
      pipelineId: pipeline.id,
      stageId: stage('Proposal').id,
      ownerId: rep.id,
    });
    const settings = (await api.get('/api/v1/workspace')).body;
    await api.patch('/api/v1/workspace', { version: settings.version, dealVisibility: 'own' });
    const repStages = await funnelOf(apiAs(t.app, rep.headers));
    expect(repStages.map((s) => s.reachedCount)).toEqual([1, 1, 1, 0, 0]);
    expect(repStages.map((s) => s.openCount)).toEqual([0, 0, 1, 0, 0]);

    const stranger = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    expect((await stranger.get(`/api/v1/pipelines/${pipeline.id}/funnel`)).status).toBe(404);
    const sales = await salesPipeline(stranger);
    expect((await api.get(`/api/v1/pipelines/${sales.id}/funnel`)).status).toBe(404);
    for (const [query, field] of [
      ['?valueMin=-1', 'valueMin'],
      ['?status=maybe', 'status'],
      ['?ownerId=me', 'ownerId'],
    ]) {
      const res = await api.get(`/api/v1/pipelines/${pipeline.id}/funnel${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
    }
  });
});
