// The period presets of the Reports page, as calendar days in the user's time zone. The server
// reads `from` and `to` in the same zone, so "this month" means the same days on both sides.

import { localDate } from '../../../../domain/local-day.js';

export const periodPresets = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'last12Months',
] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export type DateRange = { from: string; to: string };

/** Today's calendar date ('YYYY-MM-DD') in a time zone, by the server's own day arithmetic. */
export const todayIn = (timeZone: string, now = new Date()): string => localDate(now, timeZone);

// Date.UTC rolls month 13 or day 0 over like the calendar, so months can be stepped freely.
const iso = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
/** First and last day of `count` months starting at month m of year y. */
const months = (y: number, m: number, count: number): DateRange => ({
  from: iso(y, m, 1),
  to: iso(y, m + count, 0),
});

/** The days of a preset, around `today` ('YYYY-MM-DD'). Periods may run past today. */
export function presetRange(preset: PeriodPreset, today: string): DateRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarterStart = m - ((m - 1) % 3);
  switch (preset) {
    case 'thisMonth':
      return months(y, m, 1);
    case 'lastMonth':
      return months(y, m - 1, 1);
    case 'thisQuarter':
      return months(y, quarterStart, 3);
    case 'lastQuarter':
      return months(y, quarterStart - 3, 3);
    case 'thisYear':
      return months(y, 1, 12);
    case 'last12Months':
      return months(y, m - 11, 12);
  }
}
