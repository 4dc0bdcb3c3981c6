// The stage facts the metrics need, and small helpers shared by them.

export type StageKind = 'open' | 'won' | 'lost';

export type StageInfo = {
  id: string;
  pipelineId: string;
  position: number;
  kind: StageKind;
  /** Win probability in percent (0..100), used for weighted value. */
  probability: number;
  /** Its bit in the stays' masks of stages entered before (migration 0025); null past 52. */
  bit?: number | null;
};

export type StageIndex = ReadonlyMap<string, StageInfo>;

export const indexStages = (stages: Iterable<StageInfo>): StageIndex =>
  new Map([...stages].map((s) => [s.id, s]));

/** The stages of one pipeline, ordered by position (then id, so the order is total). */
export function pipelineStages(stages: StageIndex, pipelineId: string): StageInfo[] {
  return [...stages.values()]
    .filter((s) => s.pipelineId === pipelineId)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const DAY_MS = 86_400_000;

/** A half-open interval of instants [start, end) in epoch milliseconds. */
export type Period = { start: number; end: number };

export const inPeriod = (period: Period, at: number): boolean =>
  at >= period.start && at < period.end;
