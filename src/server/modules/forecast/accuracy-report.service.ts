// Forecast accuracy over time as stored when each period closed (accuracy.service.ts): each
// method's error for a pipeline (admins and managers: a pipeline's methods cover every deal) and
// each person's and team's submission error, as far as the caller may see them.
import type { Kysely } from 'kysely';
import type { AccuracyMethod, DB, QuotaUnit } from '../../../db/schema.js';
import { invalid } from '../../../domain/errors.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import * as pipelines from '../pipelines/pipelines.repository.js';
import { ledTeams } from './quota-access.js';

const columns = [
  'pipeline_id',
  'user_id',
  'team_id',
  'period_unit',
  'period_start',
  'method',
  'forecast_on',
  'currency',
  'forecast_count',
  'forecast_amount',
  'actual_count',
  'actual_amount',
  'count_abs_error',
  'count_ape',
  'amount_abs_error',
  'amount_ape',
] as const;

type Row = {
  pipeline_id: string | null;
  user_id: string | null;
  team_id: string | null;
  period_unit: QuotaUnit;
  period_start: string;
  method: AccuracyMethod;
  forecast_on: string;
  currency: string;
  forecast_count: number;
  forecast_amount: number;
  actual_count: number;
  actual_amount: number;
  count_abs_error: number;
  count_ape: number | null;
  amount_abs_error: number;
  amount_ape: number | null;
};

const toAccuracy = (r: Row) => ({
  pipelineId: r.pipeline_id,
  userId: r.user_id,
  teamId: r.team_id,
  periodUnit: r.period_unit,
  periodStart: r.period_start,
  method: r.method,
  forecastOn: r.forecast_on,
  currency: r.currency.trim(),
  forecast: { count: r.forecast_count, amount: r.forecast_amount },
  actual: { count: r.actual_count, amount: Number(r.actual_amount) },
  error: {
    count: { absError: r.count_abs_error, ape: r.count_ape },
    amount: { absError: r.amount_abs_error, ape: r.amount_ape },
  },
});

export async function accuracyReport(
  db: Kysely<DB>,
  actor: Actor,
  input: { periodUnit: QuotaUnit; pipelineId?: string | undefined },
) {
  if (
    input.pipelineId &&
    !(await pipelines.findPipeline(db, actor.workspaceId, input.pipelineId))
  ) {
    throw invalid('pipelineId', 'No such pipeline in this workspace');
  }
  const rows = await db
    .selectFrom('forecast_accuracy')
    .select(columns)
    .where('workspace_id', '=', actor.workspaceId)
    .where('period_unit', '=', input.periodUnit)
    .orderBy('period_start')
    .orderBy('method')
    .orderBy('id')
    .execute();
  const owners = actor.role === 'rep' ? [actor.id] : (await scopeOf(db, actor)).owners;
  const teams = actor.role === 'rep' ? new Set<string>() : new Set(await ledTeams(db, actor));
  const seesMethods = actor.role !== 'rep' && input.pipelineId !== undefined;
  return {
    methods: seesMethods
      ? rows.filter((r) => r.pipeline_id === input.pipelineId).map(toAccuracy)
      : [],
    people: rows
      .filter((r) =>
        r.user_id !== null
          ? owners === null || owners.includes(r.user_id) || r.user_id === actor.id
          : r.team_id !== null && teams.has(r.team_id),
      )
      .map(toAccuracy),
  };
}
