// The two simple forecasts of a period: stage-weighted and by category. Both start from what is
// already won in the period and add the open deals expected to close in it (those whose expected
// close date falls in the period; a deal with no date is in neither). Amounts are base-currency
// minor units; the stage-weighted amount is rounded once, at the end.

import { inPeriod, type Period } from '../analytics/stages.js';
import type { ForecastCategory } from './categories.js';

export type ForecastDeal = {
  dealId: string;
  ownerId: string;
  stageId: string;
  /** Stage win probability in percent (0..100). */
  probability: number;
  category: ForecastCategory;
  /** Value in base-currency minor units. */
  value: number;
  /** First instant of the expected close date in the workspace's zone; null when unset. */
  expectedCloseAt: number | null;
};

export type CountAmount = { count: number; amount: number };
export type WonSoFar = CountAmount;

const expectedIn = (period: Period) => (d: ForecastDeal) =>
  d.expectedCloseAt !== null && inPeriod(period, d.expectedCloseAt);

/** Won so far + Σ p·1 and Σ p·value over the open deals expected to close in the period. */
export function stageWeighted(
  won: WonSoFar,
  open: readonly ForecastDeal[],
  period: Period,
): CountAmount {
  let count = 0;
  let amountTimes100 = 0;
  for (const d of open.filter(expectedIn(period))) {
    count += d.probability / 100;
    amountTimes100 += d.value * d.probability;
  }
  return { count: won.count + count, amount: won.amount + Math.round(amountTimes100 / 100) };
}

export type CategoryForecast = { commit: CountAmount; bestCase: CountAmount };

/** Commit = won + commit deals; best case = commit + best-case deals (expected in the period). */
export function categoryForecast(
  won: WonSoFar,
  open: readonly ForecastDeal[],
  period: Period,
): CategoryForecast {
  const sum = (category: ForecastCategory) =>
    open
      .filter(expectedIn(period))
      .filter((d) => d.category === category)
      .reduce((s, d) => ({ count: s.count + 1, amount: s.amount + d.value }), {
        count: 0,
        amount: 0,
      });
  const commit = sum('commit');
  const best = sum('best_case');
  const committed = { count: won.count + commit.count, amount: won.amount + commit.amount };
  return {
    commit: committed,
    bestCase: { count: committed.count + best.count, amount: committed.amount + best.amount },
  };
}
