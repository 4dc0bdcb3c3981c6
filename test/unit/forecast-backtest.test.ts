import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, type DealHistory } from '../../src/domain/analytics/history.js';
import { backtest, summarize } from '../../src/domain/forecast/backtest.js';
import { forecastPeriod } from '../../src/domain/forecast/forecast.js';
import { Deal, historiesArb, STAGES, t } from './analytics-fixtures.js';

// Values in USD count as they are; other currencies have no rate here.
const usd = (h: DealHistory, at: number) => {
  const s = replay(h, at);
  return s.exists && s.currency === 'USD' ? s.value : null;
};
const closingOn = (h: DealHistory, date: string): DealHistory => {
  const [first, ...rest] = h.events;
  if (!first) return h;
  return {
    ...h,
    events: [{ ...first, data: { ...first.data, expectedCloseDate: date } }, ...rest],
  };
};
const feb = { start: t('2026-02-01T00:00:00Z'), end: t('2026-03-01T00:00:00Z') };
const common = {
  pipelineId: 'P',
  stages: STAGES,
  timeZone: 'UTC',
  valueAt: usd,
  runs: 400,
  seed: 3,
};

// A period that won nothing, where every method forecast one deal of 100.
function emptyPeriod(r: ReturnType<typeof backtest>) {
  const first = r.periods[0] as (typeof r.periods)[number];
  return {
    ...first,
    actual: { count: 0, amount: 0 },
    methods: first.methods.map((m) => ({
      ...m,
      forecast: { count: 1, amount: 100 },
      error: { count: 1, amount: 100 },
    })),
  };
}

describe('backtest of February', () => {
  const histories = [
    closingOn(
      new Deal('x', '2026-01-05T00:00:00Z', 'prop', 1000)
        .move('2026-02-15T00:00:00Z', 'won')
        .build(),
      '2026-02-10',
    ),
    closingOn(
      new Deal('y', '2026-01-06T00:00:00Z', 'qual', 2000)
        .move('2026-02-05T00:00:00Z', 'lost')
        .build(),
      '2026-02-20',
    ),
    new Deal('z', '2026-01-07T00:00:00Z', 'lead', 500).build(),
    // Created during February: no method can know it at 1 February, only the learned one expects some.
    new Deal('n', '2026-02-03T00:00:00Z', 'lead', 300).move('2026-02-20T00:00:00Z', 'won').build(),
  ];
  const result = backtest({ ...common, histories, periods: [feb] });
  const row = result.periods[0];
  const method = (name: string) => row?.methods.find((m) => m.method === name);

  it('compares with what was won in the period', () => {
    expect(row?.actual).toEqual({ count: 2, amount: 1300 });
    expect(row?.openDeals).toBe(3);
  });

  it('weighs by stage only the deals expected in February, as known on 1 February', () => {
    // x: 60% of 1000, y: 30% of 2000; z has no close date.
    expect(method('stage_weighted')?.forecast.count).toBeCloseTo(0.9, 12);
    expect(method('stage_weighted')?.forecast.amount).toBe(1200);
    expect(method('stage_weighted')?.error.count).toBeCloseTo(-1.1, 12);
    expect(method('stage_weighted')?.error.amount).toBe(-100);
  });

  it('puts 60% in best case and 30% in pipeline: nothing committed', () => {
    expect(method('commit')?.forecast).toEqual({ count: 0, amount: 0 });
    expect(method('best_case')?.forecast).toEqual({ count: 1, amount: 1000 });
  });

  it('gives the learned method an interval and says whether it held the actual', () => {
    const learned = method('learned');
    const [lo, hi] = learned?.interval?.count ?? [NaN, NaN];
    expect(learned?.interval?.covered.count).toBe(2 >= lo && 2 <= hi);
    expect(learned?.error.count).toBe((learned?.forecast.count ?? NaN) - 2);
  });

  it('summarizes mean absolute errors per method', () => {
    const s = summarize(result);
    // Best case: 1 deal and 1000 forecast against 2 deals and 1300 won.
    expect(s.find((m) => m.method === 'best_case')).toEqual({
      method: 'best_case',
      countMae: 1,
      amountMae: 300,
      countMape: 0.5,
      amountMape: 300 / 1300,
      mapePeriods: { count: 1, amount: 1 },
    });
    expect(s.find((m) => m.method === 'learned')?.coverage).toBeDefined();
  });

  it('leaves periods that won nothing out of the percentage error, and says how many count', () => {
    const quiet = { ...result, periods: [...result.periods, emptyPeriod(result)] };
    const s = summarize(quiet).find((m) => m.method === 'best_case');
    // The empty period's error of 1 deal counts in the mean absolute error, not in the percentage.
    expect(s).toMatchObject({
      countMae: 1,
      countMape: 0.5,
      mapePeriods: { count: 1, amount: 1 },
    });
    const none = summarize({ ...result, periods: [emptyPeriod(result)] })[0];
    expect([none?.countMape, none?.amountMape]).toEqual([null, null]);
  });

  it('feeds every open deal at the cutoff into calibration', () => {
    expect(result.calibration.reduce((n, b) => n + b.count, 0)).toBe(3);
  });
});

describe('a deal without an exchange rate', () => {
  it('counts as a deal but not in amounts, and is named', () => {
    const histories = [
      closingOn(
        new Deal('v', '2026-01-05T00:00:00Z', 'prop', 5_000_000, 'VND')
          .move('2026-02-15T00:00:00Z', 'won')
          .build(),
        '2026-02-10',
      ),
    ];
    const result = backtest({ ...common, histories, periods: [feb] });
    expect(result.periods[0]?.actual).toEqual({ count: 1, amount: 0 });
    expect(result.periods[0]?.methods[0]?.forecast).toEqual({ count: 0.6, amount: 0 });
    expect(result.unconverted).toBe(1);
  });
});

describe('forecasting at a cutoff', () => {
  it('uses only what was known before it: later events change nothing', () => {
    const cutoff = t('2026-01-21T00:00:00Z');
    fc.assert(
      fc.property(historiesArb, (histories) => {
        const known = histories
          .map((h) => ({ ...h, events: h.events.filter((e) => e.at < cutoff) }))
          .filter((h) => h.events.length > 0);
        const input = { ...common, period: feb, cutoff };
        expect(forecastPeriod({ ...input, histories: known })).toEqual(
          forecastPeriod({ ...input, histories }),
        );
      }),
      { numRuns: 60 },
    );
  });
});
