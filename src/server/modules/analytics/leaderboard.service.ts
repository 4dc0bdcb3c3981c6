// The leaderboard per owner or per team for one period (docs/metrics.md, "Leaderboard").
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  emptyTally,
  leaderRows,
  sortLeaders,
  type LeaderSort,
  type LeaderTally,
} from '../../../domain/analytics/leaderboard.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { localDate } from '../../../domain/local-day.js';
import type { Actor } from '../auth/actor.js';
import { conversionOf, teamsOf, userNames } from './channels.repository.js';
import { closingsBy, openAt, type FactsQuery } from './facts.repository.js';
import type { HistoryFilters } from './history.repository.js';
import { describePeriod, periodOf, reportContext } from './report-context.js';

export type LeaderboardInput = HistoryFilters & {
  from: string;
  to: string;
  by: 'owner' | 'team';
  sort: LeaderSort;
};

/** Which rows an owner's deals count in, and the rows' names. */
async function grouping(db: Kysely<DB>, workspaceId: string, input: LeaderboardInput) {
  if (input.by === 'owner') {
    return {
      rowsOf: (ownerId: string) => [ownerId],
      names: (ids: string[]) => userNames(db, workspaceId, ids),
    };
  }
  const rows = await teamsOf(db, workspaceId);
  const teams = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const r of rows) {
    names.set(r.id, r.name);
    // With a team filter only that team's row is asked for.
    if (r.user_id === null || (input.teamId && r.id !== input.teamId)) continue;
    teams.set(r.user_id, [...(teams.get(r.user_id) ?? []), r.id]);
  }
  return {
    rowsOf: (ownerId: string) => teams.get(ownerId) ?? [],
    names: async (ids: string[]) => ids.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

/** Each owner's tally (leaderTallies()) from the deal facts: closings per owner, open at the end. */
export async function leaderTalliesOf(q: FactsQuery, period: Period, timeZone: string) {
  const [closed, open] = await Promise.all([
    closingsBy(q, period, timeZone, 'owner'),
    openAt(q, [period.end - 1], true),
  ]);
  const tallies = new Map<string, LeaderTally>();
  // A deal without a valid owner replays with '' as its owner.
  const of = (ownerId: string | null | undefined) => {
    let t = tallies.get(ownerId ?? '');
    if (!t) tallies.set(ownerId ?? '', (t = emptyTally()));
    return t;
  };
  for (const r of closed) {
    const t = of(r.key);
    if (r.status === 'lost') t.lost += r.count;
    else {
      t.won.push({ minor: r.total, currency: r.currency, date: r.day, count: r.count });
      t.cycleMs += r.cycle_ms;
    }
  }
  const endDate = localDate(new Date(period.end - 1), timeZone);
  for (const r of open) {
    const t = of(r.owner_id);
    t.open += r.count;
    t.weighted.push({ minor: r.weighted, currency: r.currency, date: endDate, count: r.count });
  }
  return tallies;
}

export async function leaderboardReport(db: Kysely<DB>, actor: Actor, input: LeaderboardInput) {
  const ctx = await reportContext(db, actor, input);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const q = { db, scope: ctx.scope, filters: ctx.filters };
  const [tallies, conversion, group] = await Promise.all([
    leaderTalliesOf(q, period, ctx.timeZone),
    conversionOf(db, actor.workspaceId),
    grouping(db, actor.workspaceId, input),
  ]);
  const rows = leaderRows(tallies, group.rowsOf, conversion);
  const names = new Map(
    (await group.names(rows.map((r) => r.key))).map((n) => [n.id, n.name] as const),
  );
  const named = rows.map(({ key, ...r }) => ({ key, id: key, name: names.get(key) ?? '', ...r }));
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    baseCurrency: conversion.base,
    by: input.by,
    sort: input.sort,
    rows: sortLeaders(named, input.sort).map(({ key: _key, ...r }) => r),
  };
}
