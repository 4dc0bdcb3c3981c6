// The stored backtest runs of a pipeline, newest first, with each method's error and the learned
// model's calibration: what the calibration chart reads. They cover every deal, so only admins
// and managers read them.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { CalibrationBin } from '../../../domain/forecast/calibration.js';
import type { MethodSummary } from '../../../domain/forecast/backtest.js';
import { forbidden } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';

export async function listBacktests(db: Kysely<DB>, actor: Actor, pipelineId: string) {
  if (actor.role === 'rep') throw forbidden('Backtests cover every deal: admins and managers only');
  const rows = await db
    .selectFrom('forecast_backtests')
    .select(['id', 'period_unit', 'from_date', 'to_date', 'runs', 'seed', 'currency', 'ran_at'])
    .select(['summary', 'periods'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .orderBy('ran_at', 'desc')
    .limit(20)
    .execute();
  return {
    data: rows.map((r) => ({
      id: r.id,
      periodUnit: r.period_unit,
      from: r.from_date,
      to: r.to_date,
      runs: r.runs,
      seed: r.seed,
      currency: r.currency.trim(),
      ranAt: r.ran_at.toISOString(),
      summary: r.summary as MethodSummary[],
      calibration: (r.periods as { calibration: CalibrationBin[] }).calibration,
    })),
  };
}
