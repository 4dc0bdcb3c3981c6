// Monte Carlo over the learned probabilities: each run wins each open deal with its own
// probability, independently, and adds a Poisson number of wins from deals not yet created, each
// worth a value drawn from recent wins. A seeded generator makes a run reproducible.

import { percentile } from '../analytics/stats.js';
import { createRandom, type Random } from '../random.js';

export type Chance = { p: number; value: number };

export type SimulationInput = {
  /** Already won in the period: added to every run. */
  won: { count: number; amount: number };
  open: readonly Chance[];
  /** Expected number of wins from deals not yet created. */
  newWinsMean: number;
  /** Values (base minor units) a new win is drawn from; empty means new wins add no amount. */
  newValues: readonly number[];
  runs: number;
  seed: number;
};

export type Spread = { mean: number; p10: number; p50: number; p90: number };
export type Simulation = { runs: number; seed: number; count: Spread; amount: Spread };

/** A Poisson draw; large means are split in pieces of 30 (a sum of Poissons is Poisson). */
export function poisson(random: Random, mean: number): number {
  let n = 0;
  let left = mean;
  while (left > 0) {
    const piece = Math.min(left, 30);
    left -= piece;
    // Knuth: multiply uniforms until the product falls below e^(-mean).
    const limit = Math.exp(-piece);
    let product = random.next();
    while (product > limit) {
      n += 1;
      product *= random.next();
    }
  }
  return n;
}

function spread(values: number[]): Spread {
  return {
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    p10: percentile(values, 0.1) as number,
    p50: percentile(values, 0.5) as number,
    p90: percentile(values, 0.9) as number,
  };
}

/** Every run's won count and amount, in run order. */
export function simulationRuns(input: SimulationInput): { counts: number[]; amounts: number[] } {
  if (!Number.isInteger(input.runs) || input.runs < 1) throw new RangeError('runs must be ≥ 1');
  const random = createRandom(input.seed);
  const counts: number[] = [];
  const amounts: number[] = [];
  for (let run = 0; run < input.runs; run++) {
    let count = input.won.count;
    let amount = input.won.amount;
    for (const deal of input.open) {
      if (random.next() < deal.p) {
        count += 1;
        amount += deal.value;
      }
    }
    const fresh = poisson(random, input.newWinsMean);
    count += fresh;
    if (input.newValues.length > 0) {
      for (let i = 0; i < fresh; i++) amount += random.pick(input.newValues);
    }
    counts.push(count);
    amounts.push(amount);
  }
  return { counts, amounts };
}

export function simulate(input: SimulationInput): Simulation {
  const { counts, amounts } = simulationRuns(input);
  return { runs: input.runs, seed: input.seed, count: spread(counts), amount: spread(amounts) };
}

/** Exact mean and variance of the open deals' won amount: Σ p·v and Σ p(1−p)·v². */
export function analyticMoments(open: readonly Chance[]) {
  return {
    mean: open.reduce((s, d) => s + d.p * d.value, 0),
    variance: open.reduce((s, d) => s + d.p * (1 - d.p) * d.value * d.value, 0),
  };
}
