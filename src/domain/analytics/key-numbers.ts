// The headline numbers of one pipeline for one period. Every definition is in docs/metrics.md;
// money is integer minor units per currency and currencies are never added together.

import { weightedMinor } from '../money.js';
import { closingIn, reachedAt, type Closing } from './closings.js';
import { replay, type DealHistory } from './history.js';
import { DAY_MS, inPeriod, type Period, type StageIndex } from './stages.js';
import { mean, median } from './stats.js';

export type KeyNumbersInput = {
  histories: readonly DealHistory[];
  pipelineId: string;
  period: Period;
  stages: StageIndex;
  /** Position of the qualification stage: open stages at or after it count as qualified. */
  qualificationPosition: number;
  /** When close-rate outcomes are read (the report's "now"); defaults to the period end. */
  asOf?: number;
};

export type WonValue = { count: number; total: number; mean: number; median: number };
export type OpenValue = { count: number; total: number; weighted: number };

export type KeyNumbers = {
  created: number;
  won: number;
  lost: number;
  winRate: number | null;
  closeRate: { qualified: number; won: number; rate: number | null };
  wonValue: Record<string, WonValue>;
  cycleDays: { median: number | null; mean: number | null };
  openAtEnd: Record<string, OpenValue>;
  /** Minor units per day, per currency; null where any factor is missing. */
  velocity: Record<string, number | null>;
};

export function keyNumbers(input: KeyNumbersInput): KeyNumbers {
  const { histories, pipelineId, period, stages } = input;
  const asOf = input.asOf ?? period.end - 1;
  const closings = histories
    .map((h) => closingIn(h, period))
    .filter((c): c is Closing => c !== null && c.pipelineId === pipelineId);
  const won = closings.filter((c) => c.outcome === 'won');
  const lostCount = closings.length - won.length;
  const winRate = closings.length === 0 ? null : won.length / closings.length;

  let qualified = 0;
  let qualifiedWon = 0;
  for (const h of histories) {
    const at = reachedAt(h, pipelineId, stages, input.qualificationPosition, asOf);
    if (at === null || !inPeriod(period, at)) continue;
    qualified += 1;
    const state = replay(h, asOf);
    if (state.exists && state.status === 'won' && state.pipelineId === pipelineId) {
      qualifiedWon += 1;
    }
  }

  const wonValue: Record<string, WonValue> = {};
  for (const currency of new Set(won.map((c) => c.currency))) {
    const values = won.filter((c) => c.currency === currency).map((c) => c.value);
    wonValue[currency] = {
      count: values.length,
      total: values.reduce((s, v) => s + v, 0),
      mean: mean(values) as number,
      median: median(values) as number,
    };
  }
  const cycles = won.map((c) => (c.at - c.createdAt) / DAY_MS);

  const openAtEnd: Record<string, OpenValue> = {};
  for (const h of histories) {
    const s = replay(h, period.end - 1);
    if (!s.exists || s.status !== 'open' || s.pipelineId !== pipelineId) continue;
    const entry = (openAtEnd[s.currency] ??= { count: 0, total: 0, weighted: 0 });
    entry.count += 1;
    entry.total += s.value;
    entry.weighted += weightedMinor(s.value, stages.get(s.stageId)?.probability ?? 0);
  }

  // open × winRate × averageWon / averageCycleDays, written as one fraction of whole numbers
  // (won/closed, wonTotal/wonCount, cycleMs/wonCount) so the only rounding is the last division.
  const velocity: Record<string, number | null> = {};
  const cycleMs = won.reduce((sum, c) => sum + (c.at - c.createdAt), 0);
  const currencies = new Set([...Object.keys(openAtEnd), ...Object.keys(wonValue)]);
  for (const currency of currencies) {
    const open = openAtEnd[currency]?.count ?? 0;
    const w = wonValue[currency];
    velocity[currency] =
      winRate === null || w === undefined || cycleMs === 0
        ? null
        : (open * won.length * w.total * won.length * DAY_MS) /
          (closings.length * w.count * cycleMs);
  }

  return {
    created: histories.filter((h) => h.pipelineId === pipelineId && inPeriod(period, h.createdAt))
      .length,
    won: won.length,
    lost: lostCount,
    winRate,
    closeRate: {
      qualified,
      won: qualifiedWon,
      rate: qualified === 0 ? null : qualifiedWon / qualified,
    },
    wonValue,
    cycleDays: {
      median: median(cycles),
      mean: won.length === 0 ? null : cycleMs / (won.length * DAY_MS),
    },
    openAtEnd,
    velocity,
  };
}
