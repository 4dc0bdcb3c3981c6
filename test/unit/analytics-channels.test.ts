import { describe, expect, it } from 'vitest';
import { channelKey, channels, spendMonthCounts } from '../../src/domain/analytics/channels.js';
import { inBase } from '../../src/domain/analytics/in-base.js';
import { leaderboard, sortLeaders } from '../../src/domain/analytics/leaderboard.js';
import { rateTable } from '../../src/domain/exchange.js';
import { Deal, STAGES, t } from './analytics-fixtures.js';
import { MARCH } from './analytics-story.js';

// Base VND; USD at 25,000 from 1 March, 26,000 from 15 March. UTC days, so dates are plain.
const conversion = {
  base: 'VND',
  rates: rateTable([
    { currency: 'USD', date: '2026-03-01', rate: '25000' },
    { currency: 'USD', date: '2026-03-15', rate: '26000' },
  ]),
};
const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);
const days = { from: '2026-03-01', to: '2026-03-31' };

describe('channel keys and spend months', () => {
  it('matches sources without regard to case or edge spaces; blank is no source', () => {
    expect(channelKey(' Google Ads ')).toBe(channelKey('google ADS'));
    expect([channelKey(''), channelKey('  '), channelKey(null)]).toEqual([null, null, null]);
  });

  it('counts a month when its first day lies within the period', () => {
    expect(spendMonthCounts('2026-03-01', days)).toBe(true);
    expect(spendMonthCounts('2026-02-01', days)).toBe(false);
    expect(spendMonthCounts('2026-03-01', { from: '2026-03-02', to: '2026-04-30' })).toBe(false);
    expect(spendMonthCounts('2026-04-01', { from: '2026-03-02', to: '2026-04-01' })).toBe(true);
  });
});

describe('inBase', () => {
  it('counts the amounts it leaves out, beside their sum per currency', () => {
    const money = inBase(
      [
        { minor: 100, currency: 'USD', date: '2026-02-27' },
        { minor: 200, currency: 'USD', date: '2026-02-28' },
        { minor: 100, currency: 'USD', date: '2026-03-01' },
        { minor: 7, currency: 'VND', date: '2020-01-01' },
      ],
      conversion,
    );
    expect(money).toEqual({
      total: 25_000 + 7,
      unconverted: [{ currency: 'USD', minor: 300, firstDate: '2026-02-27' }],
      unconvertedCount: 2,
    });
  });
});

describe('channels', () => {
  const deals = [
    { history: new Deal('A', '2026-03-02T09:00:00Z', 'won', 10_000).build(), source: 'Ads' },
    { history: new Deal('B', '2026-03-20T09:00:00Z', 'won', 10_000).build(), source: 'ADS ' },
    { history: new Deal('C', '2026-02-20T09:00:00Z', 'lead', 500).build(), source: 'ads' },
    // Won in pipeline Q: not this pipeline's win, nor created here.
    { history: new Deal('H', '2026-03-03T09:00:00Z', 'qwon', 999).build(), source: 'Ads' },
  ];
  const leads = [
    { source: 'ads', createdAt: t('2026-03-01T00:00:00Z'), convertedAt: t('2026-03-05T00:00:00Z') },
    { source: 'Ads', createdAt: t('2026-04-01T00:00:00Z'), convertedAt: null },
  ];
  const input = { deals, leads, pipelineId: 'P', period: MARCH, days, dateOf, conversion };

  it('converts each win at the rate of its date and divides by leads and wins', () => {
    const [ads] = channels({
      ...input,
      spend: [{ channel: 'Ads', month: '2026-03-01', minor: 20_000, currency: 'USD' }],
    });
    // A: $100 at 25,000; B: $100 at 26,000. Spend $200 at the rate of 1 March = 5,000,000.
    expect(ads).toMatchObject({
      channel: 'Ads',
      leadsCreated: 1,
      leadsQualified: 1,
      dealsCreated: 2,
      dealsWon: 2,
      wonValue: { total: 2_500_000 + 2_600_000, unconvertedCount: 0 },
      spend: { total: 5_000_000 },
      costPerLead: 5_000_000,
      costPerWonDeal: 2_500_000,
      returnOnSpend: (5_100_000 - 5_000_000) / 5_000_000,
    });
  });

  it('answers null, not zero, without spend, with a zero spend or a spend without a rate', () => {
    const [noSpend] = channels({ ...input, spend: [] });
    expect(noSpend).toMatchObject({ spend: null, costPerLead: null, returnOnSpend: null });
    expect(noSpend?.channel).toBe('ADS');
    const [free] = channels({
      ...input,
      spend: [{ channel: 'ADS', month: '2026-03-01', minor: 0, currency: 'VND' }],
    });
    expect(free).toMatchObject({ costPerLead: 0, costPerWonDeal: 0, returnOnSpend: null });
    const [unknown] = channels({
      ...input,
      spend: [{ channel: 'Ads', month: '2026-03-01', minor: 100, currency: 'EUR' }],
    });
    expect(unknown).toMatchObject({
      spend: { total: 0, unconvertedCount: 1 },
      costPerLead: null,
      costPerWonDeal: null,
      returnOnSpend: null,
    });
  });
});

describe('leaderboard', () => {
  it('credits a win to the owner at that instant, not the owner now', () => {
    const handed = new Deal('A', '2026-03-02T09:00:00Z', 'lead', 10_000)
      .move('2026-03-10T09:00:00Z', 'won')
      .owner('2026-03-12T09:00:00Z', 'u2')
      .build();
    const open = new Deal('B', '2026-03-02T09:00:00Z', 'prop', 10_000).build();
    const rows = leaderboard({
      histories: [handed, open],
      pipelineId: 'P',
      period: MARCH,
      stages: STAGES,
      dateOf,
      conversion,
      rowsOf: (ownerId) => [ownerId],
    });
    expect(rows).toEqual([
      {
        key: 'u1',
        won: 1,
        lost: 0,
        winRate: 1,
        wonValue: { total: 2_500_000, unconverted: [], unconvertedCount: 0 },
        cycleDays: 8,
        openCount: 1,
        // $60 weighted at the rate of 31 March.
        openWeighted: { total: 1_560_000, unconverted: [], unconvertedCount: 0 },
      },
    ]);
  });

  it('puts rows without an answer last and breaks ties by name', () => {
    const row = (name: string, winRate: number | null) => ({
      key: name,
      name,
      won: 0,
      lost: 0,
      winRate,
      wonValue: { total: 0, unconverted: [], unconvertedCount: 0 },
      cycleDays: null,
      openCount: 0,
      openWeighted: { total: 0, unconverted: [], unconvertedCount: 0 },
    });
    const sorted = sortLeaders(
      [row('b', null), row('c', 0.5), row('a', 0.5), row('d', 1)],
      'winRate',
    );
    expect(sorted.map((r) => r.name)).toEqual(['d', 'a', 'c', 'b']);
  });
});
