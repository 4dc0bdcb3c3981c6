// Calendar days in the user's zone. A day is a 'YYYY-MM-DD' string; arithmetic on it is done in
// UTC, where every day is 24 hours, and only the edges of a day are mapped back to an instant.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on in the zone. */
export const localDay = (instant: Date | string, timeZone: string): string =>
  dayFormat(timeZone).format(typeof instant === 'string' ? new Date(instant) : instant);

export const today = (timeZone: string): string => localDay(new Date(), timeZone);

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The zone's offset from UTC at an instant, as "+07:00". */
function offsetAt(instant: Date, timeZone: string): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

const offsetMinutes = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) *
  (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** The local midnight that starts the day, with the zone's offset ("2026-03-10T00:00:00+07:00"). */
export function dayStartIso(day: string, timeZone: string): string {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // The offset at a first guess of the instant, then at the instant that guess gives.
  const guess = offsetAt(utcMidnight, timeZone);
  const offset = offsetAt(
    new Date(utcMidnight.getTime() - offsetMinutes(guess) * 60_000),
    timeZone,
  );
  return `${day}T00:00:00${offset}`;
}

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
