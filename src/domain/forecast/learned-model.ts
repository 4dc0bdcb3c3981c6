// The learned forecast model: a continuous-time Markov chain over the pipeline's open stages with
// Won and Lost as absorbing states, its transition rates fitted to the workspace's own history up
// to a cutoff, with a prior that pulls thin data toward each stage's probability. A deal in an
// early stage must pass the later ones before it can be won, so its chance of a win this month is
// small even when its chance of a win some day is not. Definition: docs/metrics.md.

import { transitions, type DealHistory, type DealState } from '../analytics/history.js';
import { DAY_MS, pipelineStages, type StageIndex } from '../analytics/stages.js';

export type FitOptions = {
  /** Prior strength in pseudo-deals per stage. */
  priorDeals: number;
  /** Prior mean time in a stage before closing. */
  priorDays: number;
  /** Window before the cutoff for the creation rate, the entry stages and new-deal values. */
  lookbackDays: number;
};

export const DEFAULT_FIT: FitOptions = { priorDeals: 2, priorDays: 90, lookbackDays: 180 };

export type LearnedModel = {
  cutoff: number;
  /** The open stages in board order, then 'won' and 'lost'. */
  states: string[];
  /** rates[i][j]: per-ms rate of moving from open state i to state j (0 on the diagonal). */
  rates: number[][];
  /** Per open state: observed moves to each state and the time spent in it (ms). */
  counts: number[][];
  exposureMs: number[];
  /** Where deals created in the lookback started (shares over the states). */
  entryMix: number[];
  /** Deals created per ms in the pipeline over the lookback. */
  creationRate: number;
  /** Base-currency values a new win is drawn from (recent wins, else recent creations). */
  newValues: number[];
};

export const WON = 'won';
export const LOST = 'lost';

/**
 * Fits the model for `pipelineId` on every change strictly before `cutoff`. `valueAt` gives a
 * deal's value in base minor units at an instant, or null when it cannot be converted.
 */
export function fitModel(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  cutoff: number,
  valueAt: (h: DealHistory, at: number) => number | null,
  options: FitOptions = DEFAULT_FIT,
): LearnedModel {
  const open = pipelineStages(stages, pipelineId).filter((s) => s.kind === 'open');
  const states = [...open.map((s) => s.id), WON, LOST];
  const n = open.length;
  const index = new Map(open.map((s, i) => [s.id, i]));
  // The chain state of a deal: an open stage here, won, lost, or -1 (gone or elsewhere).
  const stateOf = (s: DealState): number => {
    if (!s.exists || s.pipelineId !== pipelineId) return -1;
    if (s.status === 'won') return n;
    if (s.status === 'lost') return n + 1;
    return index.get(s.stageId) ?? -1;
  };
  const counts = open.map(() => states.map(() => 0));
  const exposureMs = open.map(() => 0);
  const entries = states.map(() => 0);
  const lookbackStart = cutoff - options.lookbackDays * DAY_MS;
  let created = 0;
  const wonValues: number[] = [];
  const createdValues: number[] = [];

  for (const h of histories) {
    let current = -1;
    let since = 0;
    for (const t of transitions(h)) {
      if (t.at >= cutoff) break;
      const next = stateOf(t.after);
      if (!t.before.exists && h.createdAt >= lookbackStart && next >= 0) {
        created += 1;
        entries[next] = (entries[next] as number) + 1;
        const v = valueAt(h, t.at);
        if (v !== null) createdValues.push(v);
      }
      if (next === current) continue;
      if (current >= 0 && current < n) {
        exposureMs[current] = (exposureMs[current] as number) + (t.at - since);
        // Leaving the pipeline ends the stay without an outcome (censored).
        const row = counts[current] as number[];
        if (next >= 0) row[next] = (row[next] as number) + 1;
      }
      if (next === n && t.at >= lookbackStart) {
        const v = valueAt(h, t.at);
        if (v !== null) wonValues.push(v);
      }
      current = next;
      since = t.at;
    }
    if (current >= 0 && current < n) {
      exposureMs[current] = (exposureMs[current] as number) + (cutoff - since);
    }
  }

  const rates = open.map((stage, i) => {
    const p = stage.probability / 100;
    const exposure = (exposureMs[i] as number) + options.priorDeals * options.priorDays * DAY_MS;
    const row = counts[i] as number[];
    return states.map((_, j) => {
      if (j === i || exposure === 0) return 0;
      const prior =
        j === n ? options.priorDeals * p : j === n + 1 ? options.priorDeals * (1 - p) : 0;
      return ((row[j] as number) + prior) / exposure;
    });
  });
  return {
    cutoff,
    states,
    rates,
    counts,
    exposureMs,
    entryMix: created === 0 ? entries : entries.map((e) => e / created),
    creationRate: created / (options.lookbackDays * DAY_MS),
    newValues: wonValues.length > 0 ? wonValues : createdValues,
  };
}

/**
 * The distribution over states `dt` ms after `v`, by uniformization: with Λ at least every exit
 * rate, P(dt) = Σ_k Poisson(k; Λ·dt) · M^k where M = I + Q/Λ. Long spans go in steps of Λ·h ≤ 30
 * so the Poisson weights never underflow.
 */
export function advance(model: LearnedModel, v: readonly number[], dt: number): number[] {
  const exits = model.rates.map((row) => row.reduce((s, r) => s + r, 0));
  const lambda = Math.max(0, ...exits);
  if (lambda === 0 || dt <= 0) return [...v];
  const steps = Math.ceil((lambda * dt) / 30);
  const x = (lambda * dt) / steps;
  let out = [...v];
  for (let step = 0; step < steps; step++) {
    let term = out;
    let weight = Math.exp(-x);
    let mass = weight;
    const acc = term.map((p) => p * weight);
    for (let k = 1; mass < 1 - 1e-13 && k < 400; k++) {
      term = times(model, term, exits, lambda);
      weight *= x / k;
      mass += weight;
      for (let j = 0; j < acc.length; j++)
        acc[j] = (acc[j] as number) + weight * (term[j] as number);
    }
    out = acc;
  }
  return out;
}

// v · (I + Q/Λ): what stays in each open state, plus what flows in from the others.
function times(model: LearnedModel, v: readonly number[], exits: number[], lambda: number) {
  const out = v.map((p, j) => (j < exits.length ? p * (1 - (exits[j] as number) / lambda) : p));
  model.rates.forEach((row, i) => {
    const p = v[i] as number;
    if (p === 0) return;
    row.forEach((r, j) => {
      if (r > 0) out[j] = (out[j] as number) + (p * r) / lambda;
    });
  });
  return out;
}

const unit = (model: LearnedModel, i: number) => model.states.map((_, j) => (j === i ? 1 : 0));

/** Probability that a deal in `stageId` at `from` is won within [start, end). */
export function winWithin(
  model: LearnedModel,
  stageId: string,
  from: number,
  start: number,
  end: number,
): number {
  const i = model.states.indexOf(stageId);
  const lo = Math.max(start, from);
  if (i < 0 || i >= model.rates.length || end <= lo) return 0;
  const won = model.states.length - 2;
  const first = advance(model, unit(model, i), lo - from);
  const last = advance(model, first, end - lo);
  return Math.max(0, (last[won] as number) - (first[won] as number));
}

/**
 * Expected wins in [start, end) from deals created after `from` at the learned rate (a Poisson
 * process), each starting where recent deals started: the integral over creation instants u of
 * rate × P(won in [max(start, u), end) | created at u), by the trapezoid rule on each side of
 * `start` (the integrand jumps there), reading P from a fine grid of the chain through time.
 */
export function expectedNewWins(model: LearnedModel, from: number, start: number, end: number) {
  if (model.creationRate === 0 || end <= Math.max(start, from)) return 0;
  const grid = 400;
  const h = (end - from) / grid;
  const won = model.states.length - 2;
  // wonBy[k]: share won within k·h of creation (deals created already won count at once).
  const wonBy: number[] = [];
  let v = [...model.entryMix];
  for (let k = 0; k <= grid; k++) {
    wonBy.push(v[won] as number);
    v = advance(model, v, h);
  }
  const at = (span: number) => {
    const k = Math.min(Math.max(span / h, 0), grid);
    const lo = Math.floor(k);
    const a = wonBy[lo] as number;
    return a + (k - lo) * ((wonBy[Math.min(lo + 1, grid)] as number) - a);
  };
  const integrate = (lo: number, hi: number, f: (u: number) => number) => {
    if (hi <= lo) return 0;
    const steps = 200;
    const step = (hi - lo) / steps;
    let sum = 0;
    for (let k = 0; k <= steps; k++) sum += (k === 0 || k === steps ? 0.5 : 1) * f(lo + k * step);
    return sum * step;
  };
  const before = integrate(from, start, (u) => at(end - u) - at(start - u));
  const during = integrate(Math.max(from, start), end, (u) => at(end - u));
  return model.creationRate * (before + during);
}
