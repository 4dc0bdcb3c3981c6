// Value filters are typed in major units (1.500.000 ₫, $1,200.50) but travel in minor units.

export const currencyDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** What the input shows for a stored amount: plain digits, decimals only when there are some. */
export function minorToInput(minor: number | undefined, currency: string | undefined): string {
  if (minor === undefined || !currency) return '';
  const digits = currencyDigits(currency);
  return digits === 0
    ? String(minor)
    : (minor / 10 ** digits).toFixed(digits).replace(/\.?0+$/, '');
}

/** Currencies offered by the value filter: the workspace's own first, then the usual ones. */
export const currencyChoices = (workspaceCurrency: string): string[] => [
  ...new Set([workspaceCurrency, 'VND', 'USD', 'EUR']),
];
