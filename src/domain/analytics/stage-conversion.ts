// How deals move through the stages of one pipeline: a cohort funnel, what happened to the deals
// that sat in each stage during a period, how long stays lasted, and the weakest stage.

import { computeFunnel, type FunnelDeal } from '../funnel.js';
import { reachIn } from './closings.js';
import { stageVisits, type DealHistory } from './history.js';
import {
  DAY_MS,
  inPeriod,
  pipelineStages,
  type Period,
  type StageIndex,
  type StageInfo,
} from './stages.js';
import { median, percentile } from './stats.js';

export type CohortStage = { stageId: string; reached: number; conversionToNext: number | null };

/**
 * Of the deals created in the pipeline during the period, how many reached each stage by `asOf`.
 * A deal reached an open stage when it entered it or any later open stage, or was won (in this
 * pipeline); so the counts never rise from one open stage to the next, nor from the last open
 * stage to Won. Conversion to next = reached(next open stage, or Won after the last) / reached.
 */
export function cohortConversion(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  period: Period,
  asOf: number,
): CohortStage[] {
  const ordered = pipelineStages(stages, pipelineId);
  const cohort = histories.filter(
    (h) => h.pipelineId === pipelineId && inPeriod(period, h.createdAt),
  );
  return cohortOfReach(
    ordered,
    cohort.map((h) => {
      const reach = reachIn(h, pipelineId, stages, asOf);
      const reached = ordered.flatMap((s, i) => (reach.firstEntered.has(s.id) ? [i] : []));
      return { reached, won: reach.wonAt !== null };
    }),
  );
}

/**
 * The cohort funnel from what each deal reached (indexes into `ordered`, the pipeline's stages in
 * board order), one deal or a group of deals with the same reach per entry.
 */
export function cohortOfReach(ordered: readonly StageInfo[], deals: Iterable<FunnelDeal>) {
  const funnel = computeFunnel(ordered, deals);
  // The funnel leaves the last open stage without a next stage; here its next stage is Won.
  const lastOpen = ordered.map((s) => s.kind).lastIndexOf('open');
  const wonIndex = ordered.findIndex((s) => s.kind === 'won');
  return ordered.map((s, i): CohortStage => {
    const reached = funnel[i]?.reachedCount ?? 0;
    let conversionToNext = funnel[i]?.conversionToNext ?? null;
    if (i === lastOpen && wonIndex !== -1 && reached > 0) {
      conversionToNext = (funnel[wonIndex]?.reachedCount ?? 0) / reached;
    }
    return { stageId: s.id, reached, conversionToNext };
  });
}

export type ActiveOutcome = 'forward' | 'back' | 'won' | 'lost' | 'movedOut' | 'stayed';
export type ActiveStage = { stageId: string; deals: number } & Record<ActiveOutcome, number>;

/**
 * For each open stage: the deals that were in it at some moment of the period, by what their
 * last stay there (overlapping the period) led to within the period: the next stage was later
 * (forward) or earlier (back) in the pipeline, won, lost, in another pipeline (movedOut), or the
 * deal was still there at the period end (stayed). Each deal counts once per stage.
 */
export function activeConversion(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  period: Period,
): ActiveStage[] {
  const stays = histories.flatMap((h) => lastStaysIn(h, pipelineId, period));
  return activeOfStays(stays, pipelineId, stages);
}

/** One deal's last stay in each stage of the pipeline overlapping the period, and what followed. */
export function lastStaysIn(h: DealHistory, pipelineId: string, period: Period): ActiveStay[] {
  const visits = stageVisits(h);
  const last = new Map<string, number>();
  visits.forEach((v, i) => {
    const overlaps = v.enteredAt < period.end && (v.leftAt === null || v.leftAt > period.start);
    if (overlaps && v.pipelineId === pipelineId) last.set(v.stageId, i);
  });
  return [...last].map(([stageId, i]) => {
    const visit = visits[i];
    const next = visits[i + 1];
    const stayed = !visit || !next || visit.leftAt === null || visit.leftAt >= period.end;
    return { stageId, next: stayed ? null : next };
  });
}

/**
 * A deal's last stay in a stage overlapping the period, and the stay that followed it within the
 * period (null when the deal was still there at the period end); `count` stays alike (default 1).
 */
export type ActiveStay = {
  stageId: string;
  next: { stageId: string; pipelineId: string } | null;
  count?: number;
};

/** The active conversion of the pipeline's open stages from the stays in them. */
export function activeOfStays(
  stays: Iterable<ActiveStay>,
  pipelineId: string,
  stages: StageIndex,
): ActiveStage[] {
  const ordered = pipelineStages(stages, pipelineId).filter((s) => s.kind === 'open');
  const rows = new Map<string, ActiveStage>(
    ordered.map((s) => [
      s.id,
      { stageId: s.id, deals: 0, forward: 0, back: 0, won: 0, lost: 0, movedOut: 0, stayed: 0 },
    ]),
  );
  for (const { stageId, next, count = 1 } of stays) {
    const row = rows.get(stageId);
    if (!row) continue;
    row.deals += count;
    row[outcomeOf(stageId, next, pipelineId, stages)] += count;
  }
  return [...rows.values()];
}

/** What a stay in an open stage of the pipeline led to (see activeConversion). */
export function outcomeOf(
  stageId: string,
  next: ActiveStay['next'],
  pipelineId: string,
  stages: StageIndex,
): ActiveOutcome {
  if (!next) return 'stayed';
  const from = stages.get(stageId);
  const to = stages.get(next.stageId);
  if (next.pipelineId !== pipelineId || !to || !from) return 'movedOut';
  if (to.kind !== 'open') return to.kind;
  return to.position > from.position ? 'forward' : 'back';
}

export type StageTime = {
  stageId: string;
  visits: number;
  median: number | null;
  p75: number | null;
};

/** Days per completed stay in each open stage, over stays that ended within the period. */
export function timeInStage(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  period: Period,
): StageTime[] {
  const days = new Map<string, number[]>();
  for (const h of histories) {
    for (const v of stageVisits(h)) {
      if (v.leftAt === null || !inPeriod(period, v.leftAt) || v.pipelineId !== pipelineId) continue;
      const list = days.get(v.stageId) ?? [];
      days.set(v.stageId, list);
      list.push((v.leftAt - v.enteredAt) / DAY_MS);
    }
  }
  return stageTimesOf(
    [...days].map(([stageId, list]) => ({
      stageId,
      visits: list.length,
      median: median(list),
      p75: percentile(list, 0.75),
    })),
    pipelineId,
    stages,
  );
}

/** One row per open stage of the pipeline, in board order, from the stages' computed times. */
export function stageTimesOf(
  times: readonly StageTime[],
  pipelineId: string,
  stages: StageIndex,
): StageTime[] {
  return pipelineStages(stages, pipelineId)
    .filter((s) => s.kind === 'open')
    .map(
      (s) =>
        times.find((t) => t.stageId === s.id) ?? {
          stageId: s.id,
          visits: 0,
          median: null,
          p75: null,
        },
    );
}

/**
 * The open stage with the lowest conversion to the next stage (stages without a conversion are
 * skipped); on a tie the one with the longest median time in stage (no time counts as shortest),
 * then the earlier stage. null when no stage has a conversion.
 */
export function weakestStage(
  conversion: readonly CohortStage[],
  times: readonly StageTime[],
): string | null {
  const medianOf = (id: string) => times.find((t) => t.stageId === id)?.median ?? -1;
  let best: CohortStage | null = null;
  for (const row of conversion) {
    if (row.conversionToNext === null) continue;
    if (
      !best ||
      row.conversionToNext < (best.conversionToNext as number) ||
      (row.conversionToNext === best.conversionToNext &&
        medianOf(row.stageId) > medianOf(best.stageId))
    ) {
      best = row;
    }
  }
  return best?.stageId ?? null;
}
