// The forecast of one pipeline for the period holding a day: the three methods side by side, in
// the workspace currency, from the visible deals' histories as known now.
import type { Kysely } from 'kysely';
import type { DB, ForecastOverride, QuotaUnit } from '../../../db/schema.js';
import { forecastPeriod } from '../../../domain/forecast/forecast.js';
import { localDate } from '../../../domain/local-day.js';
import { loadHistories, type HistoryFilters } from '../analytics/history.repository.js';
import { describePeriod, reportContext } from '../analytics/report-context.js';
import type { Actor } from '../auth/actor.js';
import { moneyContext, periodOfDay, valueAt } from './forecast-context.js';

export type ForecastInput = HistoryFilters & {
  periodUnit: QuotaUnit;
  date?: string | undefined;
  seed: number;
  runs: number;
};

export async function forecastReport(db: Kysely<DB>, actor: Actor, input: ForecastInput) {
  const [ctx, money] = await Promise.all([
    reportContext(db, actor, {
      pipelineId: input.pipelineId,
      ownerId: input.ownerId,
      teamId: input.teamId,
      source: input.source,
    }),
    moneyContext(db, actor.workspaceId),
  ]);
  const period = periodOfDay(input.periodUnit, input.date, money.timeZone);
  const now = Date.now();
  const [histories, overrides] = await Promise.all([
    loadHistories(db, ctx.scope, ctx.filters, { from: new Date(0), until: new Date(now) }),
    db
      .selectFrom('deals')
      .select(['id', 'forecast_category'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('pipeline_id', '=', input.pipelineId)
      .where('forecast_category', 'is not', null)
      .execute(),
  ]);
  const overrideOf = new Map(overrides.map((o) => [o.id, o.forecast_category as ForecastOverride]));
  const f = forecastPeriod({
    histories,
    pipelineId: input.pipelineId,
    stages: ctx.index,
    period,
    cutoff: now + 1,
    timeZone: money.timeZone,
    valueAt: valueAt(money),
    overrideOf: (id) => overrideOf.get(id) ?? null,
    runs: input.runs,
    seed: input.seed,
  });
  return {
    pipelineId: input.pipelineId,
    period: describePeriod(period, money.timeZone),
    currency: money.currency,
    asOf: new Date(now).toISOString(),
    won: f.won,
    stageWeighted: f.stageWeighted,
    category: f.category,
    learned: {
      expected: f.learned.expected,
      newWinsMean: f.learned.newWinsMean,
      runs: f.learned.simulation.runs,
      seed: f.learned.simulation.seed,
      count: f.learned.simulation.count,
      amount: f.learned.simulation.amount,
    },
    deals: f.open.map((d) => ({
      dealId: d.dealId,
      stageId: d.stageId,
      ownerId: d.ownerId,
      category: d.category,
      value: d.value,
      expectedCloseDate:
        d.expectedCloseAt === null ? null : localDate(new Date(d.expectedCloseAt), money.timeZone),
      stageProbability: d.probability,
      learnedProbability: d.pWin,
    })),
    unconvertedDealIds: f.unconverted,
  };
}
