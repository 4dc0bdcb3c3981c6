// Money is integer minor units plus an ISO 4217 code. The exponent comes from Intl, so VND has
// none and USD/EUR have two, with no table of our own to keep in step.

// Both ask Intl, which builds a formatter or a list of ~300 codes each time: an import of a
// million rows asks a million times, so the answers are kept.
const exponents = new Map<string, number>();
let knownCurrencies: Set<string> | null | undefined;

export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (knownCurrencies === undefined) {
    try {
      knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
    } catch {
      knownCurrencies = null;
    }
  }
  return knownCurrencies?.has(code) ?? false;
}

/** Weighted value in minor units, rounded half away from zero to a whole minor unit. */
export function weightedMinor(valueMinor: number, probabilityPercent: number): number {
  return Math.round((valueMinor * probabilityPercent) / 100);
}

export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    minor / 10 ** exponent,
  );
}
