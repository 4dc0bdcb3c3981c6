// "By value times probability": the order of My day and the attention list.
//
// Amounts in different currencies cannot be compared without exchange rates, which Pipewright
// does not have yet (a later issue brings dated rates). So the workspace's default currency comes
// first, by weighted value; then every other currency, in code order, each by weighted value; then
// what has no deal at all. See docs/decisions/0004-ordering-across-currencies.md.

export type WeightedMoney = { currency: string; valueMinor: number; probability: number };

/** value x probability, kept unrounded (percent x minor units) so near-ties still order. */
const score = (m: WeightedMoney) => m.valueMinor * m.probability;

/** Compares by weighted value, most promising first; `null` (no deal) sorts last. */
export function byWeightedValue(defaultCurrency: string) {
  return (a: WeightedMoney | null, b: WeightedMoney | null): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (a.currency !== b.currency) {
      if (a.currency === defaultCurrency) return -1;
      if (b.currency === defaultCurrency) return 1;
      return a.currency < b.currency ? -1 : 1;
    }
    return score(b) - score(a);
  };
}
