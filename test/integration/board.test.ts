import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Column = {
  stage: { name: string };
  count: number;
  totals: Array<{ currency: string; value: number; weighted: number }>;
  deals: Array<{ title: string }>;
  nextCursor: string | null;
};

describe('the board', () => {
  it('counts, sums per currency and weights by probability, rounding once per stage', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const sales = await salesPipeline(api);
    const qualification = sales.stage('Qualification').id; // 20 %
    await dealFactory(api, { stageId: qualification, value: 333, currency: 'USD' });
    await dealFactory(api, { stageId: qualification, value: 333, currency: 'USD' });
    await dealFactory(api, { stageId: qualification, value: 50_000_000, currency: 'VND' });
    await dealFactory(api, {
      stageId: qualification,
      value: 1000,
      currency: 'USD',
      probability: 55,
    });
    const board = (await api.get(`/api/v1/pipelines/${sales.id}/board`)).body;
    const column: Column = board.columns.find((c: Column) => c.stage.name === 'Qualification');
    expect(column.count).toBe(4);
    // USD: 333*20 + 333*20 + 1000*55 = 68_320 -> /100 = 683.2 -> 683 (one rounding, not 67+67+550 = 684).
    expect(column.totals).toEqual([
      { currency: 'USD', value: 1666, weighted: 683 },
      { currency: 'VND', value: 50_000_000, weighted: 10_000_000 },
    ]);
    expect(board.columns.map((c: Column) => c.stage.name)).toEqual(sales.stages.map((s) => s.name));
    const empty: Column = board.columns.find((c: Column) => c.stage.name === 'Proposal');
    expect(empty).toMatchObject({ count: 0, totals: [], deals: [], nextCursor: null });
  });

  it('pages a column with its cursor, with no deal lost or repeated', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const sales = await salesPipeline(api);
    for (let i = 0; i < 12; i++) await dealFactory(api, { title: `P${i}` });
    const board = (await api.get(`/api/v1/pipelines/${sales.id}/board?limit=5`)).body;
    const first: Column = board.columns[0];
    expect(first.count).toBe(12);
    const titles = first.deals.map((d) => d.title);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (
        await api.get(
          `/api/v1/pipelines/${sales.id}/stages/${sales.stage('Prospecting').id}/deals?limit=5&cursor=${cursor}`,
        )
      ).body;
      titles.push(...page.data.map((d: { title: string }) => d.title));
      cursor = page.nextCursor;
    }
    expect(titles).toEqual(Array.from({ length: 12 }, (_, i) => `P${11 - i}`));
  });

  it('applies filters to counts and totals alike, and 404s another workspace’s pipeline', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const sales = await salesPipeline(api);
    await dealFactory(api, { title: 'Web deal', source: 'Website', value: 100 });
    await dealFactory(api, { title: 'Event deal', source: 'Event', value: 900 });
    const board = (await api.get(`/api/v1/pipelines/${sales.id}/board?source=Event`)).body;
    expect(board.columns[0]).toMatchObject({
      count: 1,
      totals: [{ currency: 'USD', value: 900, weighted: 90 }],
    });
    const stranger = await workspaceFactory(t.db);
    expect(
      (await apiAs(t.app, stranger.admin.headers).get(`/api/v1/pipelines/${sales.id}/board`))
        .status,
    ).toBe(404);
  });
});
