// Quota status for one person or team in one period: how much of the target is won, where the
// straight line from zero at the period start to the target at its end says they should be
// today, what is left to win, and how well the open weighted pipeline covers it.

import type { Period } from '../analytics/stages.js';

export type QuotaStatusInput = {
  /** Target in base minor units, or a count of won deals. */
  target: number;
  /** Won so far in the period (same unit as target). */
  achieved: number;
  /** Open weighted pipeline expected to close in the period (same unit). */
  openWeighted: number;
  period: Period;
  now: number;
};

export type QuotaStatus = {
  target: number;
  achieved: number;
  /** achieved ÷ target; null for a zero target. */
  attainment: number | null;
  /** Share of the period elapsed at `now`, 0..1. */
  elapsed: number;
  /** target × elapsed: where a steady pace would be today. */
  expectedByNow: number;
  /** achieved − expectedByNow: ahead (positive) or behind (negative) of pace. */
  pace: number;
  /** What is still to win: max(target − achieved, 0). */
  gap: number;
  /** openWeighted ÷ gap; null when nothing is left to win. */
  coverage: number | null;
};

export function elapsedShare(period: Period, now: number): number {
  if (now <= period.start) return 0;
  if (now >= period.end) return 1;
  return (now - period.start) / (period.end - period.start);
}

export function quotaStatus(input: QuotaStatusInput): QuotaStatus {
  const elapsed = elapsedShare(input.period, input.now);
  const expectedByNow = input.target * elapsed;
  const gap = Math.max(input.target - input.achieved, 0);
  return {
    target: input.target,
    achieved: input.achieved,
    attainment: input.target === 0 ? null : input.achieved / input.target,
    elapsed,
    expectedByNow,
    pace: input.achieved - expectedByNow,
    gap,
    coverage: gap === 0 ? null : input.openWeighted / gap,
  };
}

export type QuotaTarget = { kind: 'amount' | 'count'; target: number };

/**
 * A team's quota: the one set for the team, else the sum of its members' quotas of the same kind.
 * Members without a quota add nothing; null when neither the team nor any member has one.
 * Mixed kinds among members cannot be added up, so they are an error for the caller to name.
 */
export function teamQuota(
  direct: QuotaTarget | null,
  members: readonly (QuotaTarget | null)[],
): QuotaTarget | null | 'mixed' {
  if (direct) return direct;
  const set = members.filter((m): m is QuotaTarget => m !== null);
  const first = set[0];
  if (!first) return null;
  if (set.some((m) => m.kind !== first.kind)) return 'mixed';
  return { kind: first.kind, target: set.reduce((s, m) => s + m.target, 0) };
}
