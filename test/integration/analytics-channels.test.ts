import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelsFixture, type ChannelsFixture } from '../helpers/channels-fixture.js';
import { createTestApp } from '../helpers/test-app.js';

// The story is in test/helpers/channels-fixture.ts: March 2026 in Ho Chi Minh City, workspace
// currency VND, USD at 25,000 ₫ from 1 March and 26,000 ₫ from 11 March, EUR without a rate.
let f: ChannelsFixture;

beforeAll(async () => {
  f = await channelsFixture(await createTestApp());
});
afterAll(() => f?.t.close());

const url = (path: string, query: Record<string, string>) =>
  `/api/v1/analytics/${path}?${new URLSearchParams({ pipelineId: f.pipeline.id, ...query })}`;
const get = async (path: string, query: Record<string, string>, caller = f.api) => {
  const res = await caller.get(url(path, query));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const none = { unconverted: [], unconvertedCount: 0 };
const vnd = (total: number) => ({ total, ...none });
const eurApart = (minor: number, firstDate: string) => ({
  unconverted: [{ currency: 'EUR', minor, firstDate }],
  unconvertedCount: 1,
});

describe('channels', () => {
  it('counts leads, deals, won value and spend per channel, case-insensitively', async () => {
    const r = await get('channels', MARCH);
    expect(r.baseCurrency).toBe('VND');
    expect(r.period.start).toBe('2026-02-28T17:00:00.000Z');
    expect(r.channels).toEqual([
      {
        // Spelled as in the spend; leads "Ads", "ads", " ADS " and deals "ADS" are the same.
        channel: 'Ads',
        // The lead at the first instant of March and the rep's; not the one of 28 February.
        leadsCreated: 3,
        // Created in February, converted in March.
        leadsQualified: 1,
        dealsCreated: 4,
        dealsWon: 3,
        // D1 $1,000 on 10 March at 25,000 + D7 $200 on 12 March at 26,000; D3's €200 apart.
        wonValue: { total: 25_000_000 + 5_200_000, ...eurApart(20_000, '2026-03-20') },
        // $400 at the rate of 1 March; February's spend does not count.
        spend: vnd(10_000_000),
        costPerLead: 10_000_000 / 3,
        costPerWonDeal: 10_000_000 / 3,
        // The won value leaves an amount out, so the return has no answer.
        returnOnSpend: null,
      },
      {
        channel: 'Events',
        leadsCreated: 0,
        leadsQualified: 0,
        dealsCreated: 2,
        dealsWon: 0,
        wonValue: vnd(0),
        spend: null,
        costPerLead: null,
        costPerWonDeal: null,
        returnOnSpend: null,
      },
      {
        channel: 'Print',
        leadsCreated: 0,
        leadsQualified: 0,
        dealsCreated: 0,
        dealsWon: 0,
        wonValue: vnd(0),
        spend: { total: 0, ...eurApart(10_000, '2026-03-01') },
        costPerLead: null,
        costPerWonDeal: null,
        returnOnSpend: null,
      },
      {
        channel: 'Referral',
        // Created at the last millisecond of March; converted at the first of April.
        leadsCreated: 1,
        leadsQualified: 0,
        // D5 won at 23:30 on 31 March local counts; D4 at 23:30 on 28 February does not.
        dealsCreated: 1,
        dealsWon: 1,
        wonValue: vnd(2_000_000),
        spend: vnd(1_000_000),
        costPerLead: 1_000_000,
        costPerWonDeal: 1_000_000,
        returnOnSpend: (2_000_000 - 1_000_000) / 1_000_000,
      },
      {
        channel: 'Webinars',
        leadsCreated: 0,
        leadsQualified: 0,
        dealsCreated: 0,
        dealsWon: 0,
        wonValue: vnd(0),
        spend: vnd(3_000_000),
        costPerLead: null,
        costPerWonDeal: null,
        returnOnSpend: -1,
      },
      {
        channel: null,
        leadsCreated: 1,
        leadsQualified: 0,
        // D8 and the rep's D10.
        dealsCreated: 2,
        dealsWon: 0,
        wonValue: vnd(0),
        spend: null,
        costPerLead: null,
        costPerWonDeal: null,
        returnOnSpend: null,
      },
    ]);
  });

  it('shows a channel with spend and nothing else, and nothing for an empty period', async () => {
    const april = await get('channels', { from: '2026-04-01', to: '2026-04-30' });
    expect(april.channels).toEqual([
      {
        channel: 'Referral',
        leadsCreated: 0,
        // Converted at 00:00 on 1 April local.
        leadsQualified: 1,
        dealsCreated: 0,
        dealsWon: 0,
        wonValue: vnd(0),
        spend: vnd(5_000_000),
        costPerLead: null,
        costPerWonDeal: null,
        returnOnSpend: -1,
      },
    ]);
    // A period from the 2nd counts no whole month: the spend of a month whose first day is
    // outside the period is left out.
    const late = await get('channels', { from: '2026-04-02', to: '2026-04-30' });
    expect(late.channels).toEqual([]);
    expect((await get('channels', { from: '2025-01-01', to: '2025-01-31' })).channels).toEqual([]);
  });

  it('narrows by owner, and shows a rep under "own" their deals and the leads they may see', async () => {
    const byRep = await get('channels', { ...MARCH, ownerId: f.rep.id });
    expect(
      byRep.channels.map((c: { channel: string; leadsCreated: number; dealsWon: number }) => [
        c.channel,
        c.leadsCreated,
        c.dealsWon,
      ]),
    ).toEqual([
      ['Ads', 1, 1],
      ['Print', 0, 0],
      ['Referral', 0, 0],
      ['Webinars', 0, 0],
      [null, 0, 0],
    ]);

    const settings = (await f.api.get('/api/v1/workspace')).body;
    const own = await f.api.patch('/api/v1/workspace', {
      version: settings.version,
      dealVisibility: 'own',
    });
    expect(own.status).toBe(200);
    try {
      const r = await get('channels', MARCH, f.repApi);
      const ads = r.channels.find((c: { channel: string }) => c.channel === 'Ads');
      // Leads: the unassigned one at the start of March and the rep's; the admin's is hidden.
      // Deals: D7 only.
      expect(ads).toEqual({
        channel: 'Ads',
        leadsCreated: 2,
        leadsQualified: 1,
        dealsCreated: 1,
        dealsWon: 1,
        wonValue: vnd(5_200_000),
        spend: vnd(10_000_000),
        costPerLead: 5_000_000,
        costPerWonDeal: 10_000_000,
        returnOnSpend: (5_200_000 - 10_000_000) / 10_000_000,
      });
      expect(r.channels.map((c: { channel: string }) => c.channel)).not.toContain('Events');
      const nothing = r.channels.find((c: { channel: string | null }) => c.channel === null);
      expect([nothing.leadsCreated, nothing.dealsCreated]).toEqual([1, 1]);
    } finally {
      await f.api.patch('/api/v1/workspace', { version: own.body.version, dealVisibility: 'all' });
    }
  });

  it('writes the channels as CSV in the workspace currency, in English and Vietnamese', async () => {
    const res = await f.t.app.inject({ url: url('channels.csv', MARCH), headers: f.admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="channels.csv"');
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Channel,Leads created,Leads qualified,Deals created,Deals won,Won value (VND),Won value without a rate,Marketing spend (VND),Spend without a rate,Cost per lead (VND),Cost per won deal (VND),Return on spend',
    );
    expect(lines).toContain('Referral,1,0,1,1,2000000,,1000000,,1000000,1000000,1');
    expect(lines).toContain('Print,0,0,0,0,0,,0,EUR 100.00,,,');
    expect(lines).toContain('(no source),1,0,2,0,0,,,,,,');
    const vi = await f.t.app.inject({
      url: url('channels.csv', { ...MARCH, lang: 'vi' }),
      headers: f.admin.headers,
    });
    expect(vi.body.slice(1).split('\r\n')[0]).toMatch(/^Kênh,Khách tiềm năng mới,/);
  });
});

describe('key numbers in the workspace currency', () => {
  it('adds totals converted at the rate of each date, with what has no rate apart', async () => {
    const k = await get('key-numbers', MARCH);
    expect(k.baseCurrency).toBe('VND');
    // Won: D1 $1,000 at 25,000, D7 $200 at 26,000, D5 2,000,000 ₫; D3's €200 apart.
    // Open on 31 March (26,000): D2 $500, D6 $100, D8 $50 in Lead (10%), D10 $1,000 in
    // Proposal (60%).
    expect(k.inBaseCurrency).toEqual({
      wonValue: { total: 25_000_000 + 5_200_000 + 2_000_000, ...eurApart(20_000, '2026-03-20') },
      openAtEnd: vnd(1_650 * 26_000),
      openWeighted: vnd((50 + 10 + 5 + 600) * 26_000),
    });
    // The per-currency figures stay as they were.
    expect(
      k.wonValue.map((w: { currency: string; total: number }) => [w.currency, w.total]),
    ).toEqual([
      ['EUR', 20_000],
      ['USD', 120_000],
      ['VND', 2_000_000],
    ]);
    const empty = await get('key-numbers', { from: '2025-01-01', to: '2025-01-31' });
    expect(empty.inBaseCurrency).toEqual({
      wonValue: vnd(0),
      openAtEnd: vnd(0),
      openWeighted: vnd(0),
    });
    const res = await f.t.app.inject({
      url: url('key-numbers.csv', MARCH),
      headers: f.admin.headers,
    });
    const lines = res.body.slice(1).split('\r\n');
    expect(lines).toContain('Won value in the workspace currency,VND,32200000');
    expect(lines).toContain('Won value without a rate (left out),EUR,200.00');
  });
});

describe('bad input', () => {
  it.each([
    ['channels', { to: '2026-03-31' }, 'from'],
    ['channels', { from: '2026-03-31', to: '2026-03-01' }, 'to'],
    ['channels', { ...MARCH, teamId: 'north' }, 'teamId'],
    ['channels.csv', { ...MARCH, lang: 'fr' }, 'lang'],
  ])('%s with %j names %s', async (path, query, field) => {
    const res = await f.api.get(url(path, query as Record<string, string>));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

// Last: it adds a deal.
describe('the date of a win', () => {
  it('is its local date in the report’s zone, whose rate converts it', async () => {
    // 00:30 on 11 March in Ho Chi Minh City, still 10 March in UTC: the rate of the 11th applies.
    const res = await f.api.post('/api/v1/deals', {
      title: 'Won after midnight',
      pipelineId: f.pipeline.id,
      stageId: f.stageId('Won'),
      createdAt: '2026-03-10T17:30:00.000Z',
      value: 10_000,
      currency: 'USD',
      source: 'Zones',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = await get('channels', MARCH);
    const zones = r.channels.find((c: { channel: string }) => c.channel === 'Zones');
    expect(zones.wonValue).toEqual(vnd(100 * 26_000));
  });
});
