// Quota status for a person or team in the period holding a day: the quota (a team's own, else
// its members' summed), what the owners won in it (owner at the instant of the win, converted at
// that day's rate), and their open deals expected to close in it, weighted by stage.
import type { Kysely } from 'kysely';
import type { DB, QuotaUnit } from '../../../db/schema.js';
import { closingIn } from '../../../domain/analytics/closings.js';
import { replay } from '../../../domain/analytics/history.js';
import { invalid, notFound } from '../../../domain/errors.js';
import { quotaStatus, teamQuota, type QuotaTarget } from '../../../domain/forecast/quota.js';
import { weightedMinor } from '../../../domain/money.js';
import { describePeriod } from '../analytics/report-context.js';
import type { Actor } from '../auth/actor.js';
import { moneyContext, periodOfDay, toBase } from './forecast-context.js';
import { assertCanRead, subjectOf, type Subject } from './quota-access.js';
import { findQuota } from './quotas.service.js';
import { historiesWonIn, openDealsClosingIn } from './wins.repository.js';

export type QuotaStatusInput = {
  userId?: string | undefined;
  teamId?: string | undefined;
  periodUnit: QuotaUnit;
  date?: string | undefined;
};

const asTarget = (row: { kind: 'amount' | 'count'; target: number } | undefined) =>
  row ? ({ kind: row.kind, target: row.target } as QuotaTarget) : null;

export async function quotaStatusReport(db: Kysely<DB>, actor: Actor, input: QuotaStatusInput) {
  const subject: Subject = subjectOf(input) ?? { userId: actor.id, teamId: null };
  await assertCanRead(db, actor, subject);
  const money = await moneyContext(db, actor.workspaceId);
  const period = periodOfDay(input.periodUnit, input.date, money.timeZone);
  const described = describePeriod(period, money.timeZone);
  const owners = subject.userId
    ? [subject.userId]
    : (
        await db
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', '=', subject.teamId)
          .execute()
      ).map((m) => m.user_id);

  const find = (s: Subject) =>
    findQuota(db, actor.workspaceId, s, input.periodUnit, described.from);
  const direct = asTarget(await find(subject));
  const members = subject.teamId
    ? await Promise.all(
        owners.map(async (userId) => asTarget(await find({ userId, teamId: null }))),
      )
    : [];
  const quota = subject.teamId ? teamQuota(direct, members) : direct;
  if (quota === 'mixed') {
    throw invalid('teamId', 'Members’ quotas mix amounts and counts; set a quota for the team');
  }
  if (!quota) throw notFound('Quota');

  const missing = new Set<string>();
  let achieved = 0;
  const ownerSet = new Set(owners);
  for (const h of await historiesWonIn(db, actor.workspaceId, period)) {
    const c = closingIn(h, period);
    if (!c || c.outcome !== 'won') continue;
    const s = replay(h, c.at);
    if (!s.exists || !ownerSet.has(s.ownerId)) continue;
    if (quota.kind === 'count') achieved += 1;
    else {
      const v = toBase(money, c.value, c.currency, c.at);
      if (v === null) missing.add(c.currency);
      else achieved += v;
    }
  }
  const now = Date.now();
  let openWeighted = 0;
  for (const d of await openDealsClosingIn(
    db,
    actor.workspaceId,
    owners,
    described.from,
    described.to,
  )) {
    if (quota.kind === 'count') openWeighted += d.probability / 100;
    else {
      const v = toBase(money, d.value_minor, d.currency.trim(), now);
      if (v === null) missing.add(d.currency.trim());
      else openWeighted += weightedMinor(v, d.probability);
    }
  }
  return {
    userId: subject.userId,
    teamId: subject.teamId,
    period: described,
    kind: quota.kind,
    currency: quota.kind === 'amount' ? money.currency : null,
    source: direct ? ('direct' as const) : ('members' as const),
    openWeighted,
    ...quotaStatus({ target: quota.target, achieved, openWeighted, period, now }),
    unconvertedCurrencies: [...missing].sort(),
  };
}
