// Weekly forecast snapshots: every pipeline's forecast for the current month and quarter as it
// stands today, kept so that forecasts can later be compared with what happened. One snapshot per
// pipeline, period and local week (Monday to Sunday): the weekly job, a catch-up at start and a
// manager's snapshot on demand never make two in the same week.
import type { Kysely } from 'kysely';
import type { DB, ForecastOverride } from '../../../db/schema.js';
import { forecastPeriod } from '../../../domain/forecast/forecast.js';
import { weekStartOf } from '../../../domain/forecast/weeks.js';
import { localDate } from '../../../domain/local-day.js';
import { loadHistories } from '../analytics/history.repository.js';
import { moneyContext, periodOfDay, stageIndexOf, valueAt } from './forecast-context.js';

const UNITS = ['month', 'quarter'] as const;

export type SnapshotScope = {
  workspaceId?: string | undefined;
  pipelineId?: string | undefined;
  /** Who asked for it; none for the weekly job. */
  takenBy?: string | undefined;
};

/** Takes this week's snapshots (of every pipeline, or the scope's); answers how many were new. */
export async function takeForecastSnapshots(
  db: Kysely<DB>,
  now = Date.now(),
  scope: SnapshotScope = {},
): Promise<number> {
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'workspace_id'])
    .$if(scope.workspaceId !== undefined, (q) =>
      q.where('workspace_id', '=', scope.workspaceId as string),
    )
    .$if(scope.pipelineId !== undefined, (q) => q.where('id', '=', scope.pipelineId as string))
    .execute();
  let taken = 0;
  for (const pipeline of pipelines) {
    const money = await moneyContext(db, pipeline.workspace_id);
    const stages = await stageIndexOf(db, pipeline.workspace_id, pipeline.id);
    const [histories, overrides] = await Promise.all([
      loadHistories(
        db,
        { workspaceId: pipeline.workspace_id, owners: null },
        { pipelineId: pipeline.id },
        { from: new Date(0), until: new Date(now) },
      ),
      db
        .selectFrom('deals')
        .select(['id', 'forecast_category'])
        .where('pipeline_id', '=', pipeline.id)
        .where('forecast_category', 'is not', null)
        .execute(),
    ]);
    const overrideOf = new Map(
      overrides.map((o) => [o.id, o.forecast_category as ForecastOverride]),
    );
    const today = localDate(new Date(now), money.timeZone);
    for (const unit of UNITS) {
      const period = periodOfDay(unit, today, money.timeZone);
      const f = forecastPeriod({
        histories,
        pipelineId: pipeline.id,
        stages,
        period,
        cutoff: now + 1,
        timeZone: money.timeZone,
        valueAt: valueAt(money),
        overrideOf: (id) => overrideOf.get(id) ?? null,
        runs: 2000,
        seed: 1,
      });
      const result = await db
        .insertInto('forecast_snapshots')
        .values({
          workspace_id: pipeline.workspace_id,
          pipeline_id: pipeline.id,
          period_unit: unit,
          period_start: localDate(new Date(period.start), money.timeZone),
          taken_on: today,
          week_start: weekStartOf(today),
          taken_by: scope.takenBy ?? null,
          currency: money.currency,
          forecast: JSON.stringify({
            won: f.won,
            stageWeighted: f.stageWeighted,
            category: f.category,
            learned: { expected: f.learned.expected, ...f.learned.simulation },
            openDeals: f.open.length,
            unconverted: f.unconverted.length,
          }),
        })
        .onConflict((oc) =>
          oc.columns(['pipeline_id', 'period_unit', 'period_start', 'week_start']).doNothing(),
        )
        .executeTakeFirst();
      taken += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return taken;
}
