// Calendar days in the user's zone, for the My day and calendar pages. The day arithmetic is the
// server's own (src/domain/local-day.ts), so both sides agree on where a local day starts.

import { addDays, localDate, startOfLocalDay } from '../../../../domain/local-day';

/** The calendar day an instant falls on in the zone. */
export const localDay = (instant: Date | string, timeZone: string): string =>
  localDate(typeof instant === 'string' ? new Date(instant) : instant, timeZone);

export const today = (timeZone: string): string => localDate(new Date(), timeZone);

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The instant the local day starts (the zone's own rules, DST included), as ISO. */
export const dayStartIso = (day: string, timeZone: string): string =>
  startOfLocalDay(day, timeZone).toISOString();

const localeTag = (lang: string) => (lang === 'vi' ? 'vi-VN' : 'en-US');

/** "Thursday, November 26, 2026" for a calendar day. */
export const formatLongDay = (day: string, lang: string): string =>
  new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Day name and date for a calendar column: "Mon", "Nov 23". */
export function formatWeekday(day: string, lang: string): { weekday: string; date: string } {
  const date = new Date(`${day}T00:00:00Z`);
  return {
    weekday: new Intl.DateTimeFormat(localeTag(lang), { weekday: 'long', timeZone: 'UTC' }).format(
      date,
    ),
    date: new Intl.DateTimeFormat(localeTag(lang), {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date),
  };
}

/** The time of day of an instant in the zone: "2:30 PM", "14:30". */
export const formatTime = (iso: string, lang: string, timeZone: string): string =>
  new Intl.DateTimeFormat(localeTag(lang), { timeStyle: 'short', timeZone }).format(new Date(iso));
