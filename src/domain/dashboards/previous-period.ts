// The period a dashboard number is compared with: the one just before it, of the same length.
// Periods are calendar days in the user's zone (the reports read them in the same zone), so this
// is date arithmetic only; instants come from the zone's own rules when the report is asked for.
import { addDays, daysBetween } from '../local-day.js';

export type DateRange = { from: string; to: string };

const parse = (date: string) => date.split('-').map(Number) as [number, number, number];
const iso = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** Whether the range is whole calendar months: from a 1st to a month's last day. */
function wholeMonths(range: DateRange): number | null {
  const [fy, fm, fd] = parse(range.from);
  const [ty, tm] = parse(range.to);
  if (fd !== 1 || addDays(range.to, 1).slice(8) !== '01') return null;
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The previous period of the same length, ending the day before `from`. Whole months compare
 * with the same number of whole months (March with February, a quarter with the quarter before);
 * any other range with the same number of days just before it.
 */
export function previousPeriod(range: DateRange): DateRange {
  const months = wholeMonths(range);
  if (months !== null) {
    const [y, m] = parse(range.from);
    // Date.UTC rolls month 0 or day 0 back like the calendar.
    return { from: iso(y, m - months, 1), to: iso(y, m, 0) };
  }
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The change from `before` to `now` as a share of `before`; null when it cannot be said. */
export function relativeChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / Math.abs(before);
}
