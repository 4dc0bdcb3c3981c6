// Funnel versus pipeline per source channel for one period (docs/metrics.md, "Channels").
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { channels } from '../../../domain/analytics/channels.js';
import { localDate } from '../../../domain/local-day.js';
import type { Actor } from '../auth/actor.js';
import { conversionOf, dealSources, leadFacts, spendFacts } from './channels.repository.js';
import { loadHistories, type HistoryFilters } from './history.repository.js';
import { describePeriod, periodOf, reportContext, windowOf } from './report-context.js';

export type ChannelsInput = Omit<HistoryFilters, 'source'> & { from: string; to: string };

export async function channelsReport(db: Kysely<DB>, actor: Actor, input: ChannelsInput) {
  const ctx = await reportContext(db, actor, { ...input, source: undefined });
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const window = windowOf(period);
  const [histories, sources, leads, spend, conversion] = await Promise.all([
    loadHistories(db, ctx.scope, ctx.filters, window),
    dealSources(db, ctx.scope, ctx.filters, window),
    leadFacts(db, ctx.scope, ctx.filters, period),
    spendFacts(db, actor.workspaceId, { from: input.from, to: input.to }),
    conversionOf(db, actor.workspaceId),
  ]);
  const rows = channels({
    // A deal created between the two reads has no source here and counts as without one.
    deals: histories.map((history) => ({ history, source: sources.get(history.dealId) ?? null })),
    leads,
    spend,
    pipelineId: ctx.filters.pipelineId,
    period,
    days: { from: input.from, to: input.to },
    dateOf: (instant) => localDate(new Date(instant), ctx.timeZone),
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
