// Forecast submissions: a rep submits their number for a period (as often as they like, weekly
// by habit); a manager submits an adjusted number for a team they lead. Every submission is kept;
// the roll-up reads the latest of each.
import type { Kysely } from 'kysely';
import type { DB, QuotaUnit } from '../../../db/schema.js';
import { forbidden } from '../../../domain/errors.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { moneyContext, periodStarting } from './forecast-context.js';
import { ledTeams } from './quota-access.js';

export type SubmissionInput = {
  periodUnit: QuotaUnit;
  periodStart: string;
  teamId?: string | undefined;
  amount: number;
  count: number;
  note?: string | undefined;
};

export const submissionColumns = [
  'id',
  'user_id',
  'team_id',
  'submitted_by',
  'period_unit',
  'period_start',
  'amount_minor',
  'currency',
  'deal_count',
  'note',
  'submitted_at',
] as const;

type Row = {
  id: string;
  user_id: string | null;
  team_id: string | null;
  submitted_by: string;
  period_unit: QuotaUnit;
  period_start: string;
  amount_minor: number;
  currency: string;
  deal_count: number;
  note: string | null;
  submitted_at: Date;
};

export const toSubmission = (r: Row) => ({
  id: r.id,
  userId: r.user_id,
  teamId: r.team_id,
  submittedBy: r.submitted_by,
  periodUnit: r.period_unit,
  periodStart: r.period_start,
  amount: r.amount_minor,
  currency: r.currency.trim(),
  count: r.deal_count,
  note: r.note,
  submittedAt: r.submitted_at.toISOString(),
});

export async function submitForecast(db: Kysely<DB>, actor: Actor, input: SubmissionInput) {
  const money = await moneyContext(db, actor.workspaceId);
  periodStarting(input.periodUnit, input.periodStart, money.timeZone);
  if (input.teamId && !(await ledTeams(db, actor)).includes(input.teamId)) {
    throw forbidden('Only the team’s manager or an admin submits a team forecast');
  }
  const row = await db
    .insertInto('forecast_submissions')
    .values({
      workspace_id: actor.workspaceId,
      user_id: input.teamId ? null : actor.id,
      team_id: input.teamId ?? null,
      submitted_by: actor.id,
      period_unit: input.periodUnit,
      period_start: input.periodStart,
      amount_minor: input.amount,
      currency: money.currency,
      deal_count: input.count,
      note: input.note ?? null,
    })
    .returning(submissionColumns)
    .executeTakeFirstOrThrow();
  return toSubmission(row);
}

/** Every visible submission for the period, newest first, with the latest-of-each roll-up. */
export async function listSubmissions(
  db: Kysely<DB>,
  actor: Actor,
  input: { periodUnit: QuotaUnit; periodStart: string },
) {
  const scope = await scopeOf(db, actor);
  const owners = scope.owners;
  const memberships = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.team_id', 'team_members.user_id'])
    .where('teams.workspace_id', '=', actor.workspaceId)
    .execute();
  // A team is visible when the actor sees every one of its members' deals (or leads it).
  const led = new Set(await ledTeams(db, actor));
  const teamIds = [...new Set(memberships.map((m) => m.team_id))].filter(
    (t) =>
      led.has(t) ||
      owners === null ||
      memberships.filter((m) => m.team_id === t).every((m) => owners.includes(m.user_id)),
  );
  const rows = await db
    .selectFrom('forecast_submissions')
    .select(submissionColumns)
    .where('workspace_id', '=', actor.workspaceId)
    .where('period_unit', '=', input.periodUnit)
    .where('period_start', '=', input.periodStart)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const visible = rows.filter((r) =>
    r.user_id !== null
      ? owners === null || owners.includes(r.user_id)
      : teamIds.includes(r.team_id as string),
  );
  const latestOf = new Map<string, Row>();
  for (const r of visible) {
    const key = r.user_id ?? `team:${r.team_id}`;
    if (!latestOf.has(key)) latestOf.set(key, r);
  }
  const sum = (list: Row[]) =>
    list.reduce((s, r) => ({ count: s.count + r.deal_count, amount: s.amount + r.amount_minor }), {
      count: 0,
      amount: 0,
    });
  const repRows = [...latestOf.values()].filter((r) => r.user_id !== null);
  return {
    data: visible.map(toSubmission),
    rollup: {
      reps: { ...sum(repRows), people: repRows.length },
      teams: teamIds.sort().map((teamId) => {
        const members = new Set(
          memberships.filter((m) => m.team_id === teamId).map((m) => m.user_id),
        );
        const adjusted = latestOf.get(`team:${teamId}`);
        return {
          teamId,
          members: sum(repRows.filter((r) => members.has(r.user_id as string))),
          adjusted: adjusted ? { count: adjusted.deal_count, amount: adjusted.amount_minor } : null,
        };
      }),
    },
  };
}
