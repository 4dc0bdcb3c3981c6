// Stage conversion (cohort or active), time in stage and the weakest stage of one period.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { weakestStage } from '../../../domain/analytics/stage-conversion.js';
import type { Actor } from '../auth/actor.js';
import { stageConversionOf } from './conversion-facts.js';
import type { PeriodInput } from './key-numbers.service.js';
import { describePeriod, periodOf, reportContext } from './report-context.js';

export type StageConversionInput = PeriodInput & { mode: 'cohort' | 'active' };

export async function stageConversionReport(
  db: Kysely<DB>,
  actor: Actor,
  input: StageConversionInput,
) {
  const ctx = await reportContext(db, actor, input);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const { pipelineId } = ctx.filters;
  const { cohort, times, active } = await stageConversionOf(
    { db, scope: ctx.scope, filters: ctx.filters },
    ctx.index,
    period,
    input.mode === 'active',
  );
  return {
    pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    mode: input.mode,
    weakestStageId: weakestStage(cohort, times),
    stages: ctx.stages.map((stage) => {
      const c = input.mode === 'cohort' ? cohort.find((r) => r.stageId === stage.id) : undefined;
      const a = active.find((r) => r.stageId === stage.id);
      const time = times.find((r) => r.stageId === stage.id);
      return {
        stageId: stage.id,
        name: stage.name,
        kind: stage.kind,
        reached: c?.reached ?? null,
        conversionToNext: c?.conversionToNext ?? null,
        active: a
          ? {
              deals: a.deals,
              forward: a.forward,
              back: a.back,
              won: a.won,
              lost: a.lost,
              movedOut: a.movedOut,
              stayed: a.stayed,
            }
          : null,
        time: time ? { visits: time.visits, median: time.median, p75: time.p75 } : null,
      };
    }),
  };
}
