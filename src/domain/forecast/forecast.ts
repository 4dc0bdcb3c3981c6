// The three forecasts of one pipeline for one period, side by side, from the deal histories as
// they were known before `cutoff`: what is won already, and what the open deals and the deals not
// yet created are expected to add. The API uses it with cutoff = now; the backtest with the start
// of each past period.

import { closingIn } from '../analytics/closings.js';
import { replay, type DealHistory } from '../analytics/history.js';
import type { Period, StageIndex } from '../analytics/stages.js';
import { startOfLocalDay } from '../local-day.js';
import { defaultCategory, type ForecastCategory } from './categories.js';
import {
  DEFAULT_FIT,
  expectedNewWins,
  fitModel,
  winWithin,
  type FitOptions,
} from './learned-model.js';
import {
  categoryForecast,
  stageWeighted,
  type CategoryForecast,
  type CountAmount,
  type ForecastDeal,
} from './methods.js';
import { simulate, type Simulation } from './monte-carlo.js';

export type ForecastInput = {
  histories: readonly DealHistory[];
  pipelineId: string;
  stages: StageIndex;
  period: Period;
  /** Only changes strictly before this instant are known. */
  cutoff: number;
  timeZone: string;
  /** A deal's value in base minor units at an instant; null when no rate converts it. */
  valueAt: (h: DealHistory, at: number) => number | null;
  /** The rep's override for an open deal, if any (history keeps none, so backtests pass none). */
  overrideOf?: (dealId: string) => ForecastCategory | null;
  runs: number;
  seed: number;
  fit?: FitOptions;
};

export type LearnedDeal = ForecastDeal & { pWin: number };

export type Forecast = {
  won: CountAmount;
  open: LearnedDeal[];
  stageWeighted: CountAmount;
  category: CategoryForecast;
  learned: { expected: CountAmount; newWinsMean: number; simulation: Simulation };
  /** Deals counted without their amount because their currency had no rate. */
  unconverted: string[];
};

export function forecastPeriod(input: ForecastInput): Forecast {
  const { histories, pipelineId, stages, period, cutoff } = input;
  const known = cutoff - 1;
  const unconverted: string[] = [];
  const won = { count: 0, amount: 0 };
  const soFar = { start: period.start, end: Math.min(Math.max(cutoff, period.start), period.end) };
  const model = fitModel(
    histories,
    pipelineId,
    stages,
    cutoff,
    input.valueAt,
    input.fit ?? DEFAULT_FIT,
  );
  const open: LearnedDeal[] = [];
  for (const h of histories) {
    const closing = closingIn(h, soFar);
    if (closing && closing.outcome === 'won' && closing.pipelineId === pipelineId) {
      const v = input.valueAt(h, closing.at);
      won.count += 1;
      if (v === null) unconverted.push(h.dealId);
      else won.amount += v;
    }
    const s = replay(h, known);
    if (!s.exists || s.status !== 'open' || s.pipelineId !== pipelineId) continue;
    const stage = stages.get(s.stageId);
    if (!stage || stage.kind !== 'open') continue;
    // A deal without a rate still counts as a deal; its amount is left out, and named.
    const converted = input.valueAt(h, known);
    if (converted === null) unconverted.push(h.dealId);
    const value = converted ?? 0;
    open.push({
      dealId: h.dealId,
      ownerId: s.ownerId,
      stageId: s.stageId,
      probability: stage.probability,
      category: input.overrideOf?.(h.dealId) ?? defaultCategory(stage),
      value,
      expectedCloseAt:
        s.expectedCloseDate === null
          ? null
          : startOfLocalDay(s.expectedCloseDate, input.timeZone).getTime(),
      pWin: winWithin(model, s.stageId, cutoff, period.start, period.end),
    });
  }
  const live = open.filter((d) => d.category !== 'omitted');
  const newWinsMean = expectedNewWins(model, cutoff, period.start, period.end);
  const meanNewValue =
    model.newValues.length === 0
      ? 0
      : model.newValues.reduce((s, v) => s + v, 0) / model.newValues.length;
  return {
    won,
    open,
    stageWeighted: stageWeighted(won, open, period),
    category: categoryForecast(won, live, period),
    learned: {
      expected: {
        count: won.count + open.reduce((s, d) => s + d.pWin, 0) + newWinsMean,
        amount: Math.round(
          won.amount + open.reduce((s, d) => s + d.pWin * d.value, 0) + newWinsMean * meanNewValue,
        ),
      },
      newWinsMean,
      simulation: simulate({
        won,
        open: open.map((d) => ({ p: d.pWin, value: d.value })),
        newWinsMean,
        newValues: model.newValues,
        runs: input.runs,
        seed: input.seed,
      }),
    },
    unconverted: [...new Set(unconverted)].sort(),
  };
}
