import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsFixture, type AnalyticsFixture } from '../helpers/analytics-fixture.js';
import { apiAs, type Api } from '../helpers/api.js';
import { createTestApp, userFactory, workspaceFactory } from '../helpers/test-app.js';

// Dashboards are stored in the analytics fixture's workspace (its story is in
// test/integration/analytics.test.ts); a second workspace checks that nothing crosses over.
let f: AnalyticsFixture;
let admin: Api, manager: Api, repA: Api, repB: Api, stranger: Api;
let repAId: string;

beforeAll(async () => {
  f = await analyticsFixture(await createTestApp());
  admin = f.api;
  repA = f.repApi;
  repAId = f.rep.id;
  manager = apiAs(f.t.app, (await userFactory(f.t.db, f.workspaceId, { role: 'manager' })).headers);
  repB = apiAs(f.t.app, (await userFactory(f.t.db, f.workspaceId, { role: 'rep' })).headers);
  stranger = apiAs(f.t.app, (await workspaceFactory(f.t.db)).admin.headers);
});
afterAll(() => f?.t.close());

const widgets = [
  { id: 'won', kind: 'number', metric: 'won', size: { w: 1, h: 1 } },
  { id: 'trend', kind: 'chart', report: 'trend', size: { w: 2, h: 2 }, options: { unit: 'week' } },
  { id: 'board', kind: 'table', report: 'leaderboard', size: { w: 4, h: 1 } },
];
const body = (name: string, extra: Record<string, unknown> = {}) => ({ name, widgets, ...extra });

describe('dashboards', () => {
  it('creates one with defaults filled in, reads it back and lists own ones first', async () => {
    const created = await repA.post('/api/v1/dashboards', body('Mine'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Mine',
      shared: false,
      canEdit: true,
      version: 1,
      ownerId: repAId,
      filters: { preset: 'thisQuarter' },
    });
    expect(created.body.widgets.map((w: { options: unknown }) => w.options)).toEqual([
      {},
      { unit: 'week' },
      {},
    ]);
    expect((await repA.get(`/api/v1/dashboards/${created.body.id}`)).body).toEqual(created.body);
    await repB.post('/api/v1/dashboards', body('Aaa shared', { shared: true }));
    const names = (await repA.get('/api/v1/dashboards')).body.data.map(
      (d: { name: string }) => d.name,
    );
    expect(names).toEqual(['Mine', 'Aaa shared']);
  });

  it('hides private dashboards from everyone else (404) and shows shared ones read-only', async () => {
    const mine = (await repA.post('/api/v1/dashboards', body('Private one'))).body;
    const shared = (await repA.post('/api/v1/dashboards', body('Team one', { shared: true }))).body;
    for (const other of [repB, manager, admin, stranger]) {
      expect((await other.get(`/api/v1/dashboards/${mine.id}`)).status).toBe(404);
      expect((await other.patch(`/api/v1/dashboards/${mine.id}`, { version: 1 })).status).toBe(404);
      expect((await other.delete(`/api/v1/dashboards/${mine.id}`)).status).toBe(404);
      const listed = (await other.get('/api/v1/dashboards')).body.data.map(
        (d: { id: string }) => d.id,
      );
      expect(listed).not.toContain(mine.id);
    }
    const seen = await repB.get(`/api/v1/dashboards/${shared.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect((await stranger.get(`/api/v1/dashboards/${shared.id}`)).status).toBe(404);
    // Reps and managers may not change someone else's shared dashboard; an admin may.
    for (const other of [repB, manager]) {
      const res = await other.patch(`/api/v1/dashboards/${shared.id}`, { version: 1, name: 'x' });
      expect(res.status).toBe(403);
      expect((await other.delete(`/api/v1/dashboards/${shared.id}`)).status).toBe(403);
    }
    const byAdmin = await admin.patch(`/api/v1/dashboards/${shared.id}`, {
      version: 1,
      widgets: widgets.slice(0, 1),
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ version: 2, canEdit: true, ownerId: repAId });
    // Sharing stays the owner's call.
    const unshare = await admin.patch(`/api/v1/dashboards/${shared.id}`, {
      version: 2,
      shared: false,
    });
    expect(unshare.status).toBe(403);
  });

  it('refuses a stale version with 409 and the current one', async () => {
    const d = (await repA.post('/api/v1/dashboards', body('Versioned'))).body;
    const first = await repA.patch(`/api/v1/dashboards/${d.id}`, {
      version: 1,
      filters: { preset: 'custom', from: '2026-01-01', to: '2026-03-31', teamId: undefined },
    });
    expect(first.status).toBe(200);
    expect(first.body.filters).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-03-31' });
    const stale = await repA.patch(`/api/v1/dashboards/${d.id}`, { version: 1, name: 'Late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ field: 'version', details: { currentVersion: 2 } });
    expect((await repA.get(`/api/v1/dashboards/${d.id}`)).body.name).toBe('Versioned');
    expect((await repA.delete(`/api/v1/dashboards/${d.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/dashboards/${d.id}`)).status).toBe(404);
  });

  it('names the offending field on bad input and writes nothing', async () => {
    const w = widgets[0] as Record<string, unknown>;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ widgets }, 'name'],
      [{ name: 'x' }, 'widgets'],
      [{ name: 'x', widgets: [{ ...w, kind: 'gauge' }] }, 'widgets.0.kind'],
      [{ name: 'x', widgets: [{ ...w, metric: 'profit' }] }, 'widgets.0.metric'],
      [{ name: 'x', widgets: [{ ...w, size: { w: 5, h: 1 } }] }, 'widgets.0.size.w'],
      [{ name: 'x', widgets: [{ ...w, size: { w: 1, h: 0 } }] }, 'widgets.0.size.h'],
      [{ name: 'x', widgets: [{ ...w, id: 'a b' }] }, 'widgets.0.id'],
      [{ name: 'x', widgets: [w, w] }, 'widgets.1.id'],
      [{ name: 'x', widgets: [{ ...w, options: { colour: 'red' } }] }, 'widgets.0.options'],
      [{ name: 'x', widgets: [{ ...w, options: { unit: 'day' } }] }, 'widgets.0.options.unit'],
      [
        { name: 'x', widgets: [{ id: 'c', kind: 'chart', report: 'pie', size: { w: 1, h: 1 } }] },
        'widgets.0.report',
      ],
      [{ name: 'x', widgets, filters: { preset: 'custom', from: '2026-01-01' } }, 'filters.to'],
      [{ name: 'x', widgets, filters: { preset: 'yesterday' } }, 'filters.preset'],
      [{ name: 'x', widgets, filters: { ownerId: 'me' } }, 'filters.ownerId'],
      [
        { name: 'x', widgets: Array.from({ length: 25 }, (_, i) => ({ ...w, id: `n${i}` })) },
        'widgets',
      ],
    ];
    for (const [b, field] of cases) {
      const res = await repB.post('/api/v1/dashboards', b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body.error.field, JSON.stringify(b)).toBe(field);
    }
    expect(
      (await repB.get('/api/v1/dashboards')).body.data.map((d: { name: string }) => d.name),
    ).toEqual(['Aaa shared', 'Team one']);
    const clash = await repB.post('/api/v1/dashboards', body('aaa SHARED'));
    expect(clash.status).toBe(409);
    expect(clash.body.error.field).toBe('name');
  });

  it('serves a default by role: the rep’s own deals and quota, the team view for others', async () => {
    const rep = (await repA.get('/api/v1/dashboards/default')).body;
    expect(rep.role).toBe('rep');
    expect(rep.filters).toEqual({ preset: 'thisQuarter', ownerId: repAId });
    expect(rep.widgets.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining(['quota', 'win-rate', 'activities', 'waterfall']),
    );
    for (const caller of [manager, admin]) {
      const d = (await caller.get('/api/v1/dashboards/default')).body;
      expect(d.role).toBe('manager');
      expect(d.filters).toEqual({ preset: 'thisQuarter' });
      const reports = d.widgets.map(
        (w: { report?: string; metric?: string }) => w.report ?? w.metric,
      );
      expect(reports).toEqual(
        expect.arrayContaining([
          'quotaAttainment',
          'forecast',
          'leaderboard',
          'conversion',
          'waterfall',
        ]),
      );
    }
    // The default copies into an editable dashboard as it is.
    const copy = await manager.post('/api/v1/dashboards', {
      name: 'My copy',
      widgets: (await manager.get('/api/v1/dashboards/default')).body.widgets,
    });
    expect(copy.status).toBe(201);
    expect(copy.body.canEdit).toBe(true);
  });
});

describe('deals behind a key number', () => {
  const behind = async (query: Record<string, string>, caller = f.api) => {
    const res = await caller.get(
      `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...query })}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const ids = (r: { deals: Array<{ id: string }> }) => r.deals.map((d) => d.id).sort();
  const of = (...names: Array<keyof AnalyticsFixture['deals']>) =>
    names.map((n) => f.deals[n].id).sort();
  const Q1 = { from: '2026-01-01', to: '2026-03-31' };
  const all = () => ({ from: '2026-01-01', to: f.tomorrow });

  it('lists exactly the deals each key number counts', async () => {
    const created = await behind({ ...Q1, metric: 'created' });
    expect(ids(created)).toEqual(of('A', 'B', 'C', 'D', 'E'));
    expect(created.count).toBe(5);
    expect(ids(await behind({ ...Q1, metric: 'won' }))).toEqual(of('D'));
    expect(ids(await behind({ ...all(), metric: 'won' }))).toEqual(of('A', 'D'));
    expect(ids(await behind({ ...all(), metric: 'lost' }))).toEqual(of('B'));
    expect(ids(await behind({ ...all(), metric: 'closed' }))).toEqual(of('A', 'B', 'D'));
    expect(ids(await behind({ ...all(), metric: 'open' }))).toEqual(of('C', 'E', 'F', 'G'));
    // The close-rate cohort: everything that reached Qualified (E never did).
    expect(ids(await behind({ ...all(), metric: 'qualified' }))).toEqual(
      of('A', 'B', 'C', 'D', 'F', 'G'),
    );
    // And the counts are the key numbers' own.
    const k = (
      await f.api.get(
        `/api/v1/analytics/key-numbers?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all() })}`,
      )
    ).body;
    expect([k.won, k.lost, k.closeRate.qualified]).toEqual([
      (await behind({ ...all(), metric: 'won' })).count,
      (await behind({ ...all(), metric: 'lost' })).count,
      (await behind({ ...all(), metric: 'qualified' })).count,
    ]);
  });

  it('lists the deals behind a bar of the cohort conversion, as the report counts them', async () => {
    const qualified = f.stage('Qualified').id;
    const reached = await behind({ ...all(), metric: 'reached', stageId: qualified });
    // Created in the pipeline in the period: A to F (G was created in Sales); E stayed in Lead.
    expect(ids(reached)).toEqual(of('A', 'B', 'C', 'D', 'F'));
    const conversion = (
      await f.api.get(
        `/api/v1/analytics/stage-conversion?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all() })}`,
      )
    ).body;
    const row = conversion.stages.find((s: { stageId: string }) => s.stageId === qualified);
    expect(row.reached).toBe(reached.count);
    for (const stageId of [undefined, f.sales.stage('Prospecting').id]) {
      const bad = await f.api.get(
        `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), metric: 'reached', ...(stageId && { stageId }) })}`,
      );
      expect([bad.status, bad.body.error.field]).toEqual([400, 'stageId']);
    }
  });

  it('lists the deals behind each part of an active conversion bar', async () => {
    const qualified = f.stage('Qualified').id;
    const active = async (outcome?: string) =>
      behind({ ...all(), metric: 'active', stageId: qualified, ...(outcome && { outcome }) });
    // In Qualified during the period: A moved on to Proposal, B was lost, C and G (moved in from
    // Sales) are still there.
    expect(ids(await active())).toEqual(of('A', 'B', 'C', 'G'));
    expect(ids(await active('forward'))).toEqual(of('A'));
    expect(ids(await active('lost'))).toEqual(of('B'));
    expect(ids(await active('stayed'))).toEqual(of('C', 'G'));
    expect(ids(await active('back'))).toEqual([]);
    const report = (
      await f.api.get(
        `/api/v1/analytics/stage-conversion?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), mode: 'active' })}`,
      )
    ).body;
    const row = report.stages.find((s: { stageId: string }) => s.stageId === qualified).active;
    expect([row.deals, row.forward, row.lost, row.stayed]).toEqual([4, 1, 1, 2]);
    const query = (extra: Record<string, string>) =>
      f.api.get(
        `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), ...extra })}`,
      );
    const won = await query({ metric: 'active', stageId: f.stage('Won').id });
    expect([won.status, won.body.error.field]).toEqual([400, 'stageId']);
    const misplaced = await query({ metric: 'reached', stageId: qualified, outcome: 'won' });
    expect([misplaced.status, misplaced.body.error.field]).toEqual([400, 'outcome']);
    const unknown = await query({ metric: 'active', stageId: qualified, outcome: 'sideways' });
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'outcome']);
  });

  it('lists the deals behind a channel’s created and won, whatever the case of its name', async () => {
    // A and C came by Referral (A won); B, D, E and F have no source (D won); G is in Sales.
    const referral = { ...all(), channel: 'referral' };
    expect(ids(await behind({ ...referral, metric: 'created' }))).toEqual(of('A', 'C'));
    expect(ids(await behind({ ...referral, metric: 'won' }))).toEqual(of('A'));
    const none = { ...all(), channel: '' };
    expect(ids(await behind({ ...none, metric: 'created' }))).toEqual(of('B', 'D', 'E', 'F'));
    expect(ids(await behind({ ...none, metric: 'won' }))).toEqual(of('D'));
    const report = (
      await f.api.get(
        `/api/v1/analytics/channels?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all() })}`,
      )
    ).body;
    expect(
      report.channels.map(
        (c: { channel: string | null; dealsCreated: number; dealsWon: number }) => [
          c.channel,
          c.dealsCreated,
          c.dealsWon,
        ],
      ),
    ).toEqual([
      ['Referral', 2, 1],
      [null, 4, 1],
    ]);
    const query = (extra: Record<string, string>) =>
      f.api.get(
        `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), ...extra })}`,
      );
    const open = await query({ metric: 'open', channel: 'Referral' });
    expect([open.status, open.body.error.field]).toEqual([400, 'channel']);
    const both = await query({ metric: 'won', channel: 'Referral', source: 'Referral' });
    expect([both.status, both.body.error.field]).toEqual([400, 'channel']);
  });

  it('keeps to what the caller may see, and to the owner at the closing with heldBy', async () => {
    expect(ids(await behind({ ...all(), metric: 'open' }, f.repApi))).toEqual(of('E', 'F'));
    expect(ids(await behind({ ...all(), metric: 'won' }, f.repApi))).toEqual([]);
    expect(ids(await behind({ ...all(), metric: 'open', heldBy: f.rep.id }))).toEqual(of('E', 'F'));
    const limited = await behind({ ...all(), metric: 'open', limit: '2' });
    expect([limited.count, limited.deals.length]).toEqual([4, 2]);
    const bad = await f.api.get(
      `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), metric: 'created', heldBy: f.rep.id })}`,
    );
    expect([bad.status, bad.body.error.field]).toEqual([400, 'heldBy']);
    const unknown = await f.api.get(
      `/api/v1/analytics/deals-behind?${new URLSearchParams({ pipelineId: f.pipeline.id, ...all(), metric: 'profit' })}`,
    );
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'metric']);
  });
});
