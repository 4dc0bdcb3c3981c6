// The leaderboard per owner or per team for one period (docs/metrics.md, "Leaderboard").
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  leaderboard,
  sortLeaders,
  type LeaderSort,
} from '../../../domain/analytics/leaderboard.js';
import { localDate } from '../../../domain/local-day.js';
import type { Actor } from '../auth/actor.js';
import { conversionOf, teamsOf, userNames } from './channels.repository.js';
import { loadHistories, type HistoryFilters } from './history.repository.js';
import { describePeriod, periodOf, reportContext, windowOf } from './report-context.js';

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

export async function leaderboardReport(db: Kysely<DB>, actor: Actor, input: LeaderboardInput) {
  const ctx = await reportContext(db, actor, input);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const [histories, conversion, group] = await Promise.all([
    loadHistories(db, ctx.scope, ctx.filters, windowOf(period)),
    conversionOf(db, actor.workspaceId),
    grouping(db, actor.workspaceId, input),
  ]);
  const rows = leaderboard({
    histories,
    pipelineId: ctx.filters.pipelineId,
    period,
    stages: ctx.index,
    dateOf: (instant) => localDate(new Date(instant), ctx.timeZone),
    conversion,
    rowsOf: group.rowsOf,
  });
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
