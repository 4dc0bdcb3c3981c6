// Report periods in the workspace's time zone, as half-open UTC ranges [start, end). A month in
// Ho Chi Minh City starts at 17:00 UTC the day before; a day in New York lasts 23 or 25 hours on
// the DST switch days. Boundaries are always found through the zone's own rules (Intl), never
// by adding fixed hours.

import type { Period } from './stages.js';

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type LocalDate = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function localDateOf(instant: number, timeZone: string): LocalDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

// Normalises through Date.UTC, so { m: 13 } or { d: 0 } roll over like the calendar does.
const dayNumber = ({ y, m, d }: LocalDate): number => Date.UTC(y, m - 1, d) / 86_400_000;
const normalise = (date: LocalDate): LocalDate => {
  const t = new Date(dayNumber(date) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/**
 * The first instant (ms) whose local date is `date` or later. Bisection over the window where any
 * zone's midnight can lie (offsets -12h..+14h): the local date never runs backwards, so this also
 * finds the start of a day whose midnight the zone skips.
 */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const target = dayNumber(date);
  let lo = target * 86_400_000 - 15 * 3_600_000; // local date still before `date`
  let hi = target * 86_400_000 + 13 * 3_600_000; // local date already `date` or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayNumber(localDateOf(mid, timeZone)) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

function firstDay(unit: PeriodUnit, { y, m, d }: LocalDate): LocalDate {
  switch (unit) {
    case 'day':
      return { y, m, d };
    case 'week': {
      // ISO weeks start on Monday: getUTCDay() is 0 for Sunday, so Sunday goes back 6 days.
      const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
      return normalise({ y, m, d: d - ((weekday + 6) % 7) });
    }
    case 'month':
      return { y, m, d: 1 };
    case 'quarter':
      return { y, m: m - ((m - 1) % 3), d: 1 };
    case 'year':
      return { y, m: 1, d: 1 };
  }
}

function nextFirstDay(unit: PeriodUnit, first: LocalDate): LocalDate {
  const { y, m, d } = first;
  const step = { day: [0, 1], week: [0, 7], month: [1, 0], quarter: [3, 0], year: [12, 0] }[unit];
  return normalise({ y, m: m + (step[0] as number), d: d + (step[1] as number) });
}

/** The period of `unit` that contains `instant`, in `timeZone`. */
export function periodContaining(unit: PeriodUnit, instant: number, timeZone: string): Period {
  const first = firstDay(unit, localDateOf(instant, timeZone));
  return {
    start: startOfLocalDate(first, timeZone),
    end: startOfLocalDate(nextFirstDay(unit, first), timeZone),
  };
}

/** The consecutive periods from the one containing `from` to the one containing `to`. */
export function periodsBetween(
  unit: PeriodUnit,
  from: number,
  to: number,
  timeZone: string,
): Period[] {
  const periods: Period[] = [];
  let period = periodContaining(unit, from, timeZone);
  while (period.start <= to) {
    periods.push(period);
    period = periodContaining(unit, period.end, timeZone);
  }
  return periods;
}
