// Snapshots on demand (once per pipeline, period and week) and forecast accuracy stored once when
// a period closes, on a workspace in Ho Chi Minh City. March 2026 is the closed period: two open
// deals were known on Monday 2 March, one deal was won on 15 March. Errors worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordForecastAccuracy } from '../../src/server/modules/forecast/accuracy.service.js';
import { takeForecastSnapshots } from '../../src/server/modules/forecast/snapshot.service.js';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

const ZONE = 'Asia/Ho_Chi_Minh';
// Monday 2 March 2026, 10:00 in Ho Chi Minh City.
const MONDAY = Date.parse('2026-03-02T03:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let admin: Api;
let managerApi: Api;
let repApi: Api;
let loneApi: Api;
let strangerApi: Api;
let rep: TestUser;
let manager: TestUser;
let pipelineId: string;
let teamId: string;
let recordedFirst: number;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  const settings = (await admin.get('/api/v1/workspace')).body;
  await admin.patch('/api/v1/workspace', { version: settings.version, timezone: ZONE });
  rep = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  const other = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  manager = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  const lone = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  repApi = apiAs(t.app, rep.headers);
  managerApi = apiAs(t.app, manager.headers);
  loneApi = apiAs(t.app, lone.headers);
  strangerApi = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
  teamId = (
    await admin.post('/api/v1/teams', {
      name: 'East',
      managerId: manager.id,
      memberIds: [rep.id, other.id],
    })
  ).body.id;
  const created = await admin.post('/api/v1/pipelines', {
    name: 'Accuracy',
    stages: [
      { name: 'Lead', probability: 10 },
      { name: 'Proposal', probability: 50 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  pipelineId = created.body.id;
  const stage = (name: string) =>
    created.body.stages.find((s: { name: string }) => s.name === name).id as string;
  const deal = (name: string, createdAt: string, value: number, extra = {}) =>
    dealFactory(admin, {
      pipelineId,
      stageId: stage(name),
      value,
      currency: 'USD',
      ownerId: rep.id,
      createdAt,
      ...extra,
    });
  // Known on 2 March: 50% of 1000 and 10% of 2000, both expected in March.
  await deal('Proposal', '2026-01-10T03:00:00Z', 1000, { expectedCloseDate: '2026-03-20' });
  await deal('Lead', '2026-01-10T03:00:00Z', 2000, { expectedCloseDate: '2026-03-25' });
  // Created won on 15 March: March's only win, 1 deal and 1500. One won in April is not March's.
  await deal('Won', '2026-03-15T03:00:00Z', 1500);
  await deal('Won', '2026-04-02T03:00:00Z', 700);
  // The snapshot of the week of 2 March, as the weekly job took it then.
  await takeForecastSnapshots(t.db, MONDAY, { pipelineId });
  const submit = (api: Api, body: Record<string, unknown>) =>
    api.post('/api/v1/forecast/submissions', {
      periodUnit: 'month',
      periodStart: '2026-03-01',
      ...body,
    });
  // The rep's first call (2 deals, 2000) is the one scored; the revision is kept, not scored.
  await submit(repApi, { count: 2, amount: 2000 });
  await submit(repApi, { count: 1, amount: 1500 });
  await submit(managerApi, { teamId, count: 1, amount: 1000 });
  recordedFirst = await recordForecastAccuracy(t.db);
});
afterAll(() => t.close());

describe('snapshots', () => {
  it('keeps one per pipeline, period and week, whoever asks', async () => {
    // The same week's Sunday adds nothing; the next Monday starts a new week.
    expect(await takeForecastSnapshots(t.db, MONDAY + 6 * DAY, { pipelineId })).toBe(0);
    expect(await takeForecastSnapshots(t.db, MONDAY + 7 * DAY, { pipelineId })).toBe(2);
    const rows = await t.db
      .selectFrom('forecast_snapshots')
      .select(['period_unit', 'period_start', 'taken_on', 'week_start'])
      .where('pipeline_id', '=', pipelineId)
      .orderBy('taken_on')
      .orderBy('period_unit')
      .execute();
    expect(rows).toEqual([
      {
        period_unit: 'month',
        period_start: '2026-03-01',
        taken_on: '2026-03-02',
        week_start: '2026-03-02',
      },
      {
        period_unit: 'quarter',
        period_start: '2026-01-01',
        taken_on: '2026-03-02',
        week_start: '2026-03-02',
      },
      {
        period_unit: 'month',
        period_start: '2026-03-01',
        taken_on: '2026-03-09',
        week_start: '2026-03-09',
      },
      {
        period_unit: 'quarter',
        period_start: '2026-01-01',
        taken_on: '2026-03-09',
        week_start: '2026-03-09',
      },
    ]);
  });

  it('are taken on demand by managers and admins, once a week', async () => {
    expect((await repApi.post('/api/v1/forecast/snapshots', { pipelineId })).status).toBe(403);
    const first = await managerApi.post('/api/v1/forecast/snapshots', { pipelineId });
    expect(first.status).toBe(200);
    expect(first.body.taken).toBe(2);
    expect(first.body.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${first.body.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect((await managerApi.post('/api/v1/forecast/snapshots', { pipelineId })).body.taken).toBe(
      0,
    );
    // Every pipeline of the workspace: this one's week is taken already, the others' are new.
    const all = await admin.post('/api/v1/forecast/snapshots', {});
    expect(all.body.taken).toBeGreaterThan(0);
    expect((await admin.post('/api/v1/forecast/snapshots', {})).body.taken).toBe(0);
  });

  it('names a pipeline that is not the workspace’s', async () => {
    const foreign = await strangerApi.post('/api/v1/forecast/snapshots', { pipelineId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('pipelineId');
    const bad = await managerApi.post('/api/v1/forecast/snapshots', { pipelineId: 'nope' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('pipelineId');
  });

  it('are read back newest first by managers and admins', async () => {
    const res = await managerApi.get(`/api/v1/forecast/snapshots?pipelineId=${pipelineId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(6);
    const [newest] = res.body.data;
    expect(newest.takenBy).toBe(manager.id);
    const march = res.body.data.find(
      (s: { takenOn: string; periodUnit: string }) =>
        s.takenOn === '2026-03-02' && s.periodUnit === 'month',
    );
    expect(march).toMatchObject({
      takenBy: null,
      currency: 'USD',
      won: { count: 0, amount: 0 },
      stageWeighted: { amount: 700 },
    });
    expect(march.stageWeighted.count).toBeCloseTo(0.6, 12);
    const months = await admin.get(
      `/api/v1/forecast/snapshots?pipelineId=${pipelineId}&periodUnit=month`,
    );
    expect(months.body.data.every((s: { periodUnit: string }) => s.periodUnit === 'month')).toBe(
      true,
    );
    expect((await repApi.get(`/api/v1/forecast/snapshots?pipelineId=${pipelineId}`)).status).toBe(
      403,
    );
    const foreign = await strangerApi.get(`/api/v1/forecast/snapshots?pipelineId=${pipelineId}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('pipelineId');
  });
});

describe('forecast accuracy of a closed period', () => {
  it('is stored once per period and method, from the first snapshot and submission', async () => {
    // March and Q1 have closed: 4 methods each, the rep's and the team's submission.
    expect(recordedFirst).toBe(10);
    const [a, b] = await Promise.all([recordForecastAccuracy(t.db), recordForecastAccuracy(t.db)]);
    expect(a + b).toBe(0);
    const rows = await t.db
      .selectFrom('forecast_accuracy')
      .select(['method', 'period_unit', 'forecast_on'])
      .where('pipeline_id', '=', pipelineId)
      .execute();
    expect(rows).toHaveLength(8);
    // The later snapshot of 9 March does not replace the first one.
    expect(new Set(rows.map((r) => r.forecast_on))).toEqual(new Set(['2026-03-02']));
  });

  it('gives managers each method’s error and their people’s and team’s', async () => {
    const res = await managerApi.get(
      `/api/v1/forecast/accuracy?periodUnit=month&pipelineId=${pipelineId}`,
    );
    expect(res.status).toBe(200);
    const method = (m: string) => res.body.methods.find((r: { method: string }) => r.method === m);
    expect(res.body.methods).toHaveLength(4);
    const actual = { count: 1, amount: 1500 };
    // Stage-weighted 0.6 deals and 700 against 1 and 1500: |0.6 − 1| = 0.4, 0.4 / 1;
    // |700 − 1500| = 800, 800 / 1500.
    const sw = method('stage_weighted');
    expect(sw).toMatchObject({ periodStart: '2026-03-01', forecastOn: '2026-03-02', actual });
    expect(sw.error.count.absError).toBeCloseTo(0.4, 12);
    expect(sw.error.count.ape).toBeCloseTo(0.4, 12);
    expect(sw.error.amount).toEqual({ absError: 800, ape: 800 / 1500 });
    // Nothing was commit (50% is best case): 0 against 1 and 1500, every error 100%.
    expect(method('commit').error).toEqual({
      count: { absError: 1, ape: 1 },
      amount: { absError: 1500, ape: 1 },
    });
    // Best case: the 1000 deal: 1 deal right, 500 short.
    expect(method('best_case').error).toEqual({
      count: { absError: 0, ape: 0 },
      amount: { absError: 500, ape: 500 / 1500 },
    });
    const learned = method('learned');
    expect(learned.error.amount.absError).toBe(Math.abs(learned.forecast.amount - 1500));

    const rep1 = res.body.people.find((r: { userId: string }) => r.userId === rep.id);
    // The first call, 2 deals and 2000: off by 1 deal (100%) and 500 (1/3).
    expect(rep1).toMatchObject({
      method: 'submission',
      forecast: { count: 2, amount: 2000 },
      actual,
      error: { count: { absError: 1, ape: 1 }, amount: { absError: 500, ape: 500 / 1500 } },
    });
    const team = res.body.people.find((r: { teamId: string }) => r.teamId === teamId);
    expect(team).toMatchObject({
      forecast: { count: 1, amount: 1000 },
      actual,
      error: { count: { absError: 0, ape: 0 }, amount: { absError: 500 } },
    });
  });

  it('shows reps their own submission only, and no method of the whole pipeline', async () => {
    const mine = await repApi.get(
      `/api/v1/forecast/accuracy?periodUnit=month&pipelineId=${pipelineId}`,
    );
    expect(mine.body.methods).toEqual([]);
    expect(mine.body.people.map((r: { userId: string }) => r.userId)).toEqual([rep.id]);
    const lone = await loneApi.get('/api/v1/forecast/accuracy?periodUnit=month');
    expect(lone.body).toEqual({ methods: [], people: [] });
    const quarter = await admin.get(
      `/api/v1/forecast/accuracy?periodUnit=quarter&pipelineId=${pipelineId}`,
    );
    expect(quarter.body.methods.map((r: { periodStart: string }) => r.periodStart)).toEqual(
      Array(4).fill('2026-01-01'),
    );
  });

  it('keeps to the workspace and names bad parameters', async () => {
    const foreign = await strangerApi.get(
      `/api/v1/forecast/accuracy?periodUnit=month&pipelineId=${pipelineId}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('pipelineId');
    expect((await strangerApi.get('/api/v1/forecast/accuracy?periodUnit=month')).body).toEqual({
      methods: [],
      people: [],
    });
    const bad = await admin.get('/api/v1/forecast/accuracy?periodUnit=week');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('periodUnit');
  });
});
