// Pure board-cache arithmetic (no React, no DOM), so the optimistic move is unit-tested.
import type { z } from 'zod';
// Types straight from the contracts (with .js), so this file also compiles for the Node tests.
import type { board, boardColumn, deal } from '../../../../contracts/deals.js';

type Board = z.infer<typeof board>;
type BoardColumn = z.infer<typeof boardColumn>;
type Deal = z.infer<typeof deal>;

export type DealMove = { dealId: string; stageId: string; position: number };

type MoneyTotal = BoardColumn['totals'][number];

/** round(n / d) half away from zero, on integers of any size: the server's Postgres round(). */
function roundDiv(n: bigint, d: bigint): bigint {
  const half = d / 2n;
  return n >= 0n ? (n + half) / d : -((-n + half) / d);
}

const byCurrency = (a: MoneyTotal, b: MoneyTotal) => (a.currency < b.currency ? -1 : 1);

/** Totals exactly as the server sums them: per currency, weighted rounded once after summing. */
export function totalsOf(deals: Deal[]): MoneyTotal[] {
  const sums = new Map<string, { value: bigint; weighted: bigint }>();
  for (const d of deals) {
    const sum = sums.get(d.currency) ?? { value: 0n, weighted: 0n };
    sum.value += BigInt(d.value);
    sum.weighted += BigInt(d.value) * BigInt(d.effectiveProbability);
    sums.set(d.currency, sum);
  }
  return [...sums]
    .map(([currency, s]) => ({
      currency,
      value: Number(s.value),
      weighted: Number(roundDiv(s.weighted, 100n)),
    }))
    .sort(byCurrency);
}

/**
 * Adds (sign 1) or takes away (sign -1) one deal from totals we only know as rounded sums: the
 * weighted figure is an estimate until the server answers with the exact one.
 */
function shiftTotals(totals: MoneyTotal[], deal: Deal, sign: 1 | -1): MoneyTotal[] {
  const own = totals.find((t) => t.currency === deal.currency) ?? {
    currency: deal.currency,
    value: 0,
    weighted: 0,
  };
  const weightedHundredths =
    BigInt(own.weighted) * 100n +
    BigInt(sign) * BigInt(deal.value) * BigInt(deal.effectiveProbability);
  const next = {
    currency: deal.currency,
    value: own.value + sign * deal.value,
    weighted: Number(roundDiv(weightedHundredths, 100n)),
  };
  return [...totals.filter((t) => t.currency !== deal.currency), next].sort(byCurrency);
}

/** A column after its deals changed: exact totals when every deal is loaded, else a delta. */
function withDeals(column: BoardColumn, deals: Deal[], change: { add?: Deal; remove?: Deal }) {
  const count = column.count + (change.add ? 1 : 0) - (change.remove ? 1 : 0);
  const complete = column.nextCursor === null && deals.length === count;
  let totals = column.totals;
  if (count === 0) totals = [];
  else if (complete) totals = totalsOf(deals);
  else {
    if (change.remove) totals = shiftTotals(totals, change.remove, -1);
    if (change.add) totals = shiftTotals(totals, change.add, 1);
  }
  return { ...column, count, totals, deals };
}

/** The deal as the server will return it once it sits in the new stage. */
export function movedDeal(deal: Deal, column: BoardColumn, now: string): Deal {
  const { stage } = column;
  if (deal.stageId === stage.id) return deal;
  const status = stage.kind;
  return {
    ...deal,
    stageId: stage.id,
    status,
    effectiveProbability: deal.probability ?? stage.probability,
    stageEnteredAt: now,
    closedAt: status === 'open' ? null : status === deal.status ? deal.closedAt : now,
    lostReason: status === 'lost' ? deal.lostReason : null,
    updatedAt: now,
  };
}

const insertAt = <T>(list: T[], index: number, item: T) => [
  ...list.slice(0, index),
  item,
  ...list.slice(index),
];

/**
 * The board with one deal moved to `position` (0-based, among the other deals) of a stage's
 * column: both columns' counts and per-currency totals follow at once. Unknown deal or stage:
 * the board is returned as it was.
 */
export function applyMove(board: Board, move: DealMove, now = new Date().toISOString()): Board {
  const from = board.columns.find((c) => c.deals.some((d) => d.id === move.dealId));
  const to = board.columns.find((c) => c.stage.id === move.stageId);
  const deal = from?.deals.find((d) => d.id === move.dealId);
  if (!from || !to || !deal) return board;
  const moved = movedDeal(deal, to, now);
  const columns = board.columns.map((column) => {
    if (column === from && column === to) {
      const rest = column.deals.filter((d) => d.id !== deal.id);
      return { ...column, deals: insertAt(rest, Math.min(move.position, rest.length), moved) };
    }
    if (column === from) {
      const rest = column.deals.filter((d) => d.id !== deal.id);
      return withDeals(column, rest, { remove: deal });
    }
    if (column === to) {
      const deals = insertAt(column.deals, Math.min(move.position, column.deals.length), moved);
      return withDeals(column, deals, { add: moved });
    }
    return column;
  });
  return { ...board, columns };
}

/** Appends the next page of a column, skipping deals already there (a move may have shifted it). */
export function appendPage(
  column: BoardColumn,
  page: { data: Deal[]; nextCursor: string | null },
): BoardColumn {
  const seen = new Set(column.deals.map((d) => d.id));
  return {
    ...column,
    deals: [...column.deals, ...page.data.filter((d) => !seen.has(d.id))],
    nextCursor: page.nextCursor,
  };
}
