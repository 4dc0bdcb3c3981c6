// What every report resolves before it computes: who may see what, the caller's time zone, the
// pipeline and its stages, and the period as UTC instants. Everything that can fail fails here.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { indexStages, type Period, type StageIndex } from '../../../domain/analytics/stages.js';
import { invalid, notFound } from '../../../domain/errors.js';
import { addDays, localDate, startOfLocalDay } from '../../../domain/local-day.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import { settingsOf } from '../attention/attention.service.js';
import type { Actor } from '../auth/actor.js';
import * as pipelines from '../pipelines/pipelines.repository.js';
import type { HistoryFilters, HistoryWindow } from './history.repository.js';

export type ReportStage = { id: string; name: string; kind: 'open' | 'won' | 'lost' };

export type ReportContext = {
  scope: Scope;
  timeZone: string;
  filters: HistoryFilters;
  /** The pipeline's stages in board order. */
  stages: ReportStage[];
  index: StageIndex;
};

export async function reportContext(
  db: Kysely<DB>,
  actor: Actor,
  filters: HistoryFilters,
): Promise<ReportContext> {
  const [scope, settings, pipeline, stageRows] = await Promise.all([
    scopeOf(db, actor),
    settingsOf(db, actor),
    pipelines.findPipeline(db, actor.workspaceId, filters.pipelineId),
    pipelines.findStages(db, actor.workspaceId, [filters.pipelineId]),
  ]);
  if (!pipeline) throw notFound('Pipeline');
  return {
    scope,
    timeZone: settings.timeZone,
    filters: {
      pipelineId: filters.pipelineId,
      ownerId: filters.ownerId,
      teamId: filters.teamId,
      source: filters.source,
    },
    stages: stageRows.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    index: indexStages(
      stageRows.map((s) => ({
        id: s.id,
        pipelineId: s.pipeline_id,
        position: s.position,
        kind: s.kind,
        probability: s.probability,
        bit: s.bit,
      })),
    ),
  };
}

/** Local dates [from, to] (to included) as the half-open instants [start of from, start of to+1). */
export function periodOf(from: string, to: string, timeZone: string): Period {
  return {
    start: startOfLocalDay(from, timeZone).getTime(),
    end: startOfLocalDay(addDays(to, 1), timeZone).getTime(),
  };
}

/** What a period's report reads: the changes within it, and the state they started from. */
export const windowOf = (period: Period): HistoryWindow => ({
  from: new Date(period.start),
  until: new Date(period.end - 1),
});

/** The period as the API shows it: its local first and last day and its instants. */
export function describePeriod(period: Period, timeZone: string) {
  return {
    from: localDate(new Date(period.start), timeZone),
    to: localDate(new Date(period.end - 1), timeZone),
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
  };
}

/**
 * The position of the qualification stage for the close rate: the stage asked for, which must
 * be an open stage of the pipeline, else the second open stage (the first after the entry one),
 * else the only one. null when the pipeline has no open stage.
 */
export function qualificationOf(ctx: ReportContext, stageId: string | undefined) {
  const open = [...ctx.index.values()]
    .filter((s) => s.kind === 'open')
    .sort((a, b) => a.position - b.position);
  if (stageId !== undefined) {
    const stage = open.find((s) => s.id === stageId);
    if (!stage) throw invalid('qualificationStageId', 'must be an open stage of the pipeline');
    return stage;
  }
  return open[1] ?? open[0] ?? null;
}
