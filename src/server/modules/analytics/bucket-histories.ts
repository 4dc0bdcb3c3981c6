// Trends compute the key numbers once per bucket; most deals matter to few buckets (created
// later, or closed for good earlier). Skipping those keeps weekly trends over a year affordable.
import { transitions, type DealHistory } from '../../../domain/analytics/history.js';
import type { Period } from '../../../domain/analytics/stages.js';

type Summary = { history: DealHistory; lastAt: number; openAtLast: boolean };

/**
 * A function giving the histories that can count in a period: created before its end, and
 * either open after their last loaded change or changed at or after its start. A deal closed
 * with no change since before the period was closed all through it: it adds to no key number.
 */
export function historiesForPeriods(histories: readonly DealHistory[]) {
  const summaries: Summary[] = histories.map((history) => {
    const last = transitions(history).at(-1);
    return {
      history,
      lastAt: last?.at ?? -Infinity,
      openAtLast: last?.after.exists === true && last.after.status === 'open',
    };
  });
  return (period: Period): DealHistory[] =>
    summaries
      .filter((s) => s.history.createdAt < period.end && (s.openAtLast || s.lastAt >= period.start))
      .map((s) => s.history);
}
