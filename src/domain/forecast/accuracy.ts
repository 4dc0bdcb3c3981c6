// Forecast accuracy: one forecast of a closed period against what was won in it, measured the
// same way for every method, person and team (docs/metrics.md, "Forecast accuracy").

import { closingIn } from '../analytics/closings.js';
import { replay, type DealHistory } from '../analytics/history.js';
import type { Period } from '../analytics/stages.js';
import type { CountAmount } from './methods.js';

export type ErrorMeasure = {
  /** |forecast − actual|. */
  absError: number;
  /** |forecast − actual| / |actual|; null when nothing was won (no percentage of zero). */
  ape: number | null;
};
export type Accuracy = { count: ErrorMeasure; amount: ErrorMeasure };

export function errorOf(forecast: number, actual: number): ErrorMeasure {
  const absError = Math.abs(forecast - actual);
  return { absError, ape: actual === 0 ? null : absError / Math.abs(actual) };
}

export const accuracyOf = (forecast: CountAmount, actual: CountAmount): Accuracy => ({
  count: errorOf(forecast.count, actual.count),
  amount: errorOf(forecast.amount, actual.amount),
});

/** The mean of the values known (an average APE skips periods with nothing won); null if none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
}

export type Win = {
  dealId: string;
  at: number;
  pipelineId: string;
  /** The owner at the instant of the win. */
  ownerId: string;
  /** In base-currency minor units at the win's day; null without an exchange rate. */
  value: number | null;
};

/** Every deal won in the period (its closing in it was a win), as it stood at that instant. */
export function winsIn(
  histories: readonly DealHistory[],
  period: Period,
  valueAt: (h: DealHistory, at: number) => number | null,
): Win[] {
  const wins: Win[] = [];
  for (const h of histories) {
    const c = closingIn(h, period);
    if (!c || c.outcome !== 'won') continue;
    const s = replay(h, c.at);
    if (!s.exists) continue;
    wins.push({
      dealId: h.dealId,
      at: c.at,
      pipelineId: c.pipelineId,
      ownerId: s.ownerId,
      value: valueAt(h, c.at),
    });
  }
  return wins;
}

/** What the chosen wins add up to; a win without a rate counts as a deal but adds no amount. */
export function actualOf(wins: readonly Win[], keep: (w: Win) => boolean): CountAmount {
  const chosen = wins.filter(keep);
  return {
    count: chosen.length,
    amount: chosen.reduce((s, w) => s + (w.value ?? 0), 0),
  };
}
