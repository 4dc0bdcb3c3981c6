// Forecast accuracy as chart lines: one line per method (or per person or team), one point per
// closed period, the absolute percentage error of the chosen measure (none where nothing was won).
import { meanOf } from '../../../../domain/forecast/accuracy.js';

type Row = {
  periodStart: string;
  error: { count: { ape: number | null }; amount: { ape: number | null } };
};

export type AccuracySeries<R extends Row> = {
  periods: string[];
  series: { key: string; sample: R; values: (number | null)[]; mean: number | null }[];
};

/** Lines keyed by `keyOf`, over every period any row has, oldest first. */
export function accuracySeries<R extends Row>(
  rows: readonly R[],
  keyOf: (r: R) => string,
  measure: 'count' | 'amount',
): AccuracySeries<R> {
  const periods = [...new Set(rows.map((r) => r.periodStart))].sort();
  const byKey = new Map<string, R[]>();
  for (const r of rows) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
  return {
    periods,
    series: [...byKey.entries()].map(([key, list]) => {
      const values = periods.map(
        (p) => list.find((r) => r.periodStart === p)?.error[measure].ape ?? null,
      );
      return { key, sample: list[0] as R, values, mean: meanOf(values) };
    }),
  };
}
