import { formatMoney } from '../../../lib/format';

type Unconverted = { currency: string; minor: number }[];

/** Amounts left out for want of a rate, each in its own currency: "€200.00, ¥5,000". */
export const unconvertedText = (unconverted: Unconverted, lang: string) =>
  unconverted.map((u) => formatMoney(u.minor, u.currency, lang)).join(', ');

/** A cost or other money figure that may fall between two minor units, rounded for display. */
export const roundedMoney = (minor: number, currency: string, lang: string) =>
  formatMoney(Math.round(minor), currency, lang);
