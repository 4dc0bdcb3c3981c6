// Who won what in a period: per owner, or per any grouping of owners (teams), the wins, their value
// in the workspace currency, the win rate, the mean sales cycle and the weighted open pipeline at
// the period end. Definitions: docs/metrics.md, "Leaderboard".
import { weightedMinor } from '../money.js';
import { closingIn } from './closings.js';
import { replay, type DealHistory } from './history.js';
import { inBaseOfSums, type Conversion, type InBase, type SummedAmount } from './in-base.js';
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

/** One owner's facts for the period; a group of owners (a team) adds its members' up. */
export type LeaderTally = {
  won: SummedAmount[];
  lost: number;
  cycleMs: number;
  open: number;
  weighted: SummedAmount[];
};

export const emptyTally = (): LeaderTally => ({
  won: [],
  lost: 0,
  cycleMs: 0,
  open: 0,
  weighted: [],
});

export function leaderboard(input: LeaderboardInput): LeaderRow[] {
  return leaderRows(leaderTallies(input), input.rowsOf, input.conversion);
}

/** Each owner's tally, replayed from the histories. */
export function leaderTallies(
  input: Omit<LeaderboardInput, 'rowsOf' | 'conversion'>,
): Map<string, LeaderTally> {
  const { period, pipelineId } = input;
  const tallies = new Map<string, LeaderTally>();
  const of = (ownerId: string) => {
    let t = tallies.get(ownerId);
    if (!t) tallies.set(ownerId, (t = emptyTally()));
    return t;
  };
  const endDate = input.dateOf(period.end - 1);

  for (const h of input.histories) {
    const closing = closingIn(h, period);
    if (closing && closing.pipelineId === pipelineId) {
      // The win or loss is the owner's at that instant, not whoever holds the deal now.
      const at = replay(h, closing.at);
      if (at.exists) {
        const t = of(at.ownerId);
        if (closing.outcome === 'lost') t.lost += 1;
        else {
          t.won.push({
            minor: closing.value,
            currency: closing.currency,
            date: input.dateOf(closing.at),
            count: 1,
          });
          t.cycleMs += closing.at - closing.createdAt;
        }
      }
    }
    const end = replay(h, period.end - 1);
    if (end.exists && end.status === 'open' && end.pipelineId === pipelineId) {
      const weighted = weightedMinor(end.value, input.stages.get(end.stageId)?.probability ?? 0);
      const t = of(end.ownerId);
      t.open += 1;
      t.weighted.push({ minor: weighted, currency: end.currency, date: endDate, count: 1 });
    }
  }
  return tallies;
}

/** The rows from the owners' tallies: per owner, or per group of owners (`rowsOf`). */
export function leaderRows(
  byOwner: ReadonlyMap<string, LeaderTally>,
  rowsOf: (ownerId: string) => readonly string[],
  conversion: Conversion,
): LeaderRow[] {
  const tallies = new Map<string, LeaderTally>();
  for (const [ownerId, o] of byOwner) {
    for (const key of rowsOf(ownerId)) {
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = emptyTally()));
      t.won.push(...o.won);
      t.lost += o.lost;
      t.cycleMs += o.cycleMs;
      t.open += o.open;
      t.weighted.push(...o.weighted);
    }
  }
  return [...tallies.entries()].map(([key, t]) => {
    const won = t.won.reduce((n, a) => n + a.count, 0);
    const closed = won + t.lost;
    return {
      key,
      won,
      lost: t.lost,
      winRate: closed === 0 ? null : won / closed,
      wonValue: inBaseOfSums(t.won, conversion),
      cycleDays: won === 0 ? null : t.cycleMs / (won * DAY_MS),
      openCount: t.open,
      openWeighted: inBaseOfSums(t.weighted, conversion),
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
