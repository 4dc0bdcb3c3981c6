import type { ActivityType } from '../db/schema.js';
import type { Random } from '../domain/random.js';
import { activityMaker, type ActivityParty } from './activity-maker.js';
import {
  DAY_MS,
  localDay,
  localMidnight,
  MINUTE_MS,
  nextWorkday,
  officeTime,
  previousWorkday,
} from './demo-calendar.js';
import type { DemoActivity, DemoDeal, DemoEvent } from './demo-types.js';

type Visit = { stageId: string; start: number; end: number };

/** 'call 5, email 4' as weighted choices. */
const mix = (text: string) =>
  text.split(', ').map((item) => {
    const [type, weight] = item.split(' ');
    return [type as ActivityType, Number(weight)] as const;
  });

// What happens in each open stage, by position: early calls and emails, meetings in the middle.
const TYPES_BY_STAGE = [
  mix('call 5, email 4, note 2, task 1'),
  mix('call 4, meeting 3, email 3, note 2, task 1'),
  mix('meeting 5, call 2, email 2, note 2, task 2'),
  mix('email 4, meeting 3, call 3, task 2, note 1'),
  mix('call 4, meeting 3, email 3, task 2, note 2'),
];
// Logged emails and notes record the past: a next step is a call, a meeting or a task.
const NEXT_TYPES = mix('call 4, meeting 3, task 4');
/** Share of open deals with a scheduled next step; of the rest, how many went quiet. */
const NEXT_STEP_CHANCE = 0.75;
const QUIET_CHANCE = 0.4;

/**
 * The activities of one deal: 1-4 done ones per visit of an open stage, at office hours within
 * the visit and never after `nowMs`; for most open deals one scheduled next step (overdue by up to
 * five days or due in the next two weeks), for the rest none, and some of those idle long enough
 * to rot. The deal's last_activity_at is the latest done_at, as the app's touchDeal keeps it.
 */
export function planDealActivities(
  rng: Random,
  deal: Pick<DemoDeal, 'id' | 'workspace_id' | 'owner_id' | 'status'>,
  events: DemoEvent[],
  party: ActivityParty,
  stages: { open: string[]; rottingDays: Map<string, number | null> },
  nowMs: number,
): DemoActivity[] {
  const link = { workspaceId: deal.workspace_id, ownerId: deal.owner_id, dealId: deal.id };
  const make = activityMaker(rng, link, party);
  const visits = visitsOf(events, nowMs).filter((v) => stages.open.includes(v.stageId));
  const open = deal.status === 'open';
  const next = open && rng.chance(NEXT_STEP_CHANCE);
  const quiet = open && !next && rng.chance(QUIET_CHANCE);
  const activities: DemoActivity[] = [];
  visits.forEach((visit, i) => {
    const { start } = visit;
    let { end } = visit;
    const current = i === visits.length - 1 && open;
    if (current && quiet) {
      // Nobody has touched it since early in the stage: it rots.
      const rotting = stages.rottingDays.get(visit.stageId) ?? 14;
      end = Math.min(end, Math.max(start + MINUTE_MS, nowMs - (rotting + 2) * DAY_MS));
    }
    const stageIndex = stages.open.indexOf(visit.stageId);
    const types = TYPES_BY_STAGE[Math.min(stageIndex, TYPES_BY_STAGE.length - 1)] ?? [];
    for (let n = rng.int(1, 4); n > 0; n--) {
      activities.push(make.done(rng.weighted(types), timeWithin(rng, start, end), start));
    }
  });
  activities.sort((a, b) => (a.done_at as Date).getTime() - (b.done_at as Date).getTime());
  if (next) {
    const nowDay = localDay(nowMs);
    const day = previousWorkday(nowDay + rng.int(-3, 14));
    // Planned when the last thing was done (or just now), and no later than it falls due.
    const last = activities[activities.length - 1]?.done_at as Date | undefined;
    const plannedAt = Math.min(last?.getTime() ?? nowMs, nowMs, localMidnight(day));
    activities.push(make.scheduled(rng.weighted(NEXT_TYPES), day, plannedAt));
  }
  return activities;
}

/** The latest done_at among the activities, or null: what the app's touchDeal would leave. */
export function lastActivityAt(activities: DemoActivity[]): Date | null {
  let latest: Date | null = null;
  for (const a of activities) {
    if (a.done && a.done_at && (!latest || (a.done_at as Date) > latest))
      latest = a.done_at as Date;
  }
  return latest;
}

/** The stretches the deal spent in each stage, from its created and stage events. */
function visitsOf(events: DemoEvent[], nowMs: number): Visit[] {
  const moves = events.filter((e) => e.type === 'created' || e.type === 'stage');
  return moves.map((e, i) => ({
    stageId: e.to_stage_id as string,
    start: e.occurred_at.getTime(),
    end: moves[i + 1]?.occurred_at.getTime() ?? nowMs,
  }));
}

/** Office hours on a workday after `start` and before `end`, when a few tries find one. */
function timeWithin(rng: Random, start: number, end: number): number {
  const fromDay = localDay(start);
  for (let attempt = 0; attempt < 4; attempt++) {
    const at = officeTime(rng, nextWorkday(fromDay + rng.int(0, localDay(end) - fromDay)));
    if (at > start && at < end) return at;
  }
  const minutes = Math.max(1, Math.floor(((end - start) * rng.next()) / MINUTE_MS));
  return Math.min(end, start + minutes * MINUTE_MS);
}
