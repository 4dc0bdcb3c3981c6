// The pipeline's open value from one instant to another (waterfall), and its board at an instant.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { boardOfTotals } from '../../../domain/analytics/time-travel.js';
import { IN_BARS, OUT_BARS, type BarName } from '../../../domain/analytics/waterfall.js';
import type { Actor } from '../auth/actor.js';
import { openAt } from './facts.repository.js';
import { dealTitles, type HistoryFilters } from './history.repository.js';
import type { PeriodInput } from './key-numbers.service.js';
import { describePeriod, periodOf, reportContext } from './report-context.js';
import { waterfallOf } from './waterfall-facts.js';

export const BAR_ORDER: BarName[] = ['start', ...IN_BARS, ...OUT_BARS, 'end'];

// Deals listed per bar in the JSON report (each bar says how many there are); the CSV lists all.
export const WATERFALL_LISTED = 500;

/**
 * From the pipeline as it stood just before the period's first instant to the period's last
 * instant, so every change inside the period (and none outside it) falls between the two.
 */
export async function waterfallReport(
  db: Kysely<DB>,
  actor: Actor,
  input: PeriodInput,
  listed: number | null = WATERFALL_LISTED,
) {
  const ctx = await reportContext(db, actor, input);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const q = { db, scope: ctx.scope, filters: ctx.filters };
  const result = await waterfallOf(q, period.start - 1, period.end - 1, listed);
  const currencies = Object.keys(result)
    .sort()
    .map((currency) => {
      const bars = result[currency] as NonNullable<(typeof result)[string]>;
      return { currency, bars: BAR_ORDER.map((bar) => ({ bar, ...bars[bar] })) };
    });
  const ids = [...new Set(currencies.flatMap((c) => c.bars.flatMap((b) => b.dealIds)))];
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    currencies,
    deals: await dealTitles(db, ctx.scope.workspaceId, ids),
  };
}

export async function boardAtReport(
  db: Kysely<DB>,
  actor: Actor,
  input: HistoryFilters & { at: string },
) {
  const ctx = await reportContext(db, actor, input);
  const at = new Date(input.at);
  const rows = await openAt({ db, scope: ctx.scope, filters: ctx.filters }, [at.getTime()]);
  const columns = boardOfTotals(
    rows.map((r) => ({
      stageId: r.stage_id,
      currency: r.currency,
      count: r.count,
      value: r.total,
    })),
    ctx.filters.pipelineId,
    ctx.index,
  );
  const names = new Map(ctx.stages.map((s) => [s.id, s.name]));
  return {
    pipelineId: ctx.filters.pipelineId,
    at: at.toISOString(),
    columns: columns.map((c) => ({
      stageId: c.stageId,
      name: names.get(c.stageId) ?? '',
      count: c.count,
      totals: Object.keys(c.totals)
        .sort()
        .map((currency) => ({ currency, value: c.totals[currency] ?? 0 })),
    })),
  };
}
