// How one pipeline's open value changed between two instants, bar by bar, per currency. Each
// change of a deal is classified by what it did to the deal's contribution (its value, in its
// currency, while it is open in this pipeline), so for every currency, exactly:
//   start + new + increases + reopened + movedIn + currencyIn
//         - decreases - won - lost - movedOut - currencyOut = end

import { replay, transitions, type DealHistory, type DealState } from './history.js';

export const IN_BARS = ['new', 'increases', 'reopened', 'movedIn', 'currencyIn'] as const;
export const OUT_BARS = ['decreases', 'won', 'lost', 'movedOut', 'currencyOut'] as const;
export type BarName = 'start' | (typeof IN_BARS)[number] | (typeof OUT_BARS)[number] | 'end';

/** A bar's size (minor units, never negative) and the deals behind it, sorted. */
export type Bar = { amount: number; dealIds: string[] };
export type Waterfall = Record<string, Record<BarName, Bar>>;

type Contribution = { currency: string; value: number } | null;

const contribution = (s: DealState, pipelineId: string): Contribution =>
  s.exists && s.status === 'open' && s.pipelineId === pipelineId
    ? { currency: s.currency, value: s.value }
    : null;

/**
 * The waterfall of `pipelineId` from `start` to `end` (epoch ms, start < end). The start bar is
 * the pipeline as replay(start) shows it (events at exactly `start` included), the end bar as
 * replay(end) shows it; the bars in between are the changes at instants in (start, end].
 */
export function waterfall(
  histories: readonly DealHistory[],
  pipelineId: string,
  start: number,
  end: number,
): Waterfall {
  const result: Waterfall = {};
  // Which deals each bar already lists: searching the list instead made a bar of n deals cost
  // n² (minutes at 100,000 deals).
  const listed = new Map<Bar, Set<string>>();
  const add = (bar: BarName, currency: string, amount: number, dealId: string) => {
    const target = (result[currency] ??= emptyBars())[bar];
    target.amount += amount;
    let ids = listed.get(target);
    if (!ids) listed.set(target, (ids = new Set()));
    if (!ids.has(dealId)) {
      ids.add(dealId);
      target.dealIds.push(dealId);
    }
  };
  const change = (currency: string, delta: number, dealId: string, isNew: boolean) => {
    if (delta === 0) return;
    if (isNew) add('new', currency, delta, dealId);
    else add(delta > 0 ? 'increases' : 'decreases', currency, Math.abs(delta), dealId);
  };

  for (const h of histories) {
    const first = contribution(replay(h, start), pipelineId);
    if (first) add('start', first.currency, first.value, h.dealId);
    const last = contribution(replay(h, end), pipelineId);
    if (last) add('end', last.currency, last.value, h.dealId);

    // True while the deal was created in the window and has stayed open here in one currency:
    // its value changes then belong to the New bar, so New shows the value it closed or left at.
    let isNew = false;
    for (const t of transitions(h)) {
      if (t.at <= start || t.at > end) continue;
      const before = contribution(t.before, pipelineId);
      const after = contribution(t.after, pipelineId);
      if (before && after) {
        if (before.currency === after.currency) {
          change(after.currency, after.value - before.value, h.dealId, isNew);
        } else {
          add('currencyOut', before.currency, before.value, h.dealId);
          add('currencyIn', after.currency, after.value, h.dealId);
          isNew = false;
        }
      } else if (before && t.after.exists) {
        if (t.after.pipelineId !== pipelineId) {
          add('movedOut', before.currency, before.value, h.dealId);
        } else {
          // Closed in this pipeline: a value or currency change at the same instant comes first,
          // then the deal leaves at the value it was closed at.
          const outcome = t.after.status === 'won' ? 'won' : 'lost';
          if (before.currency === t.after.currency) {
            change(before.currency, t.after.value - before.value, h.dealId, isNew);
          } else {
            add('currencyOut', before.currency, before.value, h.dealId);
            add('currencyIn', t.after.currency, t.after.value, h.dealId);
          }
          add(outcome, t.after.currency, t.after.value, h.dealId);
        }
        isNew = false;
      } else if (after) {
        if (!t.before.exists) {
          add('new', after.currency, after.value, h.dealId);
          isNew = true;
        } else if (t.before.pipelineId !== pipelineId) {
          add('movedIn', after.currency, after.value, h.dealId);
        } else {
          add('reopened', after.currency, after.value, h.dealId);
        }
      }
    }
  }
  for (const bars of Object.values(result)) {
    for (const bar of Object.values(bars)) bar.dealIds.sort();
  }
  return result;
}

export function emptyBars(): Record<BarName, Bar> {
  const names: BarName[] = ['start', ...IN_BARS, ...OUT_BARS, 'end'];
  return Object.fromEntries(
    names.map((n) => [n, { amount: 0, dealIds: [] as string[] }]),
  ) as Record<BarName, Bar>;
}

/** start + ins - outs - end for one currency: 0 when the waterfall balances. */
export function imbalance(bars: Record<BarName, Bar>): number {
  const sum = (names: readonly BarName[]) => names.reduce((s, n) => s + bars[n].amount, 0);
  return bars.start.amount + sum(IN_BARS) - sum(OUT_BARS) - bars.end.amount;
}
