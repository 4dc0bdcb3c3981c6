// The learned forecast model: competing exponential risks of winning and losing per open stage,
// fitted to the workspace's own history up to a cutoff, with a prior that pulls thin data toward
// the stage's probability. Definition and rationale: docs/metrics.md, "Learned forecast".

import { stageVisits, transitions, type DealHistory } from '../analytics/history.js';
import { DAY_MS, type StageIndex } from '../analytics/stages.js';

export type Rates = {
  wins: number;
  losses: number;
  /** Time at risk (ms) summed over the episodes. */
  exposureMs: number;
  /** Hazards per ms, prior included. */
  winRate: number;
  lossRate: number;
};

export type LearnedModel = {
  cutoff: number;
  byStage: Map<string, Rates>;
  /** Episodes that start at a deal's creation: the fate of deals not yet created. */
  newDeal: Rates;
  /** Deals created per ms in the pipeline over the lookback before the cutoff. */
  creationRate: number;
  /** Base-currency values a new win is drawn from (recent wins, else recent creations). */
  newValues: number[];
};

export type FitOptions = {
  /** Prior strength in pseudo-deals. */
  priorDeals: number;
  /** Prior mean time to close. */
  priorDays: number;
  /** Window before the cutoff for the creation rate and new-deal values. */
  lookbackDays: number;
};

export const DEFAULT_FIT: FitOptions = { priorDeals: 2, priorDays: 90, lookbackDays: 180 };

type Outcome = { end: number; kind: 'won' | 'lost' | 'censored' };

/** From `start`, the first instant before the cutoff at which the deal stops being open here. */
function outcomeAfter(h: DealHistory, pipelineId: string, start: number, cutoff: number): Outcome {
  for (const t of transitions(h)) {
    if (t.at < start) continue;
    if (t.at >= cutoff) break;
    if (!t.after.exists) continue;
    if (t.after.pipelineId !== pipelineId) return { end: t.at, kind: 'censored' };
    if (t.after.status === 'won') return { end: t.at, kind: 'won' };
    if (t.after.status === 'lost') return { end: t.at, kind: 'lost' };
  }
  return { end: cutoff, kind: 'censored' };
}

type Tally = { wins: number; losses: number; exposureMs: number };
const add = (tally: Tally, o: Outcome, start: number) => {
  tally.exposureMs += o.end - start;
  if (o.kind === 'won') tally.wins += 1;
  if (o.kind === 'lost') tally.losses += 1;
};

function smooth(t: Tally, probabilityPercent: number, o: FitOptions): Rates {
  const p = probabilityPercent / 100;
  const exposure = t.exposureMs + o.priorDeals * o.priorDays * DAY_MS;
  return {
    ...t,
    winRate: (t.wins + o.priorDeals * p) / exposure,
    lossRate: (t.losses + o.priorDeals * (1 - p)) / exposure,
  };
}

/**
 * Fits the model for `pipelineId` on every change strictly before `cutoff`. `valueAt` gives a
 * deal's value in base minor units as it stood at an instant, or null when it cannot be converted.
 */
export function fitModel(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  cutoff: number,
  valueAt: (h: DealHistory, at: number) => number | null,
  options: FitOptions = DEFAULT_FIT,
): LearnedModel {
  const tallies = new Map<string, Tally>();
  const fresh: Tally = { wins: 0, losses: 0, exposureMs: 0 };
  const lookbackStart = cutoff - options.lookbackDays * DAY_MS;
  let created = 0;
  const wonValues: number[] = [];
  const createdValues: number[] = [];
  for (const h of histories) {
    if (h.createdAt < cutoff && h.pipelineId === pipelineId) {
      add(fresh, outcomeAfter(h, pipelineId, h.createdAt, cutoff), h.createdAt);
      if (h.createdAt >= lookbackStart) {
        created += 1;
        const v = valueAt(h, h.createdAt);
        if (v !== null) createdValues.push(v);
      }
    }
    for (const visit of stageVisits(h)) {
      if (visit.enteredAt >= cutoff || visit.pipelineId !== pipelineId) continue;
      if (stages.get(visit.stageId)?.kind !== 'open') continue;
      const tally = tallies.get(visit.stageId) ?? { wins: 0, losses: 0, exposureMs: 0 };
      add(tally, outcomeAfter(h, pipelineId, visit.enteredAt, cutoff), visit.enteredAt);
      tallies.set(visit.stageId, tally);
    }
    for (const t of transitions(h)) {
      if (t.at < lookbackStart || t.at >= cutoff || !t.after.exists) continue;
      const wins = t.after.status === 'won' && (!t.before.exists || t.before.status !== 'won');
      if (wins && t.after.pipelineId === pipelineId) {
        const v = valueAt(h, t.at);
        if (v !== null) wonValues.push(v);
      }
    }
  }
  const open = [...stages.values()]
    .filter((s) => s.pipelineId === pipelineId && s.kind === 'open')
    .sort((a, b) => a.position - b.position);
  const byStage = new Map<string, Rates>();
  for (const s of open) {
    byStage.set(s.id, smooth(tallies.get(s.id) ?? fresh0(), s.probability, options));
  }
  return {
    cutoff,
    byStage,
    newDeal: smooth(fresh, open[0]?.probability ?? 0, options),
    creationRate: created / (options.lookbackDays * DAY_MS),
    newValues: wonValues.length > 0 ? wonValues : createdValues,
  };
}

const fresh0 = (): Tally => ({ wins: 0, losses: 0, exposureMs: 0 });

/** Probability the deal is eventually won: λw ÷ (λw + λl). */
export const eventualWin = (r: Rates): number => r.winRate / (r.winRate + r.lossRate);

/**
 * Probability that a deal open at `from` under rates `r` is won within [start, end):
 * π·(e^(−Λ·max(0, start − from)) − e^(−Λ·(end − from))), Λ = λw + λl, π = λw ÷ Λ.
 */
export function winWithin(r: Rates, from: number, start: number, end: number): number {
  const lambda = r.winRate + r.lossRate;
  const lo = Math.max(start, from);
  if (end <= lo) return 0;
  return eventualWin(r) * (Math.exp(-lambda * (lo - from)) - Math.exp(-lambda * (end - from)));
}

/**
 * Expected wins in [start, end) from deals created at rate c after `from` (a Poisson process),
 * each following the new-deal rates: the integral of c·winWithin over the creation instant u in
 * [from, end), worked out in closed form for u before and after `start`.
 */
export function expectedNewWins(model: LearnedModel, from: number, start: number, end: number) {
  const r = model.newDeal;
  const lambda = r.winRate + r.lossRate;
  const pi = eventualWin(r);
  const lo = Math.max(start, from);
  if (end <= lo) return 0;
  const within = end - lo;
  const inside = within - (1 - Math.exp(-lambda * within)) / lambda;
  const before =
    start > from
      ? ((1 - Math.exp(-lambda * (start - from))) / lambda) * (1 - Math.exp(-lambda * within))
      : 0;
  return model.creationRate * pi * (inside + before);
}
