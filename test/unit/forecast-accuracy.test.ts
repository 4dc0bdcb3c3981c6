import { describe, expect, it } from 'vitest';
import {
  accuracyOf,
  actualOf,
  errorOf,
  meanOf,
  winsIn,
} from '../../src/domain/forecast/accuracy.js';
import { weekStartOf } from '../../src/domain/forecast/weeks.js';
import { Deal, t } from './analytics-fixtures.js';

describe('the forecast error measure', () => {
  it('is the absolute error and its share of the actual, in count and amount', () => {
    // Forecast 4.5 deals and 12,000 against 3 deals and 15,000 won:
    // |4.5 − 3| = 1.5, 1.5 / 3 = 0.5; |12,000 − 15,000| = 3,000, 3,000 / 15,000 = 0.2.
    expect(accuracyOf({ count: 4.5, amount: 12_000 }, { count: 3, amount: 15_000 })).toEqual({
      count: { absError: 1.5, ape: 0.5 },
      amount: { absError: 3000, ape: 0.2 },
    });
  });

  it('has no percentage when nothing was won, and is zero when the forecast was right', () => {
    expect(errorOf(2, 0)).toEqual({ absError: 2, ape: null });
    expect(errorOf(0, 0)).toEqual({ absError: 0, ape: null });
    expect(errorOf(7, 7)).toEqual({ absError: 0, ape: 0 });
  });

  it('averages over the periods with a percentage only', () => {
    expect(meanOf([0.5, null, 0.2])).toBeCloseTo(0.35, 12);
    expect(meanOf([null])).toBeNull();
  });
});

describe('what was won in a period', () => {
  const march = { start: t('2026-03-01T00:00:00Z'), end: t('2026-04-01T00:00:00Z') };
  const histories = [
    // Won in March by u2 (taken over before the win): 1000.
    new Deal('a', '2026-01-05T00:00:00Z', 'lead', 1000)
      .owner('2026-02-01T00:00:00Z', 'u2')
      .move('2026-03-10T00:00:00Z', 'won')
      .owner('2026-03-20T00:00:00Z', 'u1')
      .build(),
    // Won in March in pipeline Q by u1: 500, but its currency has no rate.
    new Deal('b', '2026-01-05T00:00:00Z', 'q1', 500, 'EUR')
      .move('2026-03-02T00:00:00Z', 'qwon')
      .build(),
    // Won in April: not March's.
    new Deal('c', '2026-01-05T00:00:00Z', 'lead', 9000).move('2026-04-01T00:00:00Z', 'won').build(),
    // Lost in March.
    new Deal('d', '2026-01-05T00:00:00Z', 'lead', 700).move('2026-03-03T00:00:00Z', 'lost').build(),
  ];
  const valueAt = (h: { dealId: string }) =>
    h.dealId === 'b'
      ? null
      : (({ a: 1000, c: 9000, d: 700 } as Record<string, number>)[h.dealId] ?? 0);
  const wins = winsIn(histories, march, valueAt);

  it('lists the wins with the owner at the instant of the win', () => {
    expect(wins.map((w) => [w.dealId, w.pipelineId, w.ownerId, w.value])).toEqual([
      ['a', 'P', 'u2', 1000],
      ['b', 'Q', 'u1', null],
    ]);
  });

  it('adds them up per pipeline or owner; a win without a rate counts but adds no amount', () => {
    expect(actualOf(wins, (w) => w.pipelineId === 'P')).toEqual({ count: 1, amount: 1000 });
    expect(actualOf(wins, (w) => w.ownerId === 'u1')).toEqual({ count: 1, amount: 0 });
    expect(actualOf(wins, () => true)).toEqual({ count: 2, amount: 1000 });
  });
});

describe('snapshot weeks', () => {
  it('run Monday to Sunday, across a year’s end', () => {
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
  });
});
