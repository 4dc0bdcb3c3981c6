import { z } from 'zod';
import { currencyCode, id, isoDate, isoDateTime, localeSchema } from './common.js';
import { SECTIONS } from '../domain/review/sections.js';
import { quotaStatusReport, submission } from './forecast.js';

export const reviewSection = z.enum(SECTIONS);
export type ReviewSection = z.infer<typeof reviewSection>;

/** Whose pipeline: a rep (ownerId) or a team (teamId); the caller's own when neither is given. */
const scope = { ownerId: id.optional(), teamId: id.optional() };

export const reviewQuery = z.object({
  ...scope,
  /** A local day (its first instant in the workspace zone) or an instant; the last review's end by default. */
  since: z.union([isoDate, isoDateTime]).optional(),
  /** An instant; now by default. */
  until: isoDateTime.optional(),
});
export const reviewExportQuery = reviewQuery.extend({
  lang: localeSchema.default('en').describe('Language of the file'),
});

export const reviewDoneBody = z.object({ ...scope, since: isoDateTime, until: isoDateTime });

const money = z.object({ value: z.number(), currency: currencyCode });
export const reviewDeal = z.object({
  dealId: id,
  title: z.string(),
  ownerId: id,
  ownerName: z.string(),
  pipelineId: id,
  stageId: id,
  stageName: z.string(),
  status: z.enum(['open', 'won', 'lost']),
  /** Value and currency at the review's end (for stalled and closing deals: now). */
  value: z.number(),
  currency: currencyCode,
  expectedCloseDate: isoDate.nullable(),
  stage: z
    .object({
      fromId: id,
      fromName: z.string(),
      toId: id,
      toName: z.string(),
      direction: z.enum(['forward', 'back']),
    })
    .nullable(),
  closeDate: z.object({ from: isoDate, to: isoDate, days: z.number() }).nullable(),
  valueChange: z.object({ from: money, to: money }).nullable(),
  closed: z
    .object({ outcome: z.enum(['won', 'lost']), at: z.string(), lostReason: z.string().nullable() })
    .nullable(),
  stalled: z.object({ idleDays: z.number(), rottingDays: z.number() }).nullable(),
});
export type ReviewDeal = z.infer<typeof reviewDeal>;

const total = z.object({ currency: currencyCode, count: z.number(), amount: z.number() });
const week = z.object({ from: isoDate, to: isoDate });
const weighted = z.object({
  count: z.number(),
  amount: z.number(),
  unconverted: z.array(id),
});

export const pipelineReview = z.object({
  scope: z.object({ ownerId: id.nullable(), teamId: id.nullable(), name: z.string() }),
  since: z.string(),
  until: z.string(),
  /** Where `since` came from: the query, the last completed review, or seven days back. */
  sinceFrom: z.enum(['query', 'lastReview', 'default']),
  lastReview: z.object({ id, reviewedAt: z.string(), reviewerId: id }).nullable(),
  timeZone: z.string(),
  weeks: z.object({ thisWeek: week, nextWeek: week }),
  sections: z.array(
    z.object({
      section: reviewSection,
      count: z.number(),
      /** Per currency; for valueChanged the net change, for the others the value at the end. */
      totals: z.array(total),
      deals: z.array(reviewDeal),
    }),
  ),
  /** This month's quota status; null when no quota is set. */
  quota: quotaStatusReport.nullable(),
  forecast: z.object({
    currency: currencyCode,
    period: z.object({ from: isoDate, to: isoDate }),
    /** Stage-weighted, replayed from history at `until` and a week before it. */
    stageWeighted: z.object({
      now: weighted,
      weekAgo: weighted,
      change: z.object({ count: z.number(), amount: z.number() }),
    }),
    /** The latest submitted forecast for the month as of `until` and a week before it. */
    submitted: z.object({ now: submission.nullable(), weekAgo: submission.nullable() }),
  }),
});
export type PipelineReview = z.infer<typeof pipelineReview>;

export const completedReview = z.object({
  id,
  ownerId: id.nullable(),
  teamId: id.nullable(),
  reviewerId: id,
  since: z.string(),
  until: z.string(),
  reviewedAt: z.string(),
});
