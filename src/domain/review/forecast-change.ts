// The review's forecast line: the stage-weighted forecast of the reviewed deals for the period,
// as known at the review's end and as it was known a week earlier, both replayed from the deals'
// histories with the forecast page's definition (methods.ts), so the difference is what the week
// changed. Amounts are in the workspace currency.
import { closingIn } from '../analytics/closings.js';
import { replay, type DealHistory } from '../analytics/history.js';
import type { Period, StageIndex } from '../analytics/stages.js';
import { startOfLocalDay } from '../local-day.js';
import { stageWeighted, type CountAmount, type ForecastDeal } from '../forecast/methods.js';

export const WEEK_MS = 7 * 86_400_000;

export type WeightedInput = {
  histories: readonly DealHistory[];
  stages: StageIndex;
  period: Period;
  timeZone: string;
  /** The value in the workspace currency at an instant; null when no rate converts it. */
  toBase: (minor: number, currency: string, at: number) => number | null;
};

/**
 * Won in the period up to `at` plus Σ probability × value of the deals open at `at` whose
 * expected close date falls in the period. A deal whose currency has no rate counts without its
 * amount and is named in `unconverted`.
 */
export function weightedAt(input: WeightedInput, at: number) {
  const { period, stages } = input;
  const won: CountAmount = { count: 0, amount: 0 };
  const open: ForecastDeal[] = [];
  const unconverted = new Set<string>();
  const soFar = { start: period.start, end: Math.min(Math.max(at + 1, period.start), period.end) };
  for (const h of input.histories) {
    const closing = closingIn(h, soFar);
    if (closing?.outcome === 'won') {
      const v = input.toBase(closing.value, closing.currency, closing.at);
      won.count += 1;
      if (v === null) unconverted.add(h.dealId);
      else won.amount += v;
    }
    const s = replay(h, at);
    if (!s.exists || s.status !== 'open') continue;
    const stage = stages.get(s.stageId);
    if (!stage || stage.kind !== 'open') continue;
    const v = input.toBase(s.value, s.currency, at);
    if (v === null) unconverted.add(h.dealId);
    open.push({
      dealId: h.dealId,
      ownerId: s.ownerId,
      stageId: s.stageId,
      probability: stage.probability,
      category: 'pipeline',
      value: v ?? 0,
      expectedCloseAt:
        s.expectedCloseDate === null
          ? null
          : startOfLocalDay(s.expectedCloseDate, input.timeZone).getTime(),
    });
  }
  return { ...stageWeighted(won, open, period), unconverted: [...unconverted].sort() };
}

/** The forecast at `until` and a week before it, and the change. */
export function forecastChange(input: WeightedInput, until: number) {
  const now = weightedAt(input, until);
  const weekAgo = weightedAt(input, until - WEEK_MS);
  return {
    now,
    weekAgo,
    change: { count: now.count - weekAgo.count, amount: now.amount - weekAgo.amount },
  };
}
