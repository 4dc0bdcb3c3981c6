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

/** A calendar date written YYYY-MM-DD that exists (no 2017-02-30). */
export function parseDate(text: string): Parsed<string> {
  const m = ISO_DATE.exec(text);
  if (!m) return bad(`"${text}" is not a date (write it as YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return bad(`"${text}" is not a date that exists`);
  return ok(text);
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant: ISO 8601 with a UTC offset, or a wall-clock time without one ("2025-03-04 12:06:07",
 * as the deals export writes it, or a bare date meaning the start of that day) read in `timeZone`.
 */
export function parseInstant(text: string, timeZone: string): Parsed<Date> {
  if (WITH_OFFSET.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? bad(`"${text}" is not a date and time`) : ok(at);
  }
  const m = LOCAL_TIME.exec(text);
  if (!m) return bad(`"${text}" is not a date or date and time (write it as YYYY-MM-DD HH:MM)`);
  const date = parseDate(m[1] as string);
  if (!date.ok) return date;
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return bad(`"${text}" is not a time that exists`);
  const [y, mo, d] = date.value.split('-').map(Number) as [number, number, number];
  return ok(wallClockToInstant(Date.UTC(y, mo - 1, d, h, min, s), timeZone));
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
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
  const m = /^(\d{1,3})\s*%?$/.exec(text);
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(text: string): Parsed<string> {
  return EMAIL.test(text) ? ok(text.toLowerCase()) : bad(`"${text}" is not an email address`);
}
