// The review's sections from the deals' changes, the Monday-start local weeks its closings fall
// in, and totals per currency (never summed across currencies).
import { addDays } from '../local-day.js';
import type { DealChange } from './changes.js';

export const SECTIONS = [
  'new',
  'forward',
  'back',
  'slipped',
  'valueChanged',
  'won',
  'lost',
  'stalled',
  'closingThisWeek',
  'closingNextWeek',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Which history sections a change belongs to (one deal may be in several). */
export function sectionsOf(c: DealChange): Section[] {
  const out: Section[] = [];
  if (c.isNew) out.push('new');
  if (c.stage) out.push(c.stage.direction);
  if (c.slipped) out.push('slipped');
  if (c.valueChange) out.push('valueChanged');
  if (c.closed) out.push(c.closed.outcome);
  return out;
}

export type Week = { from: string; to: string };

/** The Monday-to-Sunday week holding a local date ('YYYY-MM-DD'). */
export function weekOf(date: string): Week {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  const from = addDays(date, -((weekday + 6) % 7));
  return { from, to: addDays(from, 6) };
}

/** This week and next, from the local date of the review's end in the workspace zone. */
export function closingWeeks(today: string): { thisWeek: Week; nextWeek: Week } {
  const thisWeek = weekOf(today);
  return { thisWeek, nextWeek: weekOf(addDays(thisWeek.to, 1)) };
}

/** An open deal's expected close date within the week (both ends included). */
export const closesIn = (week: Week, expectedCloseDate: string | null) =>
  expectedCloseDate !== null && expectedCloseDate >= week.from && expectedCloseDate <= week.to;

export type CurrencyTotal = { currency: string; count: number; amount: number };

const sortTotals = (m: Map<string, CurrencyTotal>) =>
  [...m.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));

/** Count and summed value of the deals per currency, in currency order. */
export function totalsByCurrency(deals: readonly { value: number; currency: string }[]) {
  const m = new Map<string, CurrencyTotal>();
  for (const d of deals) {
    const t = m.get(d.currency) ?? { currency: d.currency, count: 0, amount: 0 };
    t.count += 1;
    t.amount += d.value;
    m.set(d.currency, t);
  }
  return sortTotals(m);
}

/**
 * The net change of value per currency: after minus before within one currency; a deal whose
 * currency changed takes its old value off the old currency and adds its new one to the new.
 * `count` is the number of deals touching the currency.
 */
export function changeTotals(changes: readonly NonNullable<DealChange['valueChange']>[]) {
  const m = new Map<string, CurrencyTotal>();
  const add = (currency: string, amount: number) => {
    const t = m.get(currency) ?? { currency, count: 0, amount: 0 };
    t.count += 1;
    t.amount += amount;
    m.set(currency, t);
  };
  for (const c of changes) {
    if (c.from.currency === c.to.currency) add(c.to.currency, c.to.value - c.from.value);
    else {
      add(c.from.currency, -c.from.value);
      add(c.to.currency, c.to.value);
    }
  }
  return sortTotals(m);
}
