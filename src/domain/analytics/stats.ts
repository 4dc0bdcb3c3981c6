// Plain statistics over numbers. Nothing is rounded here: rounding is for display only.

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The p-th percentile (0..1) by linear interpolation between the two nearest ranks (the method of
 * Excel's PERCENTILE.INC and numpy's default): for sorted x of length n, rank r = p·(n-1), and the
 * result is x[⌊r⌋] + (r-⌊r⌋)·(x[⌊r⌋+1]-x[⌊r⌋]). The median is p = 0.5.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const low = sorted[lo] as number;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return low + (rank - lo) * (high - low);
}

export const median = (values: readonly number[]): number | null => percentile(values, 0.5);

/** Adds `amount` to `currency` in a per-currency record, creating the entry at 0. */
export function addTo(totals: Record<string, number>, currency: string, amount: number): void {
  totals[currency] = (totals[currency] ?? 0) + amount;
}
