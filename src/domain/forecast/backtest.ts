// Backtest: for each past period, rebuild the pipeline as it stood at the period's first instant
// from the history, forecast with each method using only what was known then, and compare with
// what was actually won in the period.

import { closingIn, type Closing } from '../analytics/closings.js';
import type { DealHistory } from '../analytics/history.js';
import type { Period, StageIndex } from '../analytics/stages.js';
import { errorOf, meanOf } from './accuracy.js';
import { calibrationBins, type CalibrationBin, type Prediction } from './calibration.js';
import { forecastPeriod } from './forecast.js';
import type { CountAmount } from './methods.js';

export const BACKTEST_METHODS = ['stage_weighted', 'commit', 'best_case', 'learned'] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

export type MethodResult = {
  method: BacktestMethod;
  forecast: CountAmount;
  /** forecast − actual. */
  error: CountAmount;
  /** Learned only: the P10–P90 interval and whether the actual fell inside it. */
  interval?: {
    count: [number, number];
    amount: [number, number];
    covered: { count: boolean; amount: boolean };
  };
};

export type PeriodResult = {
  period: Period;
  actual: CountAmount;
  methods: MethodResult[];
  openDeals: number;
};

export type BacktestInput = {
  histories: readonly DealHistory[];
  pipelineId: string;
  stages: StageIndex;
  periods: readonly Period[];
  timeZone: string;
  valueAt: (h: DealHistory, at: number) => number | null;
  runs: number;
  seed: number;
};

export type Backtest = {
  periods: PeriodResult[];
  calibration: CalibrationBin[];
  /** Deals counted without their amount, for want of an exchange rate. */
  unconverted: number;
};

export function backtest(input: BacktestInput): Backtest {
  const predictions: Prediction[] = [];
  const unconverted = new Set<string>();
  const periods = input.periods.map((period): PeriodResult => {
    const f = forecastPeriod({ ...input, period, cutoff: period.start });
    const wins = input.histories
      .map((h) => [h, closingIn(h, period)] as const)
      .filter((x): x is readonly [DealHistory, Closing] => {
        const c = x[1];
        return c !== null && c.outcome === 'won' && c.pipelineId === input.pipelineId;
      });
    const wonIds = new Set(wins.map(([h]) => h.dealId));
    const actual = { count: 0, amount: 0 };
    for (const [h, c] of wins) {
      const v = input.valueAt(h, c.at);
      actual.count += 1;
      if (v === null) unconverted.add(h.dealId);
      else actual.amount += v;
    }
    for (const id of f.unconverted) unconverted.add(id);
    for (const d of f.open) predictions.push({ p: d.pWin, happened: wonIds.has(d.dealId) });
    const result = (method: BacktestMethod, forecast: CountAmount): MethodResult => ({
      method,
      forecast,
      error: { count: forecast.count - actual.count, amount: forecast.amount - actual.amount },
    });
    const s = f.learned.simulation;
    const inside = (x: number, lo: number, hi: number) => x >= lo && x <= hi;
    return {
      period,
      actual,
      openDeals: f.open.length,
      methods: [
        result('stage_weighted', f.stageWeighted),
        result('commit', f.category.commit),
        result('best_case', f.category.bestCase),
        {
          ...result('learned', { count: s.count.p50, amount: s.amount.p50 }),
          interval: {
            count: [s.count.p10, s.count.p90],
            amount: [s.amount.p10, s.amount.p90],
            covered: {
              count: inside(actual.count, s.count.p10, s.count.p90),
              amount: inside(actual.amount, s.amount.p10, s.amount.p90),
            },
          },
        },
      ],
    };
  });
  return { periods, calibration: calibrationBins(predictions), unconverted: unconverted.size };
}

export type MethodSummary = {
  method: BacktestMethod;
  /** Mean absolute error over the periods. */
  countMae: number;
  amountMae: number;
  /**
   * Mean absolute percentage error, |forecast − actual| / actual, over the periods whose actual
   * is not zero (a percentage of nothing is undefined); null when there are none.
   */
  countMape: number | null;
  amountMape: number | null;
  /** How many periods the percentage errors average (count, amount). */
  mapePeriods: { count: number; amount: number };
  /** Learned only: share of periods whose actual fell in P10–P90. */
  coverage?: { count: number; amount: number };
};

export function summarize(result: Backtest): MethodSummary[] {
  const n = result.periods.length;
  return BACKTEST_METHODS.map((method) => {
    const rows = result.periods.map(
      (p) => p.methods.find((m) => m.method === method) as MethodResult,
    );
    const mae = (pick: (m: MethodResult) => number) =>
      n === 0 ? 0 : rows.reduce((s, m) => s + Math.abs(pick(m)), 0) / n;
    // The percentage error is the one forecast accuracy uses (accuracy.ts): none when A = 0.
    const apes = (key: keyof CountAmount) =>
      result.periods.map((p, i) => {
        const m = rows[i] as MethodResult;
        return errorOf(m.forecast[key], p.actual[key]).ape;
      });
    const countApes = apes('count');
    const amountApes = apes('amount');
    const known = (xs: (number | null)[]) => xs.filter((x) => x !== null).length;
    const summary: MethodSummary = {
      method,
      countMae: mae((m) => m.error.count),
      amountMae: mae((m) => m.error.amount),
      countMape: meanOf(countApes),
      amountMape: meanOf(amountApes),
      mapePeriods: { count: known(countApes), amount: known(amountApes) },
    };
    if (method === 'learned' && n > 0) {
      summary.coverage = {
        count: rows.filter((m) => m.interval?.covered.count).length / n,
        amount: rows.filter((m) => m.interval?.covered.amount).length / n,
      };
    }
    return summary;
  });
}
