import type { Random } from '../domain/random.js';
import { localDay, nextWorkday, officeTime } from './demo-calendar.js';
import { DealRecord, type DealStart, type SalesStages } from './deal-record.js';
import { LOST_REASONS } from './names.js';

// Days spent in each open stage (min, max), and the chance of losing the deal on leaving it.
// Over the whole funnel that makes roughly 30% of closed deals won.
const DWELL_DAYS: readonly [number, number][] = [
  [1, 10],
  [2, 14],
  [3, 21],
  [5, 28],
  [3, 30],
];
const LOSS_CHANCE = [0.2, 0.18, 0.15, 0.15, 0.22];
const LONG_DWELL_CHANCE = 0.08;
const SKIP_CHANCE = 0.1;
const BACK_CHANCE = 0.06;
// Some deals stall: nobody touches them, they rot in their stage, and months later a pipeline
// clean-up closes them as lost.
const STALL_CHANCE = 0.03;

const forStage = <T>(list: readonly T[], index: number): T =>
  list[Math.min(index, list.length - 1)] as T;

/**
 * Walks one deal from the first stage, stage by stage (now and then skipping one or going back
 * once), until it is won, lost, stalls or reaches `nowMs`; no event is later than `nowMs`.
 */
export function simulateDeal(
  rng: Random,
  start: DealStart,
  stages: SalesStages,
  nowMs: number,
): DealRecord {
  const deal = new DealRecord(start, stages);
  const last = stages.open.length - 1;
  let index = 0;
  let enteredAt = start.createdAt;
  let movedBack = false;
  for (;;) {
    const [min, max] = forStage(DWELL_DAYS, index);
    const days = Math.round(rng.int(min, max) * (rng.chance(LONG_DWELL_CHANCE) ? 2.5 : 1));
    const leaveAt = officeTime(rng, nextWorkday(localDay(enteredAt) + days));
    changeWhileInStage(rng, deal, enteredAt, Math.min(leaveAt - 1, nowMs));
    if (leaveAt > nowMs) return deal;
    if (rng.chance(STALL_CHANCE)) {
      const cleanUpAt = officeTime(rng, nextWorkday(localDay(leaveAt) + rng.int(60, 150)));
      if (cleanUpAt <= nowMs) deal.close('lost', cleanUpAt, 'No decision');
      return deal;
    }
    enteredAt = leaveAt;
    if (rng.chance(forStage(LOSS_CHANCE, index))) {
      deal.close('lost', leaveAt, rng.weighted(LOST_REASONS));
      return deal;
    }
    if (index === last) {
      deal.close('won', leaveAt);
      return deal;
    }
    if (!movedBack && index >= 2 && rng.chance(BACK_CHANCE)) {
      movedBack = true;
      index -= 1;
    } else {
      index += index + 2 <= last && rng.chance(SKIP_CHANCE) ? 2 : 1;
    }
    deal.moveTo(stages.open[index] as string, leaveAt);
  }
}

/**
 * Now and then, while a deal sits in a stage (after `from`, up to `until`), its value is revised
 * or its expected close date slips; each at most once per deal.
 */
function changeWhileInStage(rng: Random, deal: DealRecord, from: number, until: number): void {
  const kind = rng.weighted([
    ['value', 0.08],
    ['close_date', 0.1],
    ['none', 0.82],
  ] as const);
  if (kind === 'none' || deal.has(kind)) return;
  const fromDay = localDay(from);
  const day = fromDay + rng.int(1, Math.max(1, localDay(until) - fromDay));
  const when = officeTime(rng, nextWorkday(day));
  if (when <= from || when > until) return;
  if (kind === 'close_date') {
    deal.moveCloseDate(deal.closeDay + rng.int(7, 45), when);
    return;
  }
  const step = deal.start.valueStep;
  const steps = Math.max(
    1,
    Math.round((deal.value * rng.pick([0.6, 0.75, 0.85, 1.15, 1.3, 1.6])) / step),
  );
  deal.revalue(steps * step === deal.value ? (steps + 1) * step : steps * step, when);
}
