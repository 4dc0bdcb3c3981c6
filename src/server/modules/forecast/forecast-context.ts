// What every forecast and quota answer needs first: the workspace's zone and currency, its
// exchange rates, and a calendar period from a unit and a day. Quotas and forecasts follow the
// workspace's zone (not each user's), so a team's numbers add up across its members.
import type { Kysely } from 'kysely';
import type { DB, QuotaUnit } from '../../../db/schema.js';
import type { DealHistory } from '../../../domain/analytics/history.js';
import { replay } from '../../../domain/analytics/history.js';
import { periodContaining } from '../../../domain/analytics/periods.js';
import { indexStages, type Period, type StageIndex } from '../../../domain/analytics/stages.js';
import { invalid } from '../../../domain/errors.js';
import { convertSum, rateTable, type RateTable } from '../../../domain/exchange.js';
import { localDate, startOfLocalDay } from '../../../domain/local-day.js';
import * as pipelines from '../pipelines/pipelines.repository.js';

export type MoneyContext = { timeZone: string; currency: string; rates: RateTable };

export async function moneyContext(db: Kysely<DB>, workspaceId: string): Promise<MoneyContext> {
  const [workspace, rates] = await Promise.all([
    db
      .selectFrom('workspaces')
      .select(['timezone', 'default_currency'])
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('exchange_rates')
      .select(['currency', 'date', 'rate'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
  ]);
  return {
    timeZone: workspace.timezone,
    currency: workspace.default_currency.trim(),
    rates: rateTable(rates.map((r) => ({ ...r, currency: r.currency.trim() }))),
  };
}

/** One amount in the base currency at the rate of its instant's local day; null without a rate. */
export function toBase(ctx: MoneyContext, minor: number, currency: string, at: number) {
  const converted = convertSum(
    [{ minor, currency, date: localDate(new Date(at), ctx.timeZone) }],
    ctx.currency,
    ctx.rates,
  );
  return converted.missing.length > 0 ? null : converted.total;
}

/** The deal's value in the base currency as it stood at `at`. */
export const valueAt = (ctx: MoneyContext) => (h: DealHistory, at: number) => {
  const s = replay(h, at);
  return s.exists ? toBase(ctx, s.value, s.currency, at) : null;
};

/** The period of `unit` holding the local day `date` (today when undefined). */
export function periodOfDay(unit: QuotaUnit, date: string | undefined, timeZone: string): Period {
  const day = date ?? localDate(new Date(), timeZone);
  return periodContaining(unit, startOfLocalDay(day, timeZone).getTime(), timeZone);
}

/** A period given by its first day, which must be the first day of a month, quarter or year. */
export function periodStarting(unit: QuotaUnit, start: string, timeZone: string): Period {
  const period = periodOfDay(unit, start, timeZone);
  if (localDate(new Date(period.start), timeZone) !== start) {
    throw invalid('periodStart', 'must be the first day of the month, quarter or year');
  }
  return period;
}

/** The pipeline's stages as the domain reads them. */
export async function stageIndexOf(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId: string,
): Promise<StageIndex> {
  const rows = await pipelines.findStages(db, workspaceId, [pipelineId]);
  return indexStages(
    rows.map((s) => ({
      id: s.id,
      pipelineId: s.pipeline_id,
      position: s.position,
      kind: s.kind,
      probability: s.probability,
    })),
  );
}
