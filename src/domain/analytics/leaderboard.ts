// Who won what in a period: per owner, or per any grouping of owners (teams), the wins, their value
// in the workspace currency, the win rate, the mean sales cycle and the weighted open pipeline at
// the period end. Definitions: docs/metrics.md, "Leaderboard".
import { weightedMinor } from '../money.js';
import type { Amount } from '../exchange.js';
import { closingIn } from './closings.js';
import { replay, type DealHistory } from './history.js';
import { inBase, type Conversion, type InBase } from './in-base.js';
import { DAY_MS, type Period, type StageIndex } from './stages.js';

export type LeaderboardInput = {
  histories: readonly DealHistory[];
  pipelineId: string;
  period: Period;
  stages: StageIndex;
  /** The local date of an instant in the report's zone: the date whose rate converts it. */
  dateOf: (instant: number) => string;
  conversion: Conversion;
  /** The rows an owner counts in: [ownerId] per owner, the owner's teams per team. */
  rowsOf: (ownerId: string) => readonly string[];
};

export type LeaderRow = {
  key: string;
  won: number;
  lost: number;
  winRate: number | null;
  wonValue: InBase;
  cycleDays: number | null;
  openCount: number;
  openWeighted: InBase;
};

type Tally = { won: Amount[]; lost: number; cycleMs: number; open: number; weighted: Amount[] };

export function leaderboard(input: LeaderboardInput): LeaderRow[] {
  const { period, pipelineId } = input;
  const tallies = new Map<string, Tally>();
  const each = (ownerId: string, add: (t: Tally) => void) => {
    for (const key of input.rowsOf(ownerId)) {
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { won: [], lost: 0, cycleMs: 0, open: 0, weighted: [] }));
      add(t);
    }
  };
  const endDate = input.dateOf(period.end - 1);

  for (const h of input.histories) {
    const closing = closingIn(h, period);
    if (closing && closing.pipelineId === pipelineId) {
      // The win or loss is the owner's at that instant, not whoever holds the deal now.
      const at = replay(h, closing.at);
      if (at.exists) {
        each(at.ownerId, (t) => {
          if (closing.outcome === 'lost') t.lost += 1;
          else {
            t.won.push({
              minor: closing.value,
              currency: closing.currency,
              date: input.dateOf(closing.at),
            });
            t.cycleMs += closing.at - closing.createdAt;
          }
        });
      }
    }
    const end = replay(h, period.end - 1);
    if (end.exists && end.status === 'open' && end.pipelineId === pipelineId) {
      const weighted = weightedMinor(end.value, input.stages.get(end.stageId)?.probability ?? 0);
      each(end.ownerId, (t) => {
        t.open += 1;
        t.weighted.push({ minor: weighted, currency: end.currency, date: endDate });
      });
    }
  }

  return [...tallies.entries()].map(([key, t]) => {
    const closed = t.won.length + t.lost;
    return {
      key,
      won: t.won.length,
      lost: t.lost,
      winRate: closed === 0 ? null : t.won.length / closed,
      wonValue: inBase(t.won, input.conversion),
      cycleDays: t.won.length === 0 ? null : t.cycleMs / (t.won.length * DAY_MS),
      openCount: t.open,
      openWeighted: inBase(t.weighted, input.conversion),
    };
  });
}

export type LeaderSort = 'wonValue' | 'won' | 'winRate' | 'cycleDays' | 'openWeighted';

const sortValue = (r: LeaderRow, by: LeaderSort): number | null =>
  by === 'wonValue' ? r.wonValue.total : by === 'openWeighted' ? r.openWeighted.total : r[by];

/**
 * Highest first, except the sales cycle where the shortest leads; rows without an answer (null)
 * come last; ties by name.
 */
export function sortLeaders<T extends LeaderRow & { name: string }>(
  rows: T[],
  by: LeaderSort,
): T[] {
  const sign = by === 'cycleDays' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, by);
    const y = sortValue(b, by);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y);
    }
    return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.key < b.key ? -1 : 1);
  });
}
