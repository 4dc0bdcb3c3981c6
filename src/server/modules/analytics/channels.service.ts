// Funnel versus pipeline per source channel for one period (docs/metrics.md, "Channels").
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { channelRows, type ChannelDealFact } from '../../../domain/analytics/channels.js';
import type { Actor } from '../auth/actor.js';
import { conversionOf, leadFacts, spendFacts } from './channels.repository.js';
import { closingsBy, createdBySource, type ClosingsByRow } from './facts.repository.js';
import type { HistoryFilters } from './history.repository.js';
import { describePeriod, periodOf, reportContext } from './report-context.js';

export type ChannelsInput = Omit<HistoryFilters, 'source'> & { from: string; to: string };

/** The facts per source from the SQL rows: created counts, and the wins' sums. */
export function channelDealFactsOf(
  created: readonly { source: string | null; count: number }[],
  closings: readonly ClosingsByRow[],
): ChannelDealFact[] {
  return [
    ...created.map((r) => ({ source: r.source, created: r.count, won: [] })),
    ...closings
      .filter((r) => r.status === 'won')
      .map((r) => ({
        source: r.key,
        created: 0,
        won: [{ minor: r.total, currency: r.currency, date: r.day, count: r.count }],
      })),
  ];
}

export async function channelsReport(db: Kysely<DB>, actor: Actor, input: ChannelsInput) {
  const ctx = await reportContext(db, actor, { ...input, source: undefined });
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const q = { db, scope: ctx.scope, filters: ctx.filters };
  const [created, won, leads, spend, conversion] = await Promise.all([
    createdBySource(q, period),
    closingsBy(q, period, ctx.timeZone, 'source'),
    leadFacts(db, ctx.scope, ctx.filters, period),
    spendFacts(db, actor.workspaceId, { from: input.from, to: input.to }),
    conversionOf(db, actor.workspaceId),
  ]);
  const rows = channelRows({
    deals: channelDealFactsOf(created, won),
    leads,
    spend,
    period,
    days: { from: input.from, to: input.to },
    conversion,
  });
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    baseCurrency: conversion.base,
    channels: rows,
  };
}
