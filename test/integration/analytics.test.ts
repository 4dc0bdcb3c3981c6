import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistories } from '../../src/server/modules/analytics/history.repository.js';
import { analyticsFixture, type AnalyticsFixture } from '../helpers/analytics-fixture.js';
import { createTestApp } from '../helpers/test-app.js';

// The story (test/helpers/analytics-fixture.ts), in Ho Chi Minh City time, pipeline "Analytics"
// (Lead 10%, Qualified 30%, Proposal 60%, Won, Lost):
//   A  10 Jan, Lead, 1,000 USD      now: Qualified, Proposal, Won
//   B  20 Jan, Lead, 2,000 USD      now: Qualified, Lost
//   C   5 Feb, Qualified, 5,000,000 VND   now: value 6,000,000
//   D  10 Feb, created straight into Won, 3,000 USD
//   E  31 Mar 23:30, Lead, 4,000 USD (the rep's)
//   F   1 Apr 00:30, Proposal, 500 USD (the rep's; still 31 March in UTC)
//   G   1 Feb in the Sales pipeline, 700 USD   now: moved into Analytics/Qualified
let f: AnalyticsFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await analyticsFixture(await createTestApp());
});
afterAll(() => f?.t.close());

const get = async (path: string, query: Record<string, string>, caller = f.api) => {
  const res = await caller.get(
    `/api/v1/analytics/${path}?${new URLSearchParams({ pipelineId: f.pipeline.id, ...query })}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const everything = () => ({ from: '2026-01-01', to: f.tomorrow });

describe('key numbers', () => {
  it('counts the first quarter in the workspace’s zone', async () => {
    const k = await get('key-numbers', Q1);
    expect(k.timeZone).toBe('Asia/Ho_Chi_Minh');
    // The quarter starts at 17:00 UTC on the last day of the quarter before.
    expect(k.period).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-03-31T17:00:00.000Z',
    });
    expect(k.qualificationStageId).toBe(f.stage('Qualified').id);
    // A, B, C, D, E (F is April in the zone, G was created in Sales); D was won at creation.
    expect([k.created, k.won, k.lost, k.winRate]).toEqual([5, 1, 0, 1]);
    // C (created in Qualified) and D (won) reached Qualified in the quarter; D is won.
    expect(k.closeRate).toEqual({ qualified: 2, won: 1, rate: 0.5 });
    expect(k.wonValue).toEqual([
      { currency: 'USD', count: 1, total: 3000, mean: 3000, median: 3000 },
    ]);
    expect(k.cycleDays).toEqual({ median: 0, mean: 0 });
    // Open at the end: A, B, E in Lead (10%), C in Qualified (30%).
    expect(k.openAtEnd).toEqual([
      { currency: 'USD', count: 3, total: 7000, weighted: 100 + 200 + 400 },
      { currency: 'VND', count: 1, total: 5_000_000, weighted: 1_500_000 },
    ]);
    // Every win was created already won: a mean cycle of 0 leaves velocity empty.
    expect(k.velocity).toEqual([
      { currency: 'USD', perDay: null },
      { currency: 'VND', perDay: null },
    ]);
  });

  it('puts a deal created at 00:30 local on 1 April into April, not March', async () => {
    expect((await get('key-numbers', { from: '2026-03-01', to: '2026-03-31' })).created).toBe(1);
    expect((await get('key-numbers', { from: '2026-04-01', to: '2026-04-30' })).created).toBe(1);
  });

  it('counts the moves, wins and losses made now over the whole history', async () => {
    const { A } = f.deals;
    const k = await get('key-numbers', everything());
    expect([k.created, k.won, k.lost, k.winRate]).toEqual([6, 2, 1, 2 / 3]);
    // Reached Qualified: A, B (moved), C, D (won), F (created in Proposal), G (moved in).
    expect(k.closeRate).toEqual({ qualified: 6, won: 2, rate: 2 / 6 });
    expect(k.wonValue).toEqual([
      { currency: 'USD', count: 2, total: 4000, mean: 2000, median: 2000 },
    ]);
    const cycleA = (f.at.a3 - Date.parse(A.createdAt)) / DAY;
    expect(k.cycleDays.median).toBeCloseTo(cycleA / 2, 9);
    expect(k.cycleDays.mean).toBeCloseTo(cycleA / 2, 9);
    // Open now: E (Lead), G (Qualified), F (Proposal) in USD; C (Qualified) in VND.
    expect(k.openAtEnd).toEqual([
      { currency: 'USD', count: 3, total: 5200, weighted: 400 + 210 + 300 },
      { currency: 'VND', count: 1, total: 6_000_000, weighted: 1_800_000 },
    ]);
    // 3 open x 2/3 win rate x 2,000 average won / mean cycle.
    const usd = k.velocity.find((v: { currency: string }) => v.currency === 'USD');
    expect(usd.perDay).toBeCloseTo((3 * (2 / 3) * 2000) / (cycleA / 2), 6);
    expect(k.velocity).toContainEqual({ currency: 'VND', perDay: null });
  });

  it('narrows by owner, team and source', async () => {
    const byOwner = await get('key-numbers', { ...Q1, ownerId: f.rep.id });
    expect([byOwner.created, byOwner.openAtEnd]).toEqual([
      1,
      [{ currency: 'USD', count: 1, total: 4000, weighted: 400 }],
    ]);
    const team = await f.api.post('/api/v1/teams', { name: 'Reps', memberIds: [f.rep.id] });
    expect(team.status).toBe(201);
    const byTeam = await get('key-numbers', { ...everything(), teamId: team.body.id });
    expect([byTeam.created, byTeam.won, byTeam.openAtEnd[0].total]).toEqual([2, 0, 4500]);
    const bySource = await get('key-numbers', { ...Q1, source: 'Referral' });
    expect([bySource.created, bySource.won]).toEqual([2, 0]);
  });
});

describe('trends', () => {
  it('gives the key numbers per month, and cuts the edge buckets to the period', async () => {
    const months = await get('trends', { from: '2026-01-01', to: '2026-04-30', unit: 'month' });
    expect(
      months.buckets.map((b: { from: string; to: string; created: number; won: number }) => [
        b.from,
        b.to,
        b.created,
        b.won,
      ]),
    ).toEqual([
      ['2026-01-01', '2026-01-31', 2, 0],
      ['2026-02-01', '2026-02-28', 2, 1],
      ['2026-03-01', '2026-03-31', 1, 0],
      ['2026-04-01', '2026-04-30', 1, 0],
    ]);
    expect(months.buckets[1].start).toBe('2026-01-31T17:00:00.000Z');
    const cut = await get('trends', { from: '2026-01-15', to: '2026-02-10', unit: 'month' });
    expect(
      cut.buckets.map((b: { from: string; to: string; created: number }) => [
        b.from,
        b.to,
        b.created,
      ]),
    ).toEqual([
      ['2026-01-15', '2026-01-31', 1],
      ['2026-02-01', '2026-02-10', 2],
    ]);
    // Every bucket says what the key numbers of its days say.
    const weeks = await get('trends', { from: '2026-01-01', to: '2026-04-30', unit: 'week' });
    const weekCreated = weeks.buckets.map((b: { created: number }) => b.created);
    expect(weekCreated.reduce((n: number, c: number) => n + c, 0)).toBe(6);
    for (const b of [
      ...months.buckets,
      ...weeks.buckets.filter((w: { created: number }) => w.created),
    ]) {
      const k = await get('key-numbers', { from: b.from, to: b.to });
      const values = [
        'created',
        'won',
        'lost',
        'winRate',
        'closeRate',
        'wonValue',
        'cycleDays',
        'openAtEnd',
        'velocity',
      ] as const;
      const pick = (r: Record<string, unknown>) => values.map((v) => r[v]);
      expect(pick(b), `${b.from}..${b.to}`).toEqual(pick(k));
    }
    const quarters = await get('trends', { ...everything(), unit: 'quarter' });
    const total = quarters.buckets.reduce((n: number, b: { created: number }) => n + b.created, 0);
    expect(total).toBe(6);
  });
});

describe('stage conversion', () => {
  it('follows the cohort created in the period through the stages, and flags the weakest', async () => {
    const r = await get('stage-conversion', everything());
    expect(r.mode).toBe('cohort');
    // Cohort A-F. Lead: all six; Qualified: A, B, C, D (won), F; Proposal: A, D, F; Won: A, D.
    expect(
      r.stages.map((s: { name: string; reached: number; conversionToNext: number | null }) => [
        s.name,
        s.reached,
        s.conversionToNext,
      ]),
    ).toEqual([
      ['Lead', 6, 5 / 6],
      ['Qualified', 5, 3 / 5],
      ['Proposal', 3, 2 / 3],
      ['Won', 2, null],
      ['Lost', 1, null],
    ]);
    expect(r.weakestStageId).toBe(f.stage('Qualified').id);
    // Completed stays: Lead by A and B, Qualified by A and B, Proposal by A.
    const { A, B } = f.deals;
    const lead = [
      (f.at.a1 - Date.parse(A.createdAt)) / DAY,
      (f.at.b1 - Date.parse(B.createdAt)) / DAY,
    ].sort((x, y) => x - y);
    const [low, high] = lead as [number, number];
    const time = r.stages[0].time;
    expect(time.visits).toBe(2);
    expect(time.median).toBeCloseTo((low + high) / 2, 9);
    expect(time.p75).toBeCloseTo(low + 0.75 * (high - low), 9);
    expect(r.stages[2].time.visits).toBe(1);
    expect(r.stages[2].time.median).toBeCloseTo((f.at.a3 - f.at.a2) / DAY, 9);
    expect(r.stages[3].time).toBeNull();
  });

  it('in active mode, tells what happened to the deals that sat in each stage', async () => {
    const r = await get('stage-conversion', { ...everything(), mode: 'active' });
    expect(r.stages.map((s: { reached: number | null }) => s.reached)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // Lead: A, B forward, E stayed. Qualified: A forward, B lost, C and G stayed.
    // Proposal: A won, F stayed.
    expect(r.stages.slice(0, 3).map((s: { active: unknown }) => s.active)).toEqual([
      { deals: 3, forward: 2, back: 0, won: 0, lost: 0, movedOut: 0, stayed: 1 },
      { deals: 4, forward: 1, back: 0, won: 0, lost: 1, movedOut: 0, stayed: 2 },
      { deals: 2, forward: 0, back: 0, won: 1, lost: 0, movedOut: 0, stayed: 1 },
    ]);
    expect(r.stages[3].active).toBeNull();
    expect(r.weakestStageId).toBe(f.stage('Qualified').id);
  });
});

describe('waterfall and time travel', () => {
  it('explains the change of open value from 2 April to now, with the deals per bar', async () => {
    const { A, B, C, E, F, G } = f.deals;
    const r = await get('waterfall', { from: '2026-04-02', to: f.tomorrow });
    const bars = (currency: string) =>
      Object.fromEntries(
        r.currencies
          .find((c: { currency: string }) => c.currency === currency)
          .bars.filter((b: { amount: number }) => b.amount > 0)
          .map((b: { bar: string; amount: number; dealIds: string[] }) => [
            b.bar,
            [b.amount, b.dealIds],
          ]),
      );
    const ids = (...deals: { id: string }[]) => deals.map((d) => d.id).sort();
    expect(bars('USD')).toEqual({
      start: [1000 + 2000 + 4000 + 500, ids(A, B, E, F)],
      movedIn: [700, ids(G)],
      won: [1000, ids(A)],
      lost: [2000, ids(B)],
      end: [4000 + 500 + 700, ids(E, F, G)],
    });
    expect(bars('VND')).toEqual({
      start: [5_000_000, ids(C)],
      increases: [1_000_000, ids(C)],
      end: [6_000_000, ids(C)],
    });
    expect(r.deals.map((d: { id: string }) => d.id).sort()).toEqual(ids(A, B, C, E, F, G));
  });

  it('shows deals created in the period as New, at their value when they stopped counting', async () => {
    const { A, B, C, E } = f.deals;
    const r = await get('waterfall', Q1);
    const usd = r.currencies[0];
    expect(usd.currency).toBe('USD');
    const bar = (name: string) => usd.bars.find((b: { bar: string }) => b.bar === name);
    expect(bar('start')).toEqual({ bar: 'start', amount: 0, dealCount: 0, dealIds: [] });
    expect(bar('new')).toEqual({
      bar: 'new',
      amount: 7000,
      dealCount: 3,
      dealIds: [A.id, B.id, E.id].sort(),
    });
    expect(bar('won').amount).toBe(0); // D was created already won: it never counted.
    expect(r.currencies[1].bars.find((b: { bar: string }) => b.bar === 'new').dealIds).toEqual([
      C.id,
    ]);
  });

  it('shows the board as it stood in mid-April, and as it stands now', async () => {
    const board = async (at: string) =>
      (await get('board-at', { at })).columns.map(
        (c: { name: string; count: number; totals: unknown[] }) => [c.name, c.count, c.totals],
      );
    expect(await board('2026-04-15T00:00:00.000Z')).toEqual([
      ['Lead', 3, [{ currency: 'USD', value: 7000 }]],
      ['Qualified', 1, [{ currency: 'VND', value: 5_000_000 }]],
      ['Proposal', 1, [{ currency: 'USD', value: 500 }]],
    ]);
    expect(await board(new Date().toISOString())).toEqual([
      ['Lead', 1, [{ currency: 'USD', value: 4000 }]],
      [
        'Qualified',
        2,
        [
          { currency: 'USD', value: 700 },
          { currency: 'VND', value: 6_000_000 },
        ],
      ],
      ['Proposal', 1, [{ currency: 'USD', value: 500 }]],
    ]);
    expect(await board('2025-12-31T00:00:00.000Z')).toEqual([
      ['Lead', 0, []],
      ['Qualified', 0, []],
      ['Proposal', 0, []],
    ]);
  });
});

describe('the history loader', () => {
  it('skips deals closed for good before the window, and keeps all that changed in it', async () => {
    const { A, B, C, D, E, F, G } = f.deals;
    const ids = async (from: string, until: string) =>
      (
        await loadHistories(
          f.t.db,
          { workspaceId: f.workspaceId, owners: null },
          { pipelineId: f.pipeline.id },
          { from: new Date(from), until: new Date(until) },
        )
      )
        .map((h) => h.dealId)
        .sort();
    const now = new Date(Date.now() + 1000).toISOString();
    // D was won at creation on 10 February and has not changed since.
    expect(await ids('2026-04-01T00:00:00Z', now)).toEqual(
      [A, B, C, E, F, G].map((d) => d.id).sort(),
    );
    expect(await ids('2026-01-01T00:00:00Z', now)).toContain(D.id);
    // By 15 January only A (created on the 10th) existed.
    expect(await ids('2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z')).toEqual([A.id]);
  });
});
