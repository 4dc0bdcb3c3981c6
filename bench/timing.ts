import { performance } from 'node:perf_hooks';

export type Latency = {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
};
export type Throughput = { ops: number; opsPerSec: number; p50Ms: number; p95Ms: number };

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of durations in milliseconds. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return {
    samples: samples.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    meanMs: round(total / samples.length),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Sequential operations: the rate is operations over the time spent in them. */
export function throughputOf(samples: number[]): Throughput {
  const total = samples.reduce((a, b) => a + b, 0);
  const { p50Ms, p95Ms } = latencyOf(samples);
  return {
    ops: samples.length,
    opsPerSec: round((samples.length * 1000) / total, 1),
    p50Ms,
    p95Ms,
  };
}

export type Pair = { app: number[]; raw: number[] };
export type PairPlan = { warmup: number; rounds: number; perRound: number };

/**
 * Times one app operation and one raw-SQL operation, one at a time, in alternating blocks so that
 * drift (cache warm-up, table growth, the machine's other work) falls on both sides equally.
 * Each call receives its running index so that both sides walk through the same inputs.
 */
export async function alternate(
  plan: PairPlan,
  app: (i: number) => Promise<unknown>,
  raw: (i: number) => Promise<unknown>,
): Promise<Pair> {
  for (let i = 0; i < plan.warmup; i++) {
    await raw(i);
    await app(i);
  }
  const out: Pair = { app: [], raw: [] };
  let i = plan.warmup;
  for (let r = 0; r < plan.rounds; r++) {
    const [first, second] = r % 2 === 0 ? (['raw', 'app'] as const) : (['app', 'raw'] as const);
    for (const side of [first, second]) {
      const fn = side === 'app' ? app : raw;
      for (let k = 0; k < plan.perRound; k++) {
        const start = performance.now();
        await fn(i + k);
        out[side].push(performance.now() - start);
      }
    }
    i += plan.perRound;
  }
  return out;
}

export const ratio = (numerator: number, denominator: number) => round(numerator / denominator, 2);
