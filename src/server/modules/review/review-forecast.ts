// The review's quota and forecast lines: this month's quota status (the forecast module's own),
// the stage-weighted forecast now against a week ago, and the latest submitted forecast now
// against the one standing a week ago.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { DealHistory } from '../../../domain/analytics/history.js';
import type { StageIndex } from '../../../domain/analytics/stages.js';
import { DomainError } from '../../../domain/errors.js';
import { localDate } from '../../../domain/local-day.js';
import { forecastChange, WEEK_MS } from '../../../domain/review/forecast-change.js';
import type { Actor } from '../auth/actor.js';
import { periodOfDay, toBase, type MoneyContext } from '../forecast/forecast-context.js';
import { quotaStatusReport } from '../forecast/quota-status.service.js';
import { submissionColumns, toSubmission } from '../forecast/submissions.service.js';
import type { ReviewSubject } from './review-access.js';

/** This month's quota status, or null when the subject has none (or a team's mixes kinds). */
export async function monthQuota(db: Kysely<DB>, actor: Actor, s: ReviewSubject, day: string) {
  try {
    return await quotaStatusReport(db, actor, {
      userId: s.ownerId ?? undefined,
      teamId: s.teamId ?? undefined,
      periodUnit: 'month',
      date: day,
    });
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'not_found' || e.code === 'validation_failed')) {
      return null;
    }
    throw e;
  }
}

/** The latest submission of the subject (a rep's own, a team's adjusted one) as of `at`. */
function latestSubmission(
  db: Kysely<DB>,
  workspaceId: string,
  s: ReviewSubject,
  periodStart: string,
  at: Date,
) {
  return db
    .selectFrom('forecast_submissions')
    .select(submissionColumns)
    .where('workspace_id', '=', workspaceId)
    .$if(s.teamId !== null, (q) => q.where('team_id', '=', s.teamId as string))
    .$if(s.teamId === null, (q) => q.where('user_id', '=', s.ownerId as string))
    .where('period_unit', '=', 'month')
    .where('period_start', '=', periodStart)
    .where('submitted_at', '<=', at)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function forecastLine(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    subject: ReviewSubject;
    money: MoneyContext;
    histories: DealHistory[];
    stages: StageIndex;
    until: number;
  },
) {
  const { money, until } = input;
  const period = periodOfDay('month', localDate(new Date(until), money.timeZone), money.timeZone);
  const from = localDate(new Date(period.start), money.timeZone);
  const stageWeighted = forecastChange(
    {
      histories: input.histories,
      stages: input.stages,
      period,
      timeZone: money.timeZone,
      toBase: (minor, currency, at) => toBase(money, minor, currency, at),
    },
    until,
  );
  const [now, weekAgo] = await Promise.all([
    latestSubmission(db, actor.workspaceId, input.subject, from, new Date(until)),
    latestSubmission(db, actor.workspaceId, input.subject, from, new Date(until - WEEK_MS)),
  ]);
  return {
    currency: money.currency,
    period: { from, to: localDate(new Date(period.end - 1), money.timeZone) },
    stageWeighted,
    submitted: {
      now: now ? toSubmission(now) : null,
      weekAgo: weekAgo ? toSubmission(weekAgo) : null,
    },
  };
}
