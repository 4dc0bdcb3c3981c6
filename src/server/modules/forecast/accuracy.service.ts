// When a period has closed, each forecast of record is scored against what was won in it, once:
// each pipeline's methods from the period's first snapshot, and each person's and team's first
// submission (docs/metrics.md, "Forecast accuracy"). A background job runs it; the unique indexes
// and ON CONFLICT DO NOTHING keep a second run, or a second process, from adding anything.
import type { Kysely } from 'kysely';
import type { AccuracyMethod, DB, QuotaUnit } from '../../../db/schema.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { accuracyOf, actualOf, winsIn, type Win } from '../../../domain/forecast/accuracy.js';
import type { CountAmount } from '../../../domain/forecast/methods.js';
import { localDate } from '../../../domain/local-day.js';
import { moneyContext, periodStarting, valueAt } from './forecast-context.js';
import { historiesWonIn } from './wins.repository.js';

type Pending = {
  workspace_id: string;
  pipeline_id: string | null;
  user_id: string | null;
  team_id: string | null;
  period_unit: QuotaUnit;
  period_start: string;
  method: AccuracyMethod;
  forecast_on: string;
  currency: string;
  forecast: CountAmount;
  /** Which of the period's wins this forecast is compared with. */
  keep: (w: Win) => boolean;
};

/** The methods a snapshot holds, read the way the backtest reads them (learned: its P50). */
type SnapshotForecast = {
  stageWeighted: CountAmount;
  category: { commit: CountAmount; bestCase: CountAmount };
  learned: { count: { p50: number }; amount: { p50: number } };
};
export const methodsOf = (f: SnapshotForecast): [AccuracyMethod, CountAmount][] => [
  ['stage_weighted', f.stageWeighted],
  ['commit', f.category.commit],
  ['best_case', f.category.bestCase],
  ['learned', { count: f.learned.count.p50, amount: f.learned.amount.p50 }],
];

/** Scores every closed period not yet scored, in every workspace; answers how many rows were new. */
export async function recordForecastAccuracy(db: Kysely<DB>, now = Date.now()): Promise<number> {
  const workspaces = await db.selectFrom('workspaces').select('id').execute();
  let recorded = 0;
  for (const w of workspaces) recorded += await recordWorkspace(db, w.id, now);
  return recorded;
}

async function recordWorkspace(db: Kysely<DB>, workspaceId: string, now: number) {
  const money = await moneyContext(db, workspaceId);
  const [snapshots, submissions, done, members] = await Promise.all([
    db
      .selectFrom('forecast_snapshots')
      .select(['pipeline_id', 'period_unit', 'period_start', 'taken_on', 'currency', 'forecast'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('taken_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forecast_submissions')
      .select(['user_id', 'team_id', 'period_unit', 'period_start', 'submitted_at'])
      .select(['currency', 'deal_count', 'amount_minor'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('submitted_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forecast_accuracy')
      .select(['pipeline_id', 'user_id', 'team_id', 'period_unit', 'period_start', 'method'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.team_id', 'team_members.user_id'])
      .where('teams.workspace_id', '=', workspaceId)
      .execute(),
  ]);
  const key = (subject: string, unit: string, start: string) => `${subject}|${unit}|${start}`;
  const scored = new Set(
    done.map((d) =>
      key(d.pipeline_id ?? d.user_id ?? `team:${d.team_id}`, d.period_unit, d.period_start),
    ),
  );
  // The forecast of record: the first snapshot or submission of each subject and period.
  const pending = new Map<string, Pending>();
  const add = (k: string, row: Pending) => {
    if (!scored.has(k.split('#')[0] as string) && !pending.has(k)) pending.set(k, row);
  };
  const base = { workspace_id: workspaceId, currency: money.currency };
  for (const s of snapshots) {
    // A snapshot in a currency the workspace no longer uses cannot be compared with its wins.
    if (s.currency.trim() !== money.currency) continue;
    for (const [method, forecast] of methodsOf(s.forecast as SnapshotForecast)) {
      add(`${key(s.pipeline_id, s.period_unit, s.period_start)}#${method}`, {
        ...base,
        pipeline_id: s.pipeline_id,
        user_id: null,
        team_id: null,
        period_unit: s.period_unit,
        period_start: s.period_start,
        method,
        forecast_on: s.taken_on,
        forecast,
        keep: (w) => w.pipelineId === s.pipeline_id,
      });
    }
  }
  for (const s of submissions) {
    if (s.currency.trim() !== money.currency) continue;
    const team = s.team_id;
    const owners = new Set(
      team ? members.filter((m) => m.team_id === team).map((m) => m.user_id) : [s.user_id],
    );
    add(key(s.user_id ?? `team:${team}`, s.period_unit, s.period_start), {
      ...base,
      pipeline_id: null,
      user_id: s.user_id,
      team_id: team,
      period_unit: s.period_unit,
      period_start: s.period_start,
      method: 'submission',
      forecast_on: localDate(s.submitted_at, money.timeZone),
      forecast: { count: s.deal_count, amount: s.amount_minor },
      keep: (w) => owners.has(w.ownerId),
    });
  }

  // Group by period, score only those that have ended, one transaction per period.
  const byPeriod = new Map<string, Pending[]>();
  for (const row of pending.values()) {
    const k = `${row.period_unit}|${row.period_start}`;
    byPeriod.set(k, [...(byPeriod.get(k) ?? []), row]);
  }
  let recorded = 0;
  for (const rows of byPeriod.values()) {
    const first = rows[0] as Pending;
    const period: Period = periodStarting(first.period_unit, first.period_start, money.timeZone);
    if (period.end > now) continue;
    const wins = winsIn(await historiesWonIn(db, workspaceId, period), period, valueAt(money));
    const values = rows.map(({ keep, forecast, ...row }) => {
      const actual = actualOf(wins, keep);
      const error = accuracyOf(forecast, actual);
      return {
        ...row,
        forecast_count: forecast.count,
        forecast_amount: forecast.amount,
        actual_count: actual.count,
        actual_amount: actual.amount,
        count_abs_error: error.count.absError,
        count_ape: error.count.ape,
        amount_abs_error: error.amount.absError,
        amount_ape: error.amount.ape,
      };
    });
    const result = await db.transaction().execute((trx) =>
      trx
        .insertInto('forecast_accuracy')
        .values(values)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
    recorded += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return recorded;
}
