import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { analyticsFixture, type AnalyticsFixture } from '../helpers/analytics-fixture.js';
import { createTestApp, workspaceFactory } from '../helpers/test-app.js';

// Who sees what in the reports, what bad input gets, and the CSV files. The story is in
// test/integration/analytics.test.ts.
let f: AnalyticsFixture;

beforeAll(async () => {
  f = await analyticsFixture(await createTestApp());
});
afterAll(() => f?.t.close());

const url = (path: string, query: Record<string, string>) =>
  `/api/v1/analytics/${path}?${new URLSearchParams({ pipelineId: f.pipeline.id, ...query })}`;
const everything = () => ({ from: '2026-01-01', to: f.tomorrow });

describe('visibility', () => {
  it('shows a rep under "own" only their own deals, in every report', async () => {
    const settings = (await f.api.get('/api/v1/workspace')).body;
    const own = await f.api.patch('/api/v1/workspace', {
      version: settings.version,
      dealVisibility: 'own',
    });
    expect(own.status).toBe(200);
    const { E, F } = f.deals;
    const get = async (path: string, query: Record<string, string>) => {
      const res = await f.repApi.get(url(path, query));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };

    const k = await get('key-numbers', everything());
    expect([k.created, k.won, k.lost]).toEqual([2, 0, 0]);
    expect(k.openAtEnd).toEqual([{ currency: 'USD', count: 2, total: 4500, weighted: 400 + 300 }]);
    // Asking for someone else's deals does not widen the view.
    const other = await get('key-numbers', { ...everything(), ownerId: f.admin.id });
    expect([other.created, other.openAtEnd]).toEqual([0, []]);

    const w = await get('waterfall', { from: '2026-01-01', to: '2026-04-30' });
    expect(w.deals.map((d: { id: string }) => d.id).sort()).toEqual([E.id, F.id].sort());
    expect(w.currencies.map((c: { currency: string }) => c.currency)).toEqual(['USD']);

    const board = await get('board-at', { at: '2026-04-15T00:00:00.000Z' });
    expect(board.columns.map((c: { count: number }) => c.count)).toEqual([1, 0, 1]);

    const conversion = await get('stage-conversion', everything());
    expect(conversion.stages.map((s: { reached: number }) => s.reached)).toEqual([2, 1, 1, 0, 0]);
    const trends = await get('trends', { ...everything(), unit: 'quarter' });
    expect(trends.buckets.map((b: { created: number }) => b.created)).toEqual(
      trends.buckets.map((b: { from: string }) =>
        b.from === '2026-01-01' || b.from === '2026-04-01' ? 1 : 0,
      ),
    );

    const csv = await f.t.app.inject({
      url: url('waterfall.csv', everything()),
      headers: f.rep.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(E.id);
    expect(csv.body).not.toContain(f.deals.A.id);
    await f.api.patch('/api/v1/workspace', { version: own.body.version, dealVisibility: 'all' });
  });

  it('answers 404 for a pipeline of another workspace', async () => {
    const stranger = apiAs(f.t.app, (await workspaceFactory(f.t.db)).admin.headers);
    const res = await stranger.get(url('key-numbers', { from: '2026-01-01', to: '2026-03-31' }));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('bad input', () => {
  it.each([
    ['key-numbers', { from: '2026-01-01' }, 'to'],
    ['key-numbers', { from: '2026-02-30', to: '2026-03-01' }, 'from'],
    ['key-numbers', { from: '2026-03-01', to: '2026-02-01' }, 'to'],
    ['key-numbers', { from: '2000-01-01', to: '2026-01-01' }, 'to'],
    ['key-numbers', { from: '2026-01-01', to: '2026-03-31', ownerId: 'me' }, 'ownerId'],
    ['stage-conversion', { from: '2026-01-01', to: '2026-03-31', mode: 'sideways' }, 'mode'],
    ['trends', { from: '2026-01-01', to: '2026-03-31', unit: 'day' }, 'unit'],
    ['trends', { from: '2020-01-01', to: '2026-03-31', unit: 'week' }, 'unit'],
    ['board-at', { at: 'yesterday' }, 'at'],
    ['board-at', {}, 'at'],
    ['waterfall.csv', { from: '2026-01-01', to: '2026-03-31', lang: 'fr' }, 'lang'],
  ])('%s with %j names %s', async (path, query, field) => {
    const res = await f.api.get(url(path, query as Record<string, string>));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(field);
  });

  it('names a missing pipeline, and a qualification stage that is not an open one', async () => {
    const missing = await f.api.get('/api/v1/analytics/waterfall?from=2026-01-01&to=2026-01-31');
    expect([missing.status, missing.body.error.field]).toEqual([400, 'pipelineId']);
    const won = await f.api.get(
      url('key-numbers', { ...everything(), qualificationStageId: f.stage('Won').id }),
    );
    expect([won.status, won.body.error.field]).toEqual([400, 'qualificationStageId']);
    const vi = await f.t.app.inject({
      url: url('key-numbers', { from: '2026-03-01', to: '2026-02-01' }),
      headers: { ...f.admin.headers, 'accept-language': 'vi' },
    });
    expect(JSON.parse(vi.body).error.message).toContain('không được trước ngày bắt đầu');
  });
});

describe('CSV', () => {
  const csv = async (path: string, query: Record<string, string>) => {
    const res = await f.t.app.inject({ url: url(path, query), headers: f.admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${path}"`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    return res.body.slice(1).split('\r\n');
  };

  it('writes the key numbers as metric, currency, value in major units', async () => {
    const lines = await csv('key-numbers.csv', { from: '2026-01-01', to: '2026-03-31' });
    expect(lines[0]).toBe('Metric,Currency,Value');
    expect(lines).toContain('Deals created,,5');
    expect(lines).toContain('Win rate,,1');
    expect(lines).toContain('Close rate,,0.5');
    expect(lines).toContain('Won value,USD,30.00');
    expect(lines).toContain('Open value at period end,USD,70.00');
    expect(lines).toContain('Weighted open value at period end,VND,1500000');
    expect(lines).toContain('Sales velocity (per day),USD,');
    const vi = await csv('key-numbers.csv', { from: '2026-01-01', to: '2026-03-31', lang: 'vi' });
    expect(vi[0]).toBe('Chỉ số,Tiền tệ,Giá trị');
    expect(vi).toContain('Giao dịch tạo mới,,5');
  });

  it('writes the waterfall with the deal ids behind each bar, and the other reports', async () => {
    const { A, B } = f.deals;
    const lines = await csv('waterfall.csv', { from: '2026-04-02', to: f.tomorrow });
    expect(lines[0]).toBe('Currency,Bar,Amount,Deals,Deal IDs');
    expect(lines).toContain(`USD,Won,10.00,1,${A.id}`);
    expect(lines).toContain(`USD,Lost,20.00,1,${B.id}`);
    expect(lines).toContain('VND,Increases,1000000,1,' + f.deals.C.id);

    const conversion = await csv('stage-conversion.csv', everything());
    expect(conversion[0]).toBe(
      'Stage,Reached,Conversion to next,Completed stays,Median days in stage,' +
        '75th percentile days in stage,Weakest stage',
    );
    expect(conversion[2]).toMatch(/^Qualified,5,0\.6,2,[\d.e-]+,[\d.e-]+,yes$/);
    const active = await csv('stage-conversion.csv', { ...everything(), mode: 'active' });
    expect(active[1]).toMatch(/^Lead,3,2,0,0,0,0,1,2,/);

    const board = await csv('board-at.csv', { at: '2026-04-15T00:00:00.000Z' });
    expect(board).toEqual([
      'Stage,Deals,Currency,Value',
      'Lead,3,USD,70.00',
      'Qualified,1,VND,5000000',
      'Proposal,1,USD,5.00',
      '',
    ]);
    const trends = await csv('trends.csv', { from: '2026-01-01', to: '2026-02-28' });
    expect(trends[0]).toBe('From,To,Metric,Currency,Value');
    expect(trends).toContain('2026-02-01,2026-02-28,Deals won,,1');
    expect(trends).toContain('2026-01-01,2026-01-31,Deals created,,2');
  });
});
