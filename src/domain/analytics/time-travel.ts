// The board of one pipeline as it stood at an instant: per stage, how many open deals and their
// value per currency. Replayed from the history, so it shows the past exactly as it was.

import { replay, type DealFields, type DealHistory } from './history.js';
import { pipelineStages, type StageIndex } from './stages.js';
import { addTo } from './stats.js';

export type BoardColumn = { stageId: string; count: number; totals: Record<string, number> };

/** Open deals of the pipeline counted per stage and currency (SQL over the facts gives these). */
export type OpenTotals = { stageId: string | null; currency: string; count: number; value: number };

/** The board from open deals' totals: the pipeline's open stages in order, others left out. */
export function boardOfTotals(
  totals: Iterable<OpenTotals>,
  pipelineId: string,
  stages: StageIndex,
): BoardColumn[] {
  const columns = pipelineStages(stages, pipelineId)
    .filter((s) => s.kind === 'open')
    .map((s): BoardColumn => ({ stageId: s.id, count: 0, totals: {} }));
  for (const t of totals) {
    const column = columns.find((c) => c.stageId === t.stageId);
    if (!column) continue;
    column.count += t.count;
    addTo(column.totals, t.currency, t.value);
  }
  return columns;
}

/** The board from deals' fields: open deals of the pipeline, in the pipeline's open stages. */
export function boardOf(
  deals: Iterable<DealFields>,
  pipelineId: string,
  stages: StageIndex,
): BoardColumn[] {
  const open = [...deals].filter((d) => d.status === 'open' && d.pipelineId === pipelineId);
  return boardOfTotals(
    open.map((d) => ({ stageId: d.stageId, currency: d.currency, count: 1, value: d.value })),
    pipelineId,
    stages,
  );
}

/** The board at instant `at` (events at exactly `at` included). */
export function boardAt(
  histories: readonly DealHistory[],
  pipelineId: string,
  stages: StageIndex,
  at: number,
): BoardColumn[] {
  const states = histories.map((h) => replay(h, at)).filter((s) => s.exists);
  return boardOf(states as DealFields[], pipelineId, stages);
}
