// Money is integer minor units plus an ISO 4217 code. The exponent comes from Intl, so VND has
// none and USD/EUR have two, with no table of our own to keep in step.

export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
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
