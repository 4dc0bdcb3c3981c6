// Money and dates through Intl: VND without decimals, USD/EUR with two, dates in the user's zone.
// Building an Intl formatter is far slower than using one, and a board formats thousands of
// values, so formatters are kept per option set.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

const fractionDigits = (currency: string) =>
  numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

const localeTag = (lang: string) => (lang === 'vi' ? 'vi-VN' : 'en-US');

export function formatMoney(
  minor: number,
  currency: string,
  lang: string,
  compact = false,
): string {
  const digits = fractionDigits(currency);
  const major = minor / 10 ** digits;
  return numberFormat(localeTag(lang), {
    style: 'currency',
    currency,
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(major);
}

/** Parses what a user typed ("1.500.000", "1,234.56") into minor units; null if it is not a number. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const cleaned = text.replace(/[^\d.,-]/g, '');
  if (!cleaned) return null;
  let normal = cleaned;
  if (digits === 0) normal = cleaned.replace(/[.,]/g, '');
  else {
    const lastSep = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
    const decimals = lastSep >= 0 ? cleaned.length - lastSep - 1 : 0;
    normal =
      lastSep >= 0 && decimals <= digits
        ? `${cleaned.slice(0, lastSep).replace(/[.,]/g, '')}.${cleaned.slice(lastSep + 1)}`
        : cleaned.replace(/[.,]/g, '');
  }
  const value = Number(normal);
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 10 ** digits);
}

export function formatDate(iso: string, lang: string, timeZone?: string): string {
  // A bare 'YYYY-MM-DD' is a calendar date: show it as such, whatever the zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    return dateFormat(localeTag(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  }
  return dateFormat(localeTag(lang), { dateStyle: 'medium', ...(timeZone && { timeZone }) }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, lang: string, timeZone?: string): string {
  return dateFormat(localeTag(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone && { timeZone }),
  }).format(new Date(iso));
}

export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export function formatNumber(n: number, lang: string): string {
  return numberFormat(localeTag(lang), {}).format(n);
}

export function formatPercent(share: number, lang: string): string {
  return numberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}
