import { currencyExponent } from './money.js';

// Exchange rates and conversion to the workspace's base currency. A rate is how many major units
// of the base currency one major unit of the other currency buys on a date (EUR→VND 27,500.5).
// Rates are decimal strings, kept exact with bigint arithmetic: reports add many converted
// amounts and round once, at the end, so a total never drifts by accumulated rounding.

export const RATE_DECIMALS = 10;
const SCALE = 10n ** BigInt(RATE_DECIMALS);

/** A positive decimal with at most 10 decimals and 14 whole digits, as scaled integer; else null. */
export function parseRate(text: string): bigint | null {
  const m = /^(\d{1,14})(?:\.(\d{1,10}))?$/.exec(text.trim());
  if (!m) return null;
  const scaled = BigInt(m[1] as string) * SCALE + BigInt((m[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  return scaled > 0n ? scaled : null;
}

/** The scaled rate back as its shortest decimal text ('27500.5', '0.0000401'). */
export function formatRate(scaled: bigint): string {
  const whole = scaled / SCALE;
  const fraction = (scaled % SCALE).toString().padStart(RATE_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

export type DatedRate = { date: string; rate: bigint };

/** Rates per currency, each list sorted by date ascending. */
export type RateTable = ReadonlyMap<string, readonly DatedRate[]>;

export function rateTable(rows: Iterable<{ currency: string; date: string; rate: string }>) {
  const table = new Map<string, DatedRate[]>();
  for (const row of rows) {
    const rate = parseRate(row.rate);
    if (rate === null) throw new Error(`Bad stored rate ${row.rate} for ${row.currency}`);
    const list = table.get(row.currency) ?? [];
    list.push({ date: row.date, rate });
    table.set(row.currency, list);
  }
  for (const list of table.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
  return table as RateTable;
}

/** The rate in force on a date: the latest one entered on or before it; null when none is. */
export function rateOn(table: RateTable, currency: string, date: string): bigint | null {
  const list = table.get(currency);
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found: bigint | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = list[mid] as DatedRate;
    if (entry.date <= date) {
      found = entry.rate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export type Amount = { minor: number; currency: string; date: string };

export type Converted = {
  /** The sum in base minor units, rounded once, half away from zero. */
  total: number;
  /** Amounts left out for want of a rate, per currency, with the earliest date that lacked one. */
  missing: { currency: string; minor: number; firstDate: string }[];
};

const divRound = (n: bigint, d: bigint): bigint => {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
};

/**
 * Sums amounts in the base currency, each at the rate of its own date. Amounts already in the
 * base currency pass unchanged. The exact sum of all converted amounts is rounded once.
 */
export function convertSum(amounts: Iterable<Amount>, base: string, table: RateTable): Converted {
  const baseFactor = 10n ** BigInt(currencyExponent(base));
  // Common denominator: SCALE x the largest source exponent factor (at most 10^3 in ISO 4217).
  const denominator = SCALE * 1000n;
  let numerator = 0n;
  const missing = new Map<string, { currency: string; minor: number; firstDate: string }>();
  for (const a of amounts) {
    if (a.currency === base) {
      numerator += BigInt(a.minor) * denominator;
      continue;
    }
    const rate = rateOn(table, a.currency, a.date);
    if (rate === null) {
      const m = missing.get(a.currency) ?? { currency: a.currency, minor: 0, firstDate: a.date };
      m.minor += a.minor;
      if (a.date < m.firstDate) m.firstDate = a.date;
      missing.set(a.currency, m);
      continue;
    }
    const fromFactor = 10n ** BigInt(currencyExponent(a.currency));
    // minor / fromFactor major units x rate / SCALE x baseFactor, over the common denominator.
    numerator += BigInt(a.minor) * rate * baseFactor * (1000n / fromFactor);
  }
  return {
    total: Number(divRound(numerator, denominator)),
    missing: [...missing.values()].sort((x, y) => (x.currency < y.currency ? -1 : 1)),
  };
}
