// Runs the forecast backtest on a workspace's whole history (no visibility: it is an operator's
// tool) and stores the run, so results can be compared as the model changes.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { periodsBetween } from '../../../domain/analytics/periods.js';
import { invalid } from '../../../domain/errors.js';
import { backtest, summarize } from '../../../domain/forecast/backtest.js';
import { startOfLocalDay } from '../../../domain/local-day.js';
import { loadHistories } from '../analytics/history.repository.js';
import { moneyContext, stageIndexOf, valueAt } from './forecast-context.js';

export type BacktestInput = {
  workspaceId: string;
  pipelineId: string;
  unit: 'month' | 'quarter';
  from: string;
  to: string;
  runs: number;
  seed: number;
};

export async function runBacktest(db: Kysely<DB>, input: BacktestInput, now = Date.now()) {
  const money = await moneyContext(db, input.workspaceId);
  if (input.to < input.from) throw invalid('to', 'must not be before from');
  // Only periods that have ended have an actual to compare with.
  const periods = periodsBetween(
    input.unit,
    startOfLocalDay(input.from, money.timeZone).getTime(),
    startOfLocalDay(input.to, money.timeZone).getTime(),
    money.timeZone,
  ).filter((p) => p.end <= now);
  if (periods.length === 0) throw invalid('to', 'no period between from and to has ended yet');
  const stages = await stageIndexOf(db, input.workspaceId, input.pipelineId);
  const last = periods[periods.length - 1] as (typeof periods)[number];
  const histories = await loadHistories(
    db,
    { workspaceId: input.workspaceId, owners: null },
    { pipelineId: input.pipelineId },
    { from: new Date(0), until: new Date(last.end - 1) },
  );
  const result = backtest({
    histories,
    pipelineId: input.pipelineId,
    stages,
    periods,
    timeZone: money.timeZone,
    valueAt: valueAt(money),
    runs: input.runs,
    seed: input.seed,
  });
  const summary = summarize(result);
  await db
    .insertInto('forecast_backtests')
    .values({
      workspace_id: input.workspaceId,
      pipeline_id: input.pipelineId,
      period_unit: input.unit,
      from_date: input.from,
      to_date: input.to,
      runs: input.runs,
      seed: input.seed,
      currency: money.currency,
      summary: JSON.stringify(summary),
      periods: JSON.stringify(result),
    })
    .execute();
  return {
    ...result,
    summary,
    currency: money.currency,
    timeZone: money.timeZone,
    deals: histories.length,
  };
}
