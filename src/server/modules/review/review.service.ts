// The weekly pipeline review of a rep or team: the window (since the last completed review by
// default), each section from the deals' histories (src/domain/review), stalled deals by the
// deal-health rules, quota status and the forecast against a week ago. Marking a review done
// stores its window so the next one starts where it ended.
import type { Kysely } from 'kysely';
import type { ReviewDeal, ReviewSection } from '../../../contracts/review.js';
import type { DB } from '../../../db/schema.js';
import { replay } from '../../../domain/analytics/history.js';
import { indexStages } from '../../../domain/analytics/stages.js';
import { invalid } from '../../../domain/errors.js';
import { localDate, startOfLocalDay } from '../../../domain/local-day.js';
import { dealChange } from '../../../domain/review/changes.js';
import { WEEK_MS } from '../../../domain/review/forecast-change.js';
import { closesIn, closingWeeks, sectionsOf } from '../../../domain/review/sections.js';
import type { Actor } from '../auth/actor.js';
import { moneyContext } from '../forecast/forecast-context.js';
import { reviewSubject, type ScopeInput } from './review-access.js';
import { stalledDeals } from './review-stalled.js';
import { forecastLine, monthQuota } from './review-forecast.js';
import { assembleSections, changedDeal, plainDeal, type Names } from './review-items.js';
import * as repo from './review.repository.js';

export type ReviewInput = ScopeInput & { since?: string | undefined; until?: string | undefined };

// Three years: a review reads every deal changed since `since`; older windows are reports, not reviews.
const MAX_DAYS = 1096;
const DAY_MS = 86_400_000;

function checkWindow(since: number, until: number) {
  if (since >= until) throw invalid('since', 'must be before until');
  if (until - since > MAX_DAYS * DAY_MS) {
    throw invalid('since', 'must be at most 1096 days before until');
  }
}

export async function pipelineReview(
  db: Kysely<DB>,
  actor: Actor,
  input: ReviewInput,
  now = Date.now(),
) {
  const subject = await reviewSubject(db, actor, input);
  const money = await moneyContext(db, actor.workspaceId);
  const zone = money.timeZone;
  const until = input.until ? Date.parse(input.until) : now;
  const last = await repo.lastReview(db, actor.workspaceId, subject);
  let since: number;
  let sinceFrom: 'query' | 'lastReview' | 'default';
  if (input.since !== undefined) {
    since =
      input.since.length === 10
        ? startOfLocalDay(input.since, zone).getTime()
        : Date.parse(input.since);
    sinceFrom = 'query';
  } else if (last && last.until.getTime() < until) {
    since = last.until.getTime();
    sinceFrom = 'lastReview';
  } else {
    since = until - WEEK_MS;
    sinceFrom = 'default';
  }
  checkWindow(since, until);

  const [rows, stageRows] = await Promise.all([
    repo.reviewHistories(
      db,
      actor.workspaceId,
      subject.owners,
      new Date(Math.min(since, until - WEEK_MS)),
      new Date(until),
    ),
    repo.workspaceStages(db, actor.workspaceId),
  ]);
  const stages = indexStages(stageRows.map((s) => ({ ...s, pipelineId: s.pipeline_id })));
  const today = localDate(new Date(until), zone);
  const ownerIds = new Set([...subject.owners, ...rows.map((r) => r.history.current.ownerId)]);
  const owners = new Map(
    (await repo.userNames(db, actor.workspaceId, [...ownerIds])).map((u) => [u.id, u.name]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stageName = new Map(stageRows.map((s) => [s.id, s.name]));
  const names: Names = {
    stage: (id) => stageName.get(id) ?? '',
    owner: (id) => owners.get(id) ?? '',
    deal: (id) => byId.get(id) ?? { title: '', lostReason: null },
  };

  const bySection = new Map<ReviewSection, ReviewDeal[]>();
  const add = (s: ReviewSection, d: ReviewDeal) =>
    bySection.set(s, [...(bySection.get(s) ?? []), d]);
  const weeks = closingWeeks(today);
  for (const { history } of rows) {
    const change = dealChange(history, stages, { since, until });
    if (change) {
      const item = changedDeal(change, replayPipeline(history, until), names);
      for (const s of sectionsOf(change)) add(s, item);
    }
    const end = replay(history, until);
    if (!end.exists || end.status !== 'open') continue;
    if (closesIn(weeks.thisWeek, end.expectedCloseDate)) {
      add('closingThisWeek', plainDeal(history.dealId, end, names));
    } else if (closesIn(weeks.nextWeek, end.expectedCloseDate)) {
      add('closingNextWeek', plainDeal(history.dealId, end, names));
    }
  }
  for (const d of await stalledDeals(db, actor.workspaceId, subject.owners, new Date(now), zone)) {
    add('stalled', d);
  }

  const histories = rows.map((r) => r.history);
  const [quota, forecast] = await Promise.all([
    monthQuota(db, actor, subject, today),
    forecastLine(db, actor, { subject, money, histories, stages, until }),
  ]);
  return {
    scope: { ownerId: subject.ownerId, teamId: subject.teamId, name: subject.name },
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    sinceFrom,
    lastReview: last
      ? { id: last.id, reviewedAt: last.reviewed_at.toISOString(), reviewerId: last.reviewer_id }
      : null,
    timeZone: zone,
    weeks,
    sections: assembleSections(bySection),
    quota,
    forecast,
  };
}

const replayPipeline = (h: Parameters<typeof replay>[0], at: number) => {
  const s = replay(h, at);
  return s.exists ? s.pipelineId : h.pipelineId;
};

/** Marks a review of the scope done over [since, until]; the next one starts at `until`. */
export async function markReviewed(
  db: Kysely<DB>,
  actor: Actor,
  input: ScopeInput & { since: string; until: string },
  now = Date.now(),
) {
  const subject = await reviewSubject(db, actor, input);
  const since = Date.parse(input.since);
  const until = Date.parse(input.until);
  checkWindow(since, until);
  // A minute's grace for clocks; a review cannot end in the future.
  if (until > now + 60_000) throw invalid('until', 'must not be in the future');
  const row = await repo.insertReview(db, {
    workspaceId: actor.workspaceId,
    reviewerId: actor.id,
    ownerId: subject.ownerId,
    teamId: subject.teamId,
    since: new Date(since),
    until: new Date(until),
  });
  return {
    id: row.id,
    ownerId: row.owner_id,
    teamId: row.team_id,
    reviewerId: row.reviewer_id,
    since: row.since.toISOString(),
    until: row.until.toISOString(),
    reviewedAt: row.reviewed_at.toISOString(),
  };
}
