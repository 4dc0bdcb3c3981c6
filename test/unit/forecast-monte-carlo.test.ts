import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyticMoments,
  poisson,
  simulate,
  simulationRuns,
  type Chance,
} from '../../src/domain/forecast/monte-carlo.js';
import { createRandom } from '../../src/domain/random.js';

const base = { won: { count: 0, amount: 0 }, newWinsMean: 0, newValues: [] as number[] };
const moments = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('Monte Carlo against the analytic case', () => {
  // 30 independent deals with known probabilities and values.
  const open: Chance[] = Array.from({ length: 30 }, (_, i) => ({
    p: ((i * 7) % 19) / 19,
    value: 1000 + 137 * i,
  }));
  const runs = 20_000;
  const { amounts, counts } = simulationRuns({ ...base, open, runs, seed: 42 });

  it('has mean Σ p·v within four standard errors', () => {
    const exact = analyticMoments(open);
    const sample = moments(amounts);
    expect(Math.abs(sample.mean - exact.mean)).toBeLessThan(4 * Math.sqrt(exact.variance / runs));
  });

  it('has variance Σ p(1−p)·v² within sampling error', () => {
    const exact = analyticMoments(open);
    const sample = moments(amounts);
    // A sum of 30 independent terms is close to normal: sd of s² ≈ σ²·√(2/(n−1)).
    const se = exact.variance * Math.sqrt(2 / (runs - 1));
    expect(Math.abs(sample.variance - exact.variance)).toBeLessThan(4 * se);
  });

  it('counts with mean Σ p and variance Σ p(1−p)', () => {
    const mean = open.reduce((s, d) => s + d.p, 0);
    const variance = open.reduce((s, d) => s + d.p * (1 - d.p), 0);
    const sample = moments(counts);
    expect(Math.abs(sample.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / runs));
    expect(Math.abs(sample.variance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / runs));
  });
});

describe('simulate', () => {
  const open: Chance[] = [
    { p: 0.3, value: 500 },
    { p: 0.8, value: 2000 },
    { p: 0.5, value: 100 },
  ];

  it('gives the same answer for the same seed, and another for another seed', () => {
    const a = simulate({
      ...base,
      open,
      runs: 500,
      seed: 7,
      newWinsMean: 1.5,
      newValues: [50, 70],
    });
    const b = simulate({
      ...base,
      open,
      runs: 500,
      seed: 7,
      newWinsMean: 1.5,
      newValues: [50, 70],
    });
    const c = simulate({
      ...base,
      open,
      runs: 500,
      seed: 8,
      newWinsMean: 1.5,
      newValues: [50, 70],
    });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('has no spread when every outcome is certain, and adds what is won', () => {
    const s = simulate({
      ...base,
      won: { count: 2, amount: 900 },
      open: [
        { p: 1, value: 500 },
        { p: 0, value: 2000 },
      ],
      runs: 50,
      seed: 1,
    });
    expect(s.count).toEqual({ mean: 3, p10: 3, p50: 3, p90: 3 });
    expect(s.amount).toEqual({ mean: 1400, p10: 1400, p50: 1400, p90: 1400 });
  });

  it('orders P10 ≤ P50 ≤ P90 whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.nat(10_000) }),
          { maxLength: 20 },
        ),
        fc.nat(),
        (deals, seed) => {
          const s = simulate({ ...base, open: deals, runs: 50, seed });
          expect(s.amount.p10).toBeLessThanOrEqual(s.amount.p50);
          expect(s.amount.p50).toBeLessThanOrEqual(s.amount.p90);
          expect(s.count.p10).toBeLessThanOrEqual(s.count.p90);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a run count that is not a positive whole number', () => {
    expect(() => simulate({ ...base, open, runs: 0, seed: 1 })).toThrow(RangeError);
  });
});

describe('poisson', () => {
  it.each([0.7, 12, 75])('has mean and variance %d (pieces of 30 above 30)', (mean) => {
    const random = createRandom(99);
    const n = 20_000;
    const draws = Array.from({ length: n }, () => poisson(random, mean));
    const m = moments(draws);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
    expect(Math.abs(m.variance - mean)).toBeLessThan(0.05 * mean + 0.02);
  });
  it('is 0 for a mean of 0', () => {
    expect(poisson(createRandom(1), 0)).toBe(0);
  });
});
