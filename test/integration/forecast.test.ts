// Quotas, forecast categories, the three-method forecast and submissions through the API, on a
// workspace in Ho Chi Minh City. Deals are created back-dated and won or moved now, so "this
// month" holds the wins; every expected number is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/domain/local-day.js';
import { apiAs, type Api } from '../helpers/api.js';
import { runBacktest } from '../../src/server/modules/forecast/backtest.service.js';
import { takeForecastSnapshots } from '../../src/server/modules/forecast/snapshot.service.js';
import { dealFactory } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

const ZONE = 'Asia/Ho_Chi_Minh';
let t: TestApp;
let admin: Api;
let rep: TestUser;
let repApi: Api;
let other: TestUser;
let managerApi: Api;
let teamId: string;
let pipelineId: string;
const stages: Record<string, string> = {};
const today = localDate(new Date(), ZONE);
const monthStart = `${today.slice(0, 8)}01`;
const deals: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  const settings = (await admin.get('/api/v1/workspace')).body;
  await admin.patch('/api/v1/workspace', { version: settings.version, timezone: ZONE });
  rep = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  other = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  const manager = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  repApi = apiAs(t.app, rep.headers);
  managerApi = apiAs(t.app, manager.headers);
  const team = await admin.post('/api/v1/teams', {
    name: 'East',
    managerId: manager.id,
    memberIds: [rep.id, other.id],
  });
  teamId = team.body.id;
  const created = await admin.post('/api/v1/pipelines', {
    name: 'Forecast',
    stages: [
      { name: 'Lead', probability: 10 },
      { name: 'Proposal', probability: 60 },
      { name: 'Verbal', probability: 80 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  pipelineId = created.body.id;
  for (const s of created.body.stages) stages[s.name] = s.id;
  const deal = (name: string, stage: string, value: number, extra: Record<string, unknown> = {}) =>
    dealFactory(admin, {
      pipelineId,
      stageId: stages[stage],
      value,
      currency: 'USD',
      createdAt: '2025-06-01T03:00:00.000Z',
      ...extra,
    }).then((d) => (deals[name] = d));
  await deal('won', 'Proposal', 1000, { ownerId: rep.id });
  await deal('proposal', 'Proposal', 2000, { ownerId: rep.id, expectedCloseDate: today });
  await deal('verbal', 'Verbal', 500, { ownerId: other.id, expectedCloseDate: today });
  await deal('undated', 'Lead', 9000, { ownerId: rep.id });
  await admin.post(`/api/v1/deals/${deals.won?.id}/move`, { stageId: stages.Won });
});
afterAll(() => t.close());

describe('quotas', () => {
  it('lets admins and managers set them, and names the field that is wrong', async () => {
    const set = await managerApi.post('/api/v1/quotas', {
      userId: rep.id,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'amount',
      target: 10_000,
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ userId: rep.id, kind: 'amount', target: 10_000 });
    expect(set.body.currency).toMatch(/^[A-Z]{3}$/);

    const again = await admin.post('/api/v1/quotas', {
      ...set.body,
      id: undefined,
      currency: undefined,
      version: undefined,
      teamId: undefined,
    });
    expect(again.status).toBe(409);

    const midMonth = await admin.post('/api/v1/quotas', {
      userId: other.id,
      periodUnit: 'month',
      periodStart: `${today.slice(0, 8)}02`,
      kind: 'count',
      target: 3,
    });
    expect(midMonth.status).toBe(400);
    expect(midMonth.body.error.field).toBe('periodStart');

    const both = await admin.post('/api/v1/quotas', {
      userId: other.id,
      teamId,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'count',
      target: 3,
    });
    expect(both.status).toBe(400);
    expect(both.body.error.field).toBe('teamId');

    const byRep = await repApi.post('/api/v1/quotas', {
      userId: rep.id,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'count',
      target: 3,
    });
    expect(byRep.status).toBe(403);
  });

  it('shows reps their own quotas only', async () => {
    await admin.post('/api/v1/quotas', {
      userId: other.id,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'amount',
      target: 4000,
    });
    const mine = await repApi.get('/api/v1/quotas');
    expect(mine.body.data.map((q: { userId: string }) => q.userId)).toEqual([rep.id]);
    expect((await repApi.get(`/api/v1/quotas?userId=${other.id}`)).status).toBe(403);
    expect((await admin.get('/api/v1/quotas')).body.data).toHaveLength(2);
  });

  it('changes a quota at its version only', async () => {
    const [q] = (await admin.get(`/api/v1/quotas?userId=${other.id}`)).body.data;
    const stale = await admin.patch(`/api/v1/quotas/${q.id}`, {
      version: q.version + 1,
      target: 1,
    });
    expect(stale.status).toBe(409);
    const ok = await admin.patch(`/api/v1/quotas/${q.id}`, { version: q.version, target: 5000 });
    expect(ok.body).toMatchObject({ target: 5000, version: q.version + 1 });
  });

  it('gives a rep attainment, pace, gap and coverage for this month', async () => {
    const res = await repApi.get('/api/v1/quotas/status?periodUnit=month');
    expect(res.status).toBe(200);
    // Won 1000 of 10,000; open and expected this month: 2000 at 60% = 1200; gap 9000.
    expect(res.body).toMatchObject({
      source: 'direct',
      target: 10_000,
      achieved: 1000,
      attainment: 0.1,
      gap: 9000,
      openWeighted: 1200,
    });
    expect(res.body.coverage).toBeCloseTo(1200 / 9000, 12);
    expect(res.body.period.from).toBe(monthStart);
    expect(res.body.expectedByNow).toBeCloseTo(10_000 * res.body.elapsed, 6);
  });

  it('rolls a team up from its members when it has no quota of its own', async () => {
    const res = await managerApi.get(`/api/v1/quotas/status?periodUnit=month&teamId=${teamId}`);
    expect(res.status).toBe(200);
    // 10,000 + 5,000; won 1000; open 1200 + 500 × 80% = 1600.
    expect(res.body).toMatchObject({
      source: 'members',
      target: 15_000,
      achieved: 1000,
      openWeighted: 1600,
    });
    const own = await admin.post('/api/v1/quotas', {
      teamId,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'amount',
      target: 20_000,
    });
    expect(own.status).toBe(201);
    const direct = await managerApi.get(`/api/v1/quotas/status?periodUnit=month&teamId=${teamId}`);
    expect(direct.body).toMatchObject({ source: 'direct', target: 20_000, gap: 19_000 });
    expect(
      (await repApi.get(`/api/v1/quotas/status?periodUnit=month&teamId=${teamId}`)).status,
    ).toBe(403);
  });
});

describe('forecast categories and the three methods', () => {
  it('defaults from the stage and takes an override on open deals only', async () => {
    const res = await repApi.patch(`/api/v1/deals/${deals.proposal?.id}/forecast-category`, {
      category: 'commit',
    });
    expect(res.body).toEqual({
      id: deals.proposal?.id,
      forecastCategory: 'commit',
      effectiveCategory: 'commit',
    });
    const bad = await repApi.patch(`/api/v1/deals/${deals.proposal?.id}/forecast-category`, {
      category: 'closed',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('category');
    const won = await admin.patch(`/api/v1/deals/${deals.won?.id}/forecast-category`, {
      category: 'commit',
    });
    expect(won.status).toBe(400);
    // A rep outside the team does not see the deal at all.
    const loner = await userFactory(t.db, rep.workspaceId, { role: 'rep' });
    const hidden = await apiAs(t.app, loner.headers).patch(
      `/api/v1/deals/${deals.verbal?.id}/forecast-category`,
      { category: null },
    );
    expect(hidden.status).toBe(404);
  });

  it('puts the methods side by side for this month', async () => {
    const res = await admin.get(
      `/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month&seed=5&runs=500`,
    );
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.won).toEqual({ count: 1, amount: 1000 });
    // Expected this month: proposal 60% of 2000, verbal 80% of 500; undated is in neither.
    expect(f.stageWeighted.count).toBeCloseTo(2.4, 12);
    expect(f.stageWeighted.amount).toBe(1000 + 1200 + 400);
    // proposal overridden to commit, verbal commit by default (80%).
    expect(f.category.commit).toEqual({ count: 3, amount: 3500 });
    expect(f.category.bestCase).toEqual({ count: 3, amount: 3500 });
    expect(f.deals).toHaveLength(3);
    expect(f.learned.count.p10).toBeLessThanOrEqual(f.learned.count.p90);
    expect(f.learned.count.p10).toBeGreaterThanOrEqual(1);
    const again = await admin.get(
      `/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month&seed=5&runs=500`,
    );
    // The same seed a moment later: only the elapsed moment moves the probabilities.
    expect(again.body.learned.seed).toBe(5);
    expect(again.body.learned.expected.count).toBeCloseTo(f.learned.expected.count, 3);
  });

  it('forecasts from the deals the caller may see', async () => {
    const res = await repApi.get(`/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month`);
    // The rep's team sees the teammate's deal too; an outsider rep sees only their own.
    expect(res.body.deals.map((d: { dealId: string }) => d.dealId).sort()).toEqual(
      [deals.proposal?.id, deals.verbal?.id, deals.undated?.id].sort(),
    );
    const loner = await userFactory(t.db, rep.workspaceId, { role: 'rep' });
    const alone = await apiAs(t.app, loner.headers).get(
      `/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month`,
    );
    expect(alone.body).toMatchObject({ won: { count: 0, amount: 0 }, deals: [] });
  });

  it('narrows to an owner or a team as the reports do', async () => {
    const of = async (filter: string) =>
      (await admin.get(`/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month&${filter}`))
        .body;
    const ids = (f: { deals: { dealId: string }[] }) => f.deals.map((d) => d.dealId).sort();
    const mine = await of(`ownerId=${rep.id}`);
    // The rep's win (1000) and open proposal (60% of 2000); the undated lead is in neither sum.
    expect(mine.won).toEqual({ count: 1, amount: 1000 });
    expect(mine.stageWeighted.amount).toBe(1000 + 1200);
    expect(ids(mine)).toEqual([deals.proposal?.id, deals.undated?.id].sort());
    const theirs = await of(`ownerId=${other.id}`);
    expect(theirs.won).toEqual({ count: 0, amount: 0 });
    expect(theirs.stageWeighted.amount).toBe(400);
    expect(ids(theirs)).toEqual([deals.verbal?.id]);
    const team = await of(`teamId=${teamId}`);
    expect(team.stageWeighted.amount).toBe(1000 + 1200 + 400);
    expect(ids(team)).toHaveLength(3);
    const bad = await admin.get(
      `/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month&ownerId=nobody`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('ownerId');
  });

  it('names bad parameters', async () => {
    const res = await admin.get(`/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=week`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('periodUnit');
  });
});

describe('forecast submissions', () => {
  it('keeps every submission and rolls up the latest of each', async () => {
    const submit = (api: Api, body: Record<string, unknown>) =>
      api.post('/api/v1/forecast/submissions', {
        periodUnit: 'month',
        periodStart: monthStart,
        ...body,
      });
    expect((await submit(repApi, { amount: 3000, count: 2 })).status).toBe(201);
    expect((await submit(repApi, { amount: 3500, count: 3, note: 'Verbal yes' })).status).toBe(201);
    expect((await submit(apiAs(t.app, other.headers), { amount: 500, count: 1 })).status).toBe(201);
    expect((await submit(repApi, { amount: 1, count: 1, teamId })).status).toBe(403);
    expect((await submit(managerApi, { amount: 3000, count: 3, teamId })).status).toBe(201);
    const bad = await submit(repApi, { amount: -1, count: 1 });
    expect(bad.status).toBe(400);

    const res = await managerApi.get(
      `/api/v1/forecast/submissions?periodUnit=month&periodStart=${monthStart}`,
    );
    expect(res.body.data).toHaveLength(4);
    expect(res.body.rollup.reps).toEqual({ count: 4, amount: 4000, people: 2 });
    expect(res.body.rollup.teams).toEqual([
      { teamId, members: { count: 4, amount: 4000 }, adjusted: { count: 3, amount: 3000 } },
    ]);
    const loner = await userFactory(t.db, rep.workspaceId, { role: 'rep' });
    const mine = await apiAs(t.app, loner.headers).get(
      `/api/v1/forecast/submissions?periodUnit=month&periodStart=${monthStart}`,
    );
    expect(mine.body.data).toEqual([]);
    expect(addDays(monthStart, 0)).toBe(monthStart);
  });
});

describe('weekly forecast snapshots', () => {
  it('keeps one snapshot per pipeline, period and week, equal to the forecast then', async () => {
    const now = Date.now();
    const first = await takeForecastSnapshots(t.db, now);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await takeForecastSnapshots(t.db, now)).toBe(0);
    const rows = await t.db
      .selectFrom('forecast_snapshots')
      .selectAll()
      .where('pipeline_id', '=', pipelineId)
      .orderBy('period_unit')
      .execute();
    expect(rows.map((r) => [r.period_unit, r.period_start, r.taken_on])).toEqual([
      ['month', monthStart, today],
      ['quarter', expect.stringMatching(/^\d{4}-(01|04|07|10)-01$/), today],
    ]);
    const month = rows[0]?.forecast as { won: unknown; stageWeighted: { amount: number } };
    const live = await admin.get(`/api/v1/forecast?pipelineId=${pipelineId}&periodUnit=month`);
    expect(month.won).toEqual(live.body.won);
    expect(month.stageWeighted.amount).toBe(live.body.stageWeighted.amount);
  });
});

describe('stored backtests', () => {
  it('serves each run’s errors and calibration to admins and managers only', async () => {
    const lastMonth = addDays(monthStart, -1);
    const run = await runBacktest(t.db, {
      workspaceId: rep.workspaceId,
      pipelineId,
      unit: 'month',
      from: '2025-07-01',
      to: lastMonth,
      runs: 200,
      seed: 4,
    });
    // Nothing was won before this month, and no deal was expected to close before it.
    expect(run.periods.every((p) => p.actual.count === 0)).toBe(true);
    const res = await managerApi.get(`/api/v1/forecast/backtests?pipelineId=${pipelineId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const stored = res.body.data[0];
    expect(stored).toMatchObject({
      periodUnit: 'month',
      from: '2025-07-01',
      to: lastMonth,
      seed: 4,
    });
    expect(stored.summary.find((s: { method: string }) => s.method === 'stage_weighted')).toEqual({
      method: 'stage_weighted',
      countMae: 0,
      amountMae: 0,
      // Nothing was won in these months: no percentage of zero.
      countMape: null,
      amountMape: null,
    });
    expect(stored.calibration).toHaveLength(10);
    // All four deals were open at the start of every month (one is won only now).
    const predictions = stored.calibration.reduce(
      (n: number, b: { count: number }) => n + b.count,
      0,
    );
    expect(predictions).toBe(4 * run.periods.length);
    expect((await repApi.get(`/api/v1/forecast/backtests?pipelineId=${pipelineId}`)).status).toBe(
      403,
    );
  });
});
