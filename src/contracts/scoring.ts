import { z } from 'zod';
import { id } from './common.js';

const points = z.number().int().min(-1000).max(1000);

export const scoringRules = z
  .object({
    criterionYes: points.describe('Per qualification criterion answered yes'),
    criterionNo: points.describe('Per criterion answered no'),
    sources: z
      .record(z.string().trim().min(1).max(80), points)
      .refine((r) => Object.keys(r).length <= 50, 'at most 50 sources')
      .describe('Points per source channel (case does not matter)'),
    recentActivityDays: z.number().int().min(1).max(365),
    recentActivity: points.describe('When something happened within recentActivityDays'),
    hasCompany: points,
    hasEmail: points,
  })
  .meta({ id: 'ScoringRules' });

export const scoringModel = z.object({
  trainedOn: z.number().int().describe('Closed deals learned from'),
  heldOut: z.number().int().describe('Closed deals held back to measure it'),
  heldOutAuc: z
    .number()
    .nullable()
    .describe('Chance a held-back won deal scored above a held-back lost one'),
  heldOutAccuracy: z
    .number()
    .nullable()
    .describe('Share of held-back deals on the right side of 50%'),
  weights: z.array(z.object({ feature: z.string(), weight: z.number() })),
});

const learned = {
  probability: z.number().describe('Learned chance to be won'),
  learnedReasons: z.array(z.object({ feature: z.string(), effect: z.number() })),
  rulePoints: z.number().int(),
  ruleReasons: z.array(z.object({ rule: z.string(), points: z.number().int() })),
};

export const focusList = z.object({
  baseCurrency: z.string(),
  deals: z.array(
    z.object({
      id,
      title: z.string(),
      stageName: z.string(),
      value: z.number().int(),
      currency: z.string(),
      baseValue: z
        .number()
        .int()
        .nullable()
        .describe('In the workspace currency; null without a rate'),
      expectedValue: z.number().int().nullable().describe('baseValue x probability'),
      ...learned,
    }),
  ),
  leads: z.array(
    z.object({
      id,
      name: z.string(),
      companyName: z.string().nullable(),
      status: z.string(),
      ...learned,
    }),
  ),
});

export const focusQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
