// Snapshots on demand and their history. A snapshot covers every deal of a pipeline, so (like
// the backtests) only admins and managers take or read them.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid } from '../../../domain/errors.js';
import { weekStartOf } from '../../../domain/forecast/weeks.js';
import { localDate } from '../../../domain/local-day.js';
import type { Actor } from '../auth/actor.js';
import * as pipelines from '../pipelines/pipelines.repository.js';
import { moneyContext } from './forecast-context.js';
import { takeForecastSnapshots } from './snapshot.service.js';

const assertManages = (actor: Actor) => {
  if (actor.role === 'rep') throw forbidden('Snapshots cover every deal: admins and managers only');
};

async function findPipelineOrThrow(db: Kysely<DB>, workspaceId: string, id: string) {
  const pipeline = await pipelines.findPipeline(db, workspaceId, id);
  if (!pipeline) throw invalid('pipelineId', 'No such pipeline in this workspace');
}

/** This week's snapshot now, of one pipeline or all; nothing new if this week's exist already. */
export async function snapshotNow(
  db: Kysely<DB>,
  actor: Actor,
  input: { pipelineId?: string | undefined },
  now = Date.now(),
) {
  assertManages(actor);
  if (input.pipelineId) await findPipelineOrThrow(db, actor.workspaceId, input.pipelineId);
  const taken = await takeForecastSnapshots(db, now, {
    workspaceId: actor.workspaceId,
    pipelineId: input.pipelineId,
    takenBy: actor.id,
  });
  const { timeZone } = await moneyContext(db, actor.workspaceId);
  return { taken, weekStart: weekStartOf(localDate(new Date(now), timeZone)) };
}

type Spread = { mean: number; p10: number; p50: number; p90: number };
type Stored = {
  won: { count: number; amount: number };
  stageWeighted: { count: number; amount: number };
  category: {
    commit: { count: number; amount: number };
    bestCase: { count: number; amount: number };
  };
  learned: { expected: { count: number; amount: number }; count: Spread; amount: Spread };
};

/** A pipeline's snapshots, newest first (two years of weekly ones at most). */
export async function listSnapshots(
  db: Kysely<DB>,
  actor: Actor,
  input: { pipelineId: string; periodUnit?: 'month' | 'quarter' | undefined },
) {
  assertManages(actor);
  await findPipelineOrThrow(db, actor.workspaceId, input.pipelineId);
  const rows = await db
    .selectFrom('forecast_snapshots')
    .select(['id', 'pipeline_id', 'period_unit', 'period_start', 'taken_on', 'week_start'])
    .select(['taken_at', 'taken_by', 'currency', 'forecast'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('pipeline_id', '=', input.pipelineId)
    .$if(input.periodUnit !== undefined, (q) =>
      q.where('period_unit', '=', input.periodUnit as 'month' | 'quarter'),
    )
    .orderBy('taken_at', 'desc')
    .orderBy('id', 'desc')
    .limit(210)
    .execute();
  return {
    data: rows.map((r) => {
      const f = r.forecast as Stored;
      return {
        id: r.id,
        pipelineId: r.pipeline_id,
        periodUnit: r.period_unit,
        periodStart: r.period_start,
        takenOn: r.taken_on,
        weekStart: r.week_start,
        takenAt: r.taken_at.toISOString(),
        takenBy: r.taken_by,
        currency: r.currency.trim(),
        won: f.won,
        stageWeighted: f.stageWeighted,
        category: f.category,
        learned: { expected: f.learned.expected, count: f.learned.count, amount: f.learned.amount },
      };
    }),
  };
}
