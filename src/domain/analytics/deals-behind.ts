// The deals behind a key number: exactly the deals `keyNumbers` counts (and, with `heldBy`, the
// ones the leaderboard gives an owner), so a drill-down from a dashboard number lists what it counted.
// Definitions: docs/metrics.md, "Deals created" to "Open pipeline", "Stage conversion" (both
// modes) and "Leaderboard".
import { computeFunnel } from '../funnel.js';
import { closingIn, reachedAt, reachIn } from './closings.js';
import { replay, type DealHistory } from './history.js';
import { lastStaysIn, outcomeOf, type ActiveOutcome } from './stage-conversion.js';
import { inPeriod, pipelineStages, type Period, type StageIndex } from './stages.js';

export type DealsBehindMetric =
  'created' | 'won' | 'lost' | 'closed' | 'qualified' | 'open' | 'reached' | 'active';

export type DealsBehindInput = {
  histories: readonly DealHistory[];
  pipelineId: string;
  period: Period;
  stages: StageIndex;
  qualificationPosition: number;
  metric: DealsBehindMetric;
  /**
   * Only deals this user owned at the instant that counts: the closing for won, lost and closed,
   * the period's end for open (the leaderboard's rule). Not for created or qualified.
   */
  heldBy?: string | undefined;
  /**
   * For reached: the stage of the cohort funnel (stage conversion, cohort mode); for active: the
   * open stage of the active conversion.
   */
  stageId?: string | undefined;
  /** For active: only the deals whose stay had this outcome (all of the stage's when left out). */
  outcome?: ActiveOutcome | undefined;
};

const ownerAt = (h: DealHistory, at: number) => {
  const state = replay(h, at);
  return state.exists ? state.ownerId : null;
};

function counts(input: DealsBehindInput, h: DealHistory): boolean {
  const { pipelineId, period, metric, heldBy } = input;
  switch (metric) {
    case 'created':
      return h.pipelineId === pipelineId && inPeriod(period, h.createdAt);
    case 'won':
    case 'lost':
    case 'closed': {
      const closing = closingIn(h, period);
      if (!closing || closing.pipelineId !== pipelineId) return false;
      if (metric !== 'closed' && closing.outcome !== metric) return false;
      return heldBy === undefined || ownerAt(h, closing.at) === heldBy;
    }
    case 'qualified': {
      const at = reachedAt(
        h,
        pipelineId,
        input.stages,
        input.qualificationPosition,
        period.end - 1,
      );
      return at !== null && inPeriod(period, at);
    }
    case 'reached': {
      // One deal through the cohort funnel of cohortConversion: does it count for the stage?
      if (h.pipelineId !== pipelineId || !inPeriod(period, h.createdAt)) return false;
      const ordered = pipelineStages(input.stages, pipelineId);
      const index = ordered.findIndex((s) => s.id === input.stageId);
      const reach = reachIn(h, pipelineId, input.stages, period.end - 1);
      const reached = ordered.flatMap((s, i) => (reach.firstEntered.has(s.id) ? [i] : []));
      const funnel = computeFunnel(ordered, [{ reached, won: reach.wonAt !== null }]);
      return index !== -1 && funnel[index]?.reachedCount === 1;
    }
    case 'active':
      // The stage's bar of activeConversion, or one outcome's part of it.
      return lastStaysIn(h, pipelineId, period).some(
        (stay) =>
          stay.stageId === input.stageId &&
          input.stages.get(stay.stageId)?.kind === 'open' &&
          (input.outcome === undefined ||
            outcomeOf(stay.stageId, stay.next, pipelineId, input.stages) === input.outcome),
      );
    case 'open': {
      const s = replay(h, period.end - 1);
      if (!s.exists || s.status !== 'open' || s.pipelineId !== pipelineId) return false;
      return heldBy === undefined || s.ownerId === heldBy;
    }
  }
}

/** The ids of the deals behind the metric, in the order of the histories. */
export function dealsBehind(input: DealsBehindInput): string[] {
  return input.histories.filter((h) => counts(input, h)).map((h) => h.dealId);
}
