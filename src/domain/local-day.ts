// Calendar days in a user's time zone, as UTC instants. "Due today" for a rep in Ho Chi Minh City
// is not the UTC day, and in a zone with daylight saving a local day lasts 23 or 25 hours, so
// day boundaries are always found through the zone's own rules (Intl), never by adding 24 hours.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA with numeric parts prints year, month and day in ISO order; parts are read by type.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ('YYYY-MM-DD') an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The date `days` calendar days after (or before) a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const HOUR = 3_600_000;

/**
 * The first instant of a local calendar day. Found by bisection, to the second, over the window
 * in which any zone's midnight can lie (UTC offsets run from -12 to +14 hours): the local date
 * never runs backwards across a day boundary, so the first instant whose local date is not
 * before `date` is the day's start, also where a zone skips its midnight.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let lo = (utcMidnight - 15 * HOUR) / 1000; // local date still before `date`
  let hi = (utcMidnight + 13 * HOUR) / 1000; // local date already `date` or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(new Date(mid * 1000), timeZone) < date) lo = mid;
    else hi = mid;
  }
  return new Date(hi * 1000);
}

/** The local day as a half-open UTC range [start, end): 23, 24 or 25 hours long. */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(date, timeZone),
    end: startOfLocalDay(addDays(date, 1), timeZone),
  };
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour of the day (0-23) an instant falls in, on the zone's own clock. */
export function localHour(instant: Date, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.formatToParts(instant).find((p) => p.type === 'hour')?.value);
}
