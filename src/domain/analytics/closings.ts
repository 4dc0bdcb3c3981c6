// When deals were won or lost, and which stages they reached: the facts behind win rate, close
// rate and conversion, read from the history so reopened deals are counted exactly.

import { stageVisits, transitions, type DealHistory } from './history.js';
import { inPeriod, type Period, type StageIndex } from './stages.js';

export type Closing = {
  dealId: string;
  outcome: 'won' | 'lost';
  at: number;
  pipelineId: string;
  /** Value and currency at the instant of closing (after every event of that instant). */
  value: number;
  currency: string;
  createdAt: number;
};

/**
 * The deal's closing in the period: its last status event to won or lost within [start, end),
 * with the deal's pipeline, value and currency as they stood at that instant. A deal lost in
 * March, reopened and won in April closes as lost in March and as won in April; one lost and
 * reopened and won within the same period closes once, as won. null when it did not close.
 */
export function closingIn(history: DealHistory, period: Period): Closing | null {
  let found: Closing | null = null;
  for (const t of transitions(history)) {
    if (!inPeriod(period, t.at) || !t.after.exists) continue;
    const closes = t.events.some(
      (e) => e.type === 'status' && (e.toText === 'won' || e.toText === 'lost'),
    );
    if (!closes || t.after.status === 'open') continue;
    found = {
      dealId: history.dealId,
      outcome: t.after.status,
      at: t.at,
      pipelineId: t.after.pipelineId,
      value: t.after.value,
      currency: t.after.currency,
      createdAt: history.createdAt,
    };
  }
  return found;
}

export type Reach = {
  /** The stages of the pipeline the deal has been in, up to `asOf`, with when it first entered. */
  firstEntered: Map<string, number>;
  /** When it first entered a won stage of the pipeline (null if never, up to `asOf`). */
  wonAt: number | null;
};

/** The stages of `pipelineId` the deal entered up to and including `asOf`. */
export function reachIn(
  history: DealHistory,
  pipelineId: string,
  stages: StageIndex,
  asOf: number,
): Reach {
  const firstEntered = new Map<string, number>();
  let wonAt: number | null = null;
  for (const visit of stageVisits(history)) {
    if (visit.enteredAt > asOf || visit.pipelineId !== pipelineId) continue;
    if (!firstEntered.has(visit.stageId)) firstEntered.set(visit.stageId, visit.enteredAt);
    if (wonAt === null && stages.get(visit.stageId)?.kind === 'won') wonAt = visit.enteredAt;
  }
  return { firstEntered, wonAt };
}

/**
 * The first instant the deal reached the stage at `position` of the pipeline: it entered an
 * open stage at that position or later, or a won stage. null if it never did up to `asOf`.
 */
export function reachedAt(
  history: DealHistory,
  pipelineId: string,
  stages: StageIndex,
  position: number,
  asOf: number,
): number | null {
  const counting = new Set(qualifyingStageIds(stages, pipelineId, position));
  let first: number | null = null;
  for (const [stageId, at] of reachIn(history, pipelineId, stages, asOf).firstEntered) {
    if (counting.has(stageId) && (first === null || at < first)) first = at;
  }
  return first;
}

/** The stages of the pipeline whose entry reaches `position`: open ones at or after it, won ones. */
export function qualifyingStageIds(
  stages: StageIndex,
  pipelineId: string,
  position: number,
): string[] {
  return [...stages.values()]
    .filter(
      (s) =>
        s.pipelineId === pipelineId &&
        (s.kind === 'won' || (s.kind === 'open' && s.position >= position)),
    )
    .map((s) => s.id);
}
