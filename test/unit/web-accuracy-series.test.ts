import { describe, expect, it } from 'vitest';
import { accuracySeries } from '../../src/web/features/forecast/lib/accuracy-series.js';

const row = (method: string, periodStart: string, amount: number | null, count: number | null) => ({
  method,
  periodStart,
  error: { amount: { ape: amount }, count: { ape: count } },
});

describe('forecast accuracy as chart lines', () => {
  const rows = [
    row('learned', '2026-02-01', 0.1, 0.5),
    row('stage_weighted', '2026-01-01', 0.4, 0),
    row('stage_weighted', '2026-02-01', null, null),
    row('stage_weighted', '2026-03-01', 0.2, 1),
  ];

  it('puts every period on the axis, a gap where a line has no point or nothing was won', () => {
    const { periods, series } = accuracySeries(rows, (r) => r.method, 'amount');
    expect(periods).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(series.map((s) => [s.key, s.values])).toEqual([
      ['learned', [null, 0.1, null]],
      ['stage_weighted', [0.4, null, 0.2]],
    ]);
    // (0.4 + 0.2) / 2: the period with nothing won is left out of the mean.
    expect(series[1]?.mean).toBeCloseTo(0.3, 12);
  });

  it('reads the count’s error when asked', () => {
    const { series } = accuracySeries(rows, (r) => r.method, 'count');
    expect(series[1]?.values).toEqual([0, null, 1]);
    expect(series[1]?.mean).toBe(0.5);
  });
});
