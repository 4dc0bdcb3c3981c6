import type { DealStatus } from '../db/schema.js';
import { daysBetween, localDate } from './local-day.js';

// Deal hygiene: why an open deal needs its owner's attention. Pure, so the attention list,
// My day and any later board badge agree on one set of rules.

export type HealthFlag = 'rotting' | 'closeDateOverdue' | 'closeDatePushed' | 'noNextStep';

export type HealthReason =
  | { flag: 'rotting'; idleDays: number; rottingDays: number }
  | { flag: 'closeDateOverdue'; expectedCloseDate: string; daysOverdue: number }
  | { flag: 'closeDatePushed'; pushes: number; limit: number }
  | { flag: 'noNextStep' };

export type HealthDeal = {
  status: DealStatus;
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
  expectedCloseDate: string | null;
  /** How many times the close date was moved later (see countsAsPush). */
  closeDatePushes: number;
  /** Whether a not-done activity with a due time exists for the deal. */
  hasNextActivity: boolean;
};

export type HealthStage = { rottingDays: number | null; closeDatePushLimit: number | null };

const DAY = 86_400_000;

/**
 * Whole days the deal has been idle: full 24-hour periods since the later of its stage change and
 * its last activity. The board card counts days the same way (src/web/lib/format.ts daysSince).
 */
export function idleDays(deal: Pick<HealthDeal, 'stageEnteredAt' | 'lastActivityAt'>, now: Date) {
  const since = Math.max(deal.stageEnteredAt.getTime(), deal.lastActivityAt?.getTime() ?? 0);
  return Math.max(0, Math.floor((now.getTime() - since) / DAY));
}

/** A close-date change counts as a push when it moves a set date later; setting one does not. */
export function countsAsPush(from: string | null, to: string | null): boolean {
  return from !== null && to !== null && to > from;
}

/**
 * The reasons an open deal needs attention; none for won or lost deals.
 * - rotting: the stage has rotting days N and the deal has been idle more than N whole days, so
 *   with N = 14 it rots once 15 full days have passed (14 days and 23 hours is still fresh);
 * - closeDateOverdue: the expected close date is before today in the user's time zone (the close
 *   date itself is still on time);
 * - closeDatePushed: pushed later more times than the stage's limit (limit 2: the third push);
 * - noNextStep: no scheduled activity that is not done yet.
 */
export function dealHealth(
  deal: HealthDeal,
  stage: HealthStage,
  now: Date,
  timeZone: string,
): HealthReason[] {
  if (deal.status !== 'open') return [];
  const reasons: HealthReason[] = [];
  const idle = idleDays(deal, now);
  if (stage.rottingDays !== null && idle > stage.rottingDays) {
    reasons.push({ flag: 'rotting', idleDays: idle, rottingDays: stage.rottingDays });
  }
  const today = localDate(now, timeZone);
  if (deal.expectedCloseDate !== null && deal.expectedCloseDate < today) {
    reasons.push({
      flag: 'closeDateOverdue',
      expectedCloseDate: deal.expectedCloseDate,
      daysOverdue: daysBetween(deal.expectedCloseDate, today),
    });
  }
  if (stage.closeDatePushLimit !== null && deal.closeDatePushes > stage.closeDatePushLimit) {
    reasons.push({
      flag: 'closeDatePushed',
      pushes: deal.closeDatePushes,
      limit: stage.closeDatePushLimit,
    });
  }
  if (!deal.hasNextActivity) reasons.push({ flag: 'noNextStep' });
  return reasons;
}
