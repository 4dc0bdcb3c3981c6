import { formatMoney, formatNumber, parseMoney } from '../../../lib/format.js';

export type TargetKind = 'amount' | 'count';

/** What a user typed as a target: minor units of the currency, or a whole number of deals. */
export function parseTarget(text: string, kind: TargetKind, currency: string): number | null {
  if (kind === 'amount') return parseMoney(text, currency);
  const trimmed = text.trim();
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A target or an achievement as the kind reads: money, or a number of deals. */
export function formatTarget(
  value: number,
  kind: TargetKind,
  currency: string | null,
  lang: string,
) {
  return kind === 'amount' && currency
    ? formatMoney(Math.round(value), currency, lang)
    : formatNumber(Math.round(value * 10) / 10, lang);
}
