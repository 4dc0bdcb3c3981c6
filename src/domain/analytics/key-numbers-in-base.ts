// The key numbers' money in the workspace currency, beside the per-currency figures: won value at
// the rate of each win's date, open and weighted value at the rate of the period's last day.
import { weightedMinor } from '../money.js';
import type { Amount } from '../exchange.js';
import { closingIn } from './closings.js';
import { replay, type DealHistory } from './history.js';
import {
  inBase,
  inBaseOfSums,
  type Conversion,
  type InBase,
  type SummedAmount,
} from './in-base.js';
import type { Period, StageIndex } from './stages.js';

export type KeyNumbersInBase = { wonValue: InBase; openAtEnd: InBase; openWeighted: InBase };

export function keyNumbersInBase(input: {
  histories: readonly DealHistory[];
  pipelineId: string;
  period: Period;
  stages: StageIndex;
  dateOf: (instant: number) => string;
  conversion: Conversion;
}): KeyNumbersInBase {
  const { period, pipelineId } = input;
  const won: Amount[] = [];
  const open: Amount[] = [];
  const weighted: Amount[] = [];
  const endDate = input.dateOf(period.end - 1);
  for (const h of input.histories) {
    const c = closingIn(h, period);
    if (c?.outcome === 'won' && c.pipelineId === pipelineId)
      won.push({ minor: c.value, currency: c.currency, date: input.dateOf(c.at) });
    const s = replay(h, period.end - 1);
    if (!s.exists || s.status !== 'open' || s.pipelineId !== pipelineId) continue;
    open.push({ minor: s.value, currency: s.currency, date: endDate });
    const probability = input.stages.get(s.stageId)?.probability ?? 0;
    weighted.push({
      minor: weightedMinor(s.value, probability),
      currency: s.currency,
      date: endDate,
    });
  }
  return {
    wonValue: inBase(won, input.conversion),
    openAtEnd: inBase(open, input.conversion),
    openWeighted: inBase(weighted, input.conversion),
  };
}

/** The same totals from amounts already summed per currency and day (the SQL over the facts). */
export function keyNumbersInBaseOf(
  sums: { won: SummedAmount[]; open: SummedAmount[]; weighted: SummedAmount[] },
  conversion: Conversion,
): KeyNumbersInBase {
  return {
    wonValue: inBaseOfSums(sums.won, conversion),
    openAtEnd: inBaseOfSums(sums.open, conversion),
    openWeighted: inBaseOfSums(sums.weighted, conversion),
  };
}
