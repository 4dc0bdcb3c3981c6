// Reading the text of one imported cell as a typed value. Each parser answers with the value or
// with what is wrong, in words that can follow a row and column name ("row 7, column Value: ...").

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const POINT_DECIMAL = [/^\d+(\.\d+)?$/, /^\d{1,3}(,\d{3})+(\.\d+)?$/];
// Where a semicolon separates fields, a comma is the decimal separator and a dot groups thousands.
const COMMA_DECIMAL = [/^\d+(,\d+)?$/, /^\d{1,3}(\.\d{3})+(,\d+)?$/];

/**
 * A decimal amount in major units as integer minor units, exactly (no floating point):
 * ("1,054.50", 2) -> 105450. Spaces and a leading "$" or "€"-like symbol are not accepted: the
 * currency belongs in its own column.
 */
export function parseAmountMinor(
  text: string,
  exponent: number,
  decimalComma = false,
): Parsed<number> {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact.startsWith('-')) return bad(`"${text}" is negative; amounts must be 0 or more`);
  const shapes = decimalComma ? COMMA_DECIMAL : POINT_DECIMAL;
  if (!shapes.some((s) => s.test(compact))) {
    const example = decimalComma ? '1.234,56' : '1,234.56';
    return bad(`"${text}" is not an amount (write it like 1234 or ${example})`);
  }
  const [whole = '', fraction = ''] = decimalComma
    ? compact.replace(/\./g, '').split(',')
    : compact.replace(/,/g, '').split('.');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent)
    return bad(`"${text}" has more decimals than the currency has (${exponent})`);
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  if (!Number.isSafeInteger(minor)) return bad(`"${text}" is too large`);
  return ok(minor);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** How a CRM writes dates with slashes: 3/5/2024 is 5 March (mdy) or 3 May (dmy). */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * A calendar date that exists (no 2017-02-30): YYYY-MM-DD, or with `order` mdy or dmy also the
 * slash (or dot) form some CRMs export; always answered as YYYY-MM-DD.
 */
export function parseDate(text: string, order: DateOrder = 'ymd'): Parsed<string> {
  const iso = ISO_DATE.exec(text);
  const slash = iso || order === 'ymd' ? null : SLASH_DATE.exec(text);
  if (!iso && !slash) {
    const form =
      order === 'ymd' ? 'YYYY-MM-DD' : `YYYY-MM-DD or ${order === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'}`;
    return bad(`"${text}" is not a date (write it as ${form})`);
  }
  const [y, mo, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : order === 'mdy'
      ? [Number(slash![3]), Number(slash![1]), Number(slash![2])]
      : [Number(slash![3]), Number(slash![2]), Number(slash![1])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return bad(`"${text}" is not a date that exists`);
  return ok(date.toISOString().slice(0, 10));
}

const LOCAL_TIME =
  /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant: ISO 8601 with a UTC offset, or a wall-clock time without one ("2025-03-04 12:06:07",
 * as the deals export writes it, or a bare date meaning the start of that day) read in `timeZone`.
 * With `order` mdy or dmy, also "3/5/2024 9:30 AM" as US or European CRMs export it.
 */
export function parseInstant(
  text: string,
  timeZone: string,
  order: DateOrder = 'ymd',
): Parsed<Date> {
  if (WITH_OFFSET.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? bad(`"${text}" is not a date and time`) : ok(at);
  }
  const m = LOCAL_TIME.exec(text);
  const date = m ? parseDate(m[1] as string, order) : null;
  if (!m || !date?.ok)
    return date && !date.ok && /exist/.test(date.message)
      ? date
      : bad(`"${text}" is not a date or date and time (write it as YYYY-MM-DD HH:MM)`);
  let h = Number(m[2] ?? 0);
  const [min, s] = [Number(m[3] ?? 0), Number(m[4] ?? 0)];
  const half = m[5]?.toLowerCase();
  if (half && (h < 1 || h > 12)) return bad(`"${text}" is not a time that exists`);
  if (half) h = (h % 12) + (half === 'p' ? 12 : 0);
  if (h > 23 || min > 59 || s > 59) return bad(`"${text}" is not a time that exists`);
  const [y, mo, d] = date.value.split('-').map(Number) as [number, number, number];
  return ok(wallClockToInstant(Date.UTC(y, mo - 1, d, h, min, s), timeZone));
}

/** Whether the text is a date alone (no time of day), in any form parseInstant reads. */
export function isDateOnly(text: string): boolean {
  return !/[ T]\d/.test(text.trim());
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const DAY_MS = 86_400_000;
const dayOffsets = new Map<string, number | null>();

/**
 * How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. Asking Intl is
 * slow, so each UTC day's offset is kept when it is the same at both ends of the day (a day with
 * a change is asked about each time).
 */
function zoneOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY_MS);
  const key = `${timeZone}:${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = askZoneOffset(day * DAY_MS, timeZone);
    offset = start === askZoneOffset((day + 1) * DAY_MS - 1000, timeZone) ? start : null;
    // A bounded cache: thirty years of days per zone at most, dropped wholesale past that.
    if (dayOffsets.size > 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? askZoneOffset(instant, timeZone);
}

function askZoneOffset(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((x) => x.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the zone's clocks show a wall-clock time (given as if it were UTC). */
function wallClockToInstant(wall: number, timeZone: string): Date {
  // Two rounds settle it, also when the first guess lands on the other side of a DST change.
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

/** A whole percentage 0-100, with or without "%". */
export function parsePercent(text: string): Parsed<number> {
  const m = /^(\d{1,3})(?:\.0+)?\s*%?$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 0 && n <= 100 ? ok(n) : bad(`"${text}" is not a whole percentage from 0 to 100`);
}

const STATUSES: Record<string, 'open' | 'won' | 'lost'> = {
  open: 'open',
  won: 'won',
  lost: 'lost',
};

export function parseStatus(text: string): Parsed<'open' | 'won' | 'lost'> {
  const status = STATUSES[text.toLowerCase()];
  return status ? ok(status) : bad(`"${text}" is not a status (open, won or lost)`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** A yes/no cell as CRMs export booleans: true/false, 1/0, yes/no. */
export function parseBoolean(text: string): Parsed<boolean> {
  const key = text.trim().toLowerCase();
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return bad(`"${text}" is not true or false`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(text: string): Parsed<string> {
  return EMAIL.test(text) ? ok(text.toLowerCase()) : bad(`"${text}" is not an email address`);
}
