// The deals behind a key number, for drill-down from a dashboard: the facts the key numbers
// count, listed (deals-behind-facts.ts; src/domain/analytics/deals-behind.ts defines them).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { DealsBehindMetric } from '../../../domain/analytics/deals-behind.js';
import type { ActiveOutcome } from '../../../domain/analytics/stage-conversion.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { dealsBehindOf } from './deals-behind-facts.js';
import type { KeyNumbersInput } from './key-numbers.service.js';
import { describePeriod, periodOf, qualificationOf, reportContext } from './report-context.js';

export type DealsBehindInput = KeyNumbersInput & {
  metric: DealsBehindMetric;
  heldBy?: string | undefined;
  stageId?: string | undefined;
  outcome?: ActiveOutcome | undefined;
  channel?: string | undefined;
  limit: number;
};

const HELD = new Set<DealsBehindMetric>(['won', 'lost', 'closed', 'open']);

export async function dealsBehindReport(db: Kysely<DB>, actor: Actor, input: DealsBehindInput) {
  if (input.heldBy && !HELD.has(input.metric)) {
    throw invalid('heldBy', 'heldBy applies to won, lost, closed and open only');
  }
  if (input.outcome && input.metric !== 'active') {
    throw invalid('outcome', 'outcome applies to active only');
  }
  if (input.channel !== undefined && input.metric !== 'created' && input.metric !== 'won') {
    throw invalid('channel', 'channel applies to created and won only');
  }
  if (input.channel !== undefined && input.source !== undefined) {
    throw invalid('channel', 'give a channel or a source, not both');
  }
  const ctx = await reportContext(db, actor, input);
  const stage = ctx.index.get(input.stageId ?? '');
  if (input.metric === 'reached' && stage?.pipelineId !== input.pipelineId) {
    throw invalid('stageId', 'must be a stage of the pipeline');
  }
  if (
    input.metric === 'active' &&
    (stage?.pipelineId !== input.pipelineId || stage.kind !== 'open')
  ) {
    throw invalid('stageId', 'must be an open stage of the pipeline');
  }
  const qualification = qualificationOf(ctx, input.qualificationStageId);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const { count, deals } = await dealsBehindOf(
    { db, scope: ctx.scope, filters: ctx.filters },
    {
      period,
      index: ctx.index,
      // As in the key numbers: without an open stage only Won counts as qualified.
      qualificationPosition: qualification?.position ?? Number.MAX_SAFE_INTEGER,
      metric: input.metric,
      heldBy: input.heldBy,
      stageId: input.stageId,
      outcome: input.outcome,
      channel: input.channel,
    },
    ctx.timeZone,
    input.limit,
  );
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    metric: input.metric,
    count,
    deals,
  };
}
