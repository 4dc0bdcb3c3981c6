import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsFixture, type ChannelsFixture } from '../helpers/channels-fixture.js';
import { createTestApp } from '../helpers/test-app.js';

// The story is in test/helpers/channels-fixture.ts. In March the admin won D1 ($1,000 on the
// 10th at 25,000 ₫), D3 (€200, no rate) and D5 (2,000,000 ₫) and lost D9; the rep won D7 ($200
// on the 12th at 26,000 ₫). Open on 31 March (26,000 ₫): the admin's D2 $500, D6 $100 and D8 $50
// in Lead (10%), the rep's D10 $1,000 in Proposal (60%). Every win was created already won.
let f: ChannelsFixture;

beforeAll(async () => {
  f = await channelsFixture(await createTestApp());
});
afterAll(() => f?.t.close());

const url = (path: string, query: Record<string, string>) =>
  `/api/v1/analytics/${path}?${new URLSearchParams({ pipelineId: f.pipeline.id, ...query })}`;
const get = async (query: Record<string, string>, caller = f.api) => {
  const res = await caller.get(url('leaderboard', query));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const vnd = (total: number) => ({ total, unconverted: [], unconvertedCount: 0 });
const eurApart = { unconverted: [{ currency: 'EUR', minor: 20_000, firstDate: '2026-03-20' }] };

const admin = () => ({
  id: f.admin.id,
  name: 'Admin',
  won: 3,
  lost: 1,
  winRate: 0.75,
  wonValue: { total: 25_000_000 + 2_000_000, ...eurApart, unconvertedCount: 1 },
  cycleDays: 0,
  openCount: 3,
  openWeighted: vnd((50 + 10 + 5) * 26_000),
});
const rep = () => ({
  id: f.rep.id,
  name: 'Rep',
  won: 1,
  lost: 0,
  winRate: 1,
  wonValue: vnd(5_200_000),
  cycleDays: 0,
  openCount: 1,
  openWeighted: vnd(600 * 26_000),
});
const names = (r: { rows: { name: string }[] }) => r.rows.map((row) => row.name);

describe('leaderboard', () => {
  it('ranks owners by won value in the workspace currency', async () => {
    const r = await get(MARCH);
    expect([r.baseCurrency, r.by, r.sort]).toEqual(['VND', 'owner', 'wonValue']);
    expect(r.rows).toEqual([admin(), rep()]);
  });

  it('sorts by each figure: highest first, the shortest cycle first, ties by name', async () => {
    expect(names(await get({ ...MARCH, sort: 'openWeighted' }))).toEqual(['Rep', 'Admin']);
    expect(names(await get({ ...MARCH, sort: 'winRate' }))).toEqual(['Rep', 'Admin']);
    expect(names(await get({ ...MARCH, sort: 'won' }))).toEqual(['Admin', 'Rep']);
    expect(names(await get({ ...MARCH, sort: 'cycleDays' }))).toEqual(['Admin', 'Rep']);
  });

  it('adds up teams, an owner counting in each of their teams', async () => {
    const north = await f.api.post('/api/v1/teams', {
      name: 'North',
      memberIds: [f.admin.id, f.rep.id],
    });
    const solo = await f.api.post('/api/v1/teams', { name: 'Solo', memberIds: [f.rep.id] });
    expect([north.status, solo.status]).toEqual([201, 201]);
    const r = await get({ ...MARCH, by: 'team' });
    expect(r.rows).toEqual([
      {
        id: north.body.id,
        name: 'North',
        won: 4,
        lost: 1,
        winRate: 0.8,
        wonValue: { total: 32_200_000, ...eurApart, unconvertedCount: 1 },
        cycleDays: 0,
        openCount: 4,
        openWeighted: vnd(665 * 26_000),
      },
      { ...rep(), id: solo.body.id, name: 'Solo' },
    ]);
    const onlySolo = await get({ ...MARCH, by: 'team', teamId: solo.body.id });
    expect(names(onlySolo)).toEqual(['Solo']);
  });

  it('is empty for a period without closings or open deals', async () => {
    expect((await get({ from: '2025-01-01', to: '2025-01-31' })).rows).toEqual([]);
  });

  it('shows a rep under "own" only their own row', async () => {
    const settings = (await f.api.get('/api/v1/workspace')).body;
    const own = await f.api.patch('/api/v1/workspace', {
      version: settings.version,
      dealVisibility: 'own',
    });
    expect(own.status).toBe(200);
    try {
      expect((await get(MARCH, f.repApi)).rows).toEqual([rep()]);
      expect((await get({ ...MARCH, ownerId: f.admin.id }, f.repApi)).rows).toEqual([]);
    } finally {
      await f.api.patch('/api/v1/workspace', { version: own.body.version, dealVisibility: 'all' });
    }
  });

  it('writes the leaderboard as CSV', async () => {
    const res = await f.t.app.inject({
      url: url('leaderboard.csv', MARCH),
      headers: f.admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Owner,Deals won,Deals lost,Win rate,Won value (VND),Won value without a rate,Mean sales cycle (days),Open deals at period end,Weighted open value (VND),Weighted open value without a rate',
    );
    expect(lines[1]).toBe('Admin,3,1,0.75,27000000,EUR 200.00,0,3,1690000,');
    expect(lines[2]).toBe('Rep,1,0,1,5200000,,0,1,15600000,');
  });

  it.each([
    [{ ...MARCH, by: 'pipeline' }, 'by'],
    [{ ...MARCH, sort: 'name' }, 'sort'],
    [{ from: '2026-03-01' }, 'to'],
  ])('with %j names %s', async (query, field) => {
    const res = await f.api.get(url('leaderboard', query));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  // Last: it wins a deal now.
  it('measures the cycle from creation to the win, at the rate of the win’s date', async () => {
    const { D2 } = f.deals;
    const moved = await f.api.post(`/api/v1/deals/${D2.id}/move`, { stageId: f.stageId('Won') });
    expect(moved.status).toBe(200);
    const wonAt = Date.parse(moved.body.stageEnteredAt);
    const r = await get({ from: '2026-03-01', to: f.tomorrow });
    const row = r.rows.find((x: { id: string }) => x.id === f.admin.id);
    expect([row.won, row.lost]).toEqual([4, 1]);
    // D2's $500 at the latest rate (26,000 from 11 March).
    expect(row.wonValue.total).toBe(25_000_000 + 13_000_000 + 2_000_000);
    expect(row.cycleDays).toBeCloseTo((wonAt - Date.parse(D2.createdAt)) / 86_400_000 / 4, 9);
  });
});
