// The headline numbers of one pipeline for one period. Every definition is in docs/metrics.md;
// money is integer minor units per currency and currencies are never added together.

import { weightedMinor } from '../money.js';
import { closingIn, reachedAt, type Closing } from './closings.js';
import { replay, type DealHistory } from './history.js';
import { DAY_MS, inPeriod, type Period, type StageIndex } from './stages.js';
import { median } from './stats.js';

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

/**
 * What the key numbers are computed from, counted once per period: by SQL over the deal facts
 * in the app (src/server/modules/analytics/facts.repository.ts), by replaying histories in
 * keyNumberFacts() below (the reference the SQL is tested against).
 */
export type KeyNumberFacts = {
  created: number;
  won: number;
  lost: number;
  /** Per currency: the won deals' count, total and median value. */
  wonValue: Record<string, { count: number; total: number; median: number }>;
  /** Sum and median of the won deals' cycles, in ms and days. */
  cycleMs: number;
  cycleMedianDays: number | null;
  qualified: number;
  qualifiedWon: number;
  openAtEnd: Record<string, OpenValue>;
};

/** The key numbers from their facts: every formula of docs/metrics.md "Key numbers" is here. */
export function keyNumbersOf(f: KeyNumberFacts): KeyNumbers {
  const closed = f.won + f.lost;
  const winRate = closed === 0 ? null : f.won / closed;
  const wonValue: Record<string, WonValue> = {};
  for (const [currency, w] of Object.entries(f.wonValue)) {
    wonValue[currency] = {
      count: w.count,
      total: w.total,
      mean: w.total / w.count,
      median: w.median,
    };
  }
  // open × winRate × averageWon / averageCycleDays, written as one fraction of whole numbers
  // (won/closed, wonTotal/wonCount, cycleMs/wonCount) so the only rounding is the last division.
  const velocity: Record<string, number | null> = {};
  const currencies = new Set([...Object.keys(f.openAtEnd), ...Object.keys(wonValue)]);
  for (const currency of currencies) {
    const open = f.openAtEnd[currency]?.count ?? 0;
    const w = wonValue[currency];
    velocity[currency] =
      winRate === null || w === undefined || f.cycleMs === 0
        ? null
        : (open * f.won * w.total * f.won * DAY_MS) / (closed * w.count * f.cycleMs);
  }
  return {
    created: f.created,
    won: f.won,
    lost: f.lost,
    winRate,
    closeRate: {
      qualified: f.qualified,
      won: f.qualifiedWon,
      rate: f.qualified === 0 ? null : f.qualifiedWon / f.qualified,
    },
    wonValue,
    cycleDays: {
      median: f.cycleMedianDays,
      mean: f.won === 0 ? null : f.cycleMs / (f.won * DAY_MS),
    },
    openAtEnd: f.openAtEnd,
    velocity,
  };
}

/** The key numbers by replaying histories (the reference for the SQL over the deal facts). */
export function keyNumbers(input: KeyNumbersInput): KeyNumbers {
  return keyNumbersOf(keyNumberFacts(input));
}

/** The facts of keyNumbersOf() by replaying histories: the reference definition. */
export function keyNumberFacts(input: KeyNumbersInput): KeyNumberFacts {
  const { histories, pipelineId, period, stages } = input;
  const asOf = input.asOf ?? period.end - 1;
  const closings = histories
    .map((h) => closingIn(h, period))
    .filter((c): c is Closing => c !== null && c.pipelineId === pipelineId);
  const won = closings.filter((c) => c.outcome === 'won');

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

  const wonValue: KeyNumberFacts['wonValue'] = {};
  for (const currency of new Set(won.map((c) => c.currency))) {
    const values = won.filter((c) => c.currency === currency).map((c) => c.value);
    wonValue[currency] = {
      count: values.length,
      total: values.reduce((s, v) => s + v, 0),
      median: median(values) as number,
    };
  }

  const openAtEnd: Record<string, OpenValue> = {};
  for (const h of histories) {
    const s = replay(h, period.end - 1);
    if (!s.exists || s.status !== 'open' || s.pipelineId !== pipelineId) continue;
    const entry = (openAtEnd[s.currency] ??= { count: 0, total: 0, weighted: 0 });
    entry.count += 1;
    entry.total += s.value;
    entry.weighted += weightedMinor(s.value, stages.get(s.stageId)?.probability ?? 0);
  }

  return {
    created: histories.filter((h) => h.pipelineId === pipelineId && inPeriod(period, h.createdAt))
      .length,
    won: won.length,
    lost: closings.length - won.length,
    wonValue,
    cycleMs: won.reduce((sum, c) => sum + (c.at - c.createdAt), 0),
    cycleMedianDays: median(won.map((c) => (c.at - c.createdAt) / DAY_MS)),
    qualified,
    qualifiedWon,
    openAtEnd,
  };
}
