// Money in the workspace currency for the reports: each amount converted at the rate of its own
// date (docs/metrics.md, "Converting to the workspace currency"), with what had no rate kept apart
// and counted, so a screen can say how many amounts its total leaves out.
import { convertSum, rateOn, type Amount, type RateTable } from '../exchange.js';

export type InBase = {
  /** Whole minor units of the base currency, rounded once. */
  total: number;
  /** Per currency, the amounts left out for want of a rate, with the earliest such date. */
  unconverted: { currency: string; minor: number; firstDate: string }[];
  /** How many amounts are in `unconverted`. */
  unconvertedCount: number;
};

export type Conversion = { base: string; rates: RateTable };

export function inBase(amounts: readonly Amount[], conversion: Conversion): InBase {
  return inBaseOfSums(
    amounts.map((a) => ({ ...a, count: 1 })),
    conversion,
  );
}

/** The total is the whole answer only when nothing was left out for want of a rate. */
export const complete = (money: InBase): boolean => money.unconvertedCount === 0;

/** An amount that sums `count` amounts of one currency and date. */
export type SummedAmount = Amount & { count: number };

/**
 * inBase() over amounts already summed per currency and date (as SQL returns them): the same
 * result, since every amount of one currency and date converts at one rate and convertSum adds
 * exactly before rounding once.
 */
export function inBaseOfSums(sums: readonly SummedAmount[], { base, rates }: Conversion): InBase {
  const { total, missing } = convertSum(sums, base, rates);
  const unconvertedCount = sums
    .filter((a) => a.currency !== base && rateOn(rates, a.currency, a.date) === null)
    .reduce((n, a) => n + a.count, 0);
  return { total, unconverted: missing, unconvertedCount };
}
