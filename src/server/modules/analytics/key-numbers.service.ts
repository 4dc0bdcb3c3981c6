// Key numbers for one period, and the same numbers per week, month or quarter (trends).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { keyNumbersInBaseOf } from '../../../domain/analytics/key-numbers-in-base.js';
import { keyNumbersOf, type KeyNumbers } from '../../../domain/analytics/key-numbers.js';
import { periodsBetween } from '../../../domain/analytics/periods.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { conversionOf } from './channels.repository.js';
import type { HistoryFilters } from './history.repository.js';
import { keyNumberFactsOf } from './key-number-facts.js';
import { describePeriod, periodOf, qualificationOf, reportContext } from './report-context.js';

export type PeriodInput = HistoryFilters & { from: string; to: string };
export type KeyNumbersInput = PeriodInput & { qualificationStageId?: string | undefined };
export type TrendsInput = KeyNumbersInput & { unit: 'week' | 'month' | 'quarter' };

// Bounds one request (weekly over two years and a bit): every bucket is a range in each query.
export const MAX_TRENDS_BUCKETS = 120;

const byCurrency = <T>(record: Record<string, T>) =>
  Object.keys(record)
    .sort()
    .map((currency) => ({ currency, ...(record[currency] as T) }));

/** The domain's records per currency as sorted lists, as the API sends them. */
export function keyNumberValues(k: KeyNumbers) {
  return {
    created: k.created,
    won: k.won,
    lost: k.lost,
    winRate: k.winRate,
    closeRate: k.closeRate,
    wonValue: byCurrency(k.wonValue),
    cycleDays: k.cycleDays,
    openAtEnd: byCurrency(k.openAtEnd),
    velocity: Object.keys(k.velocity)
      .sort()
      .map((currency) => ({ currency, perDay: k.velocity[currency] ?? null })),
  };
}

// Without an open stage only Won counts as qualified.
const positionOf = (stage: { position: number } | null) =>
  stage?.position ?? Number.MAX_SAFE_INTEGER;

export async function keyNumbersReport(db: Kysely<DB>, actor: Actor, input: KeyNumbersInput) {
  const ctx = await reportContext(db, actor, input);
  const qualification = qualificationOf(ctx, input.qualificationStageId);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const q = { db, scope: ctx.scope, filters: ctx.filters };
  const [[facts], conversion] = await Promise.all([
    keyNumberFactsOf(q, ctx, [period], positionOf(qualification)),
    conversionOf(db, actor.workspaceId),
  ]);
  const { facts: numbers, sums } = facts as NonNullable<typeof facts>;
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    qualificationStageId: qualification?.id ?? null,
    ...keyNumberValues(keyNumbersOf(numbers)),
    baseCurrency: conversion.base,
    inBaseCurrency: keyNumbersInBaseOf(sums, conversion),
  };
}

/**
 * The calendar weeks, months or quarters that overlap the period, each cut to the period, so
 * the first and last buckets may be partial and the buckets add up to the whole period.
 */
export function trendBuckets(period: Period, unit: TrendsInput['unit'], timeZone: string) {
  return periodsBetween(unit, period.start, period.end - 1, timeZone).map((p) => ({
    start: Math.max(p.start, period.start),
    end: Math.min(p.end, period.end),
  }));
}

export async function trendsReport(db: Kysely<DB>, actor: Actor, input: TrendsInput) {
  const ctx = await reportContext(db, actor, input);
  const qualification = qualificationOf(ctx, input.qualificationStageId);
  const period = periodOf(input.from, input.to, ctx.timeZone);
  const buckets = trendBuckets(period, input.unit, ctx.timeZone);
  if (buckets.length > MAX_TRENDS_BUCKETS) {
    throw invalid(
      'unit',
      'A trend has at most 120 periods; choose a longer unit or a shorter period',
    );
  }
  const q = { db, scope: ctx.scope, filters: ctx.filters };
  const facts = await keyNumberFactsOf(q, ctx, buckets, positionOf(qualification));
  return {
    pipelineId: ctx.filters.pipelineId,
    timeZone: ctx.timeZone,
    period: describePeriod(period, ctx.timeZone),
    unit: input.unit,
    buckets: buckets.map((bucket, i) => ({
      ...describePeriod(bucket, ctx.timeZone),
      ...keyNumberValues(keyNumbersOf((facts[i] as (typeof facts)[number]).facts)),
    })),
  };
}
