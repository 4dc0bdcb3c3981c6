// The deals behind a key number or a conversion bar (drill-down): the same filters and period as
// the key numbers, and which number. Definitions: docs/metrics.md, "Deals behind a number".
import { z } from 'zod';
import { checkPeriod, filters, period, reportHead } from './analytics.js';
import { id } from './common.js';

export const dealsBehindMetric = z.enum([
  'created',
  'won',
  'lost',
  'closed',
  'qualified',
  'open',
  'reached',
  'active',
]);

export const activeOutcome = z.enum(['forward', 'back', 'won', 'lost', 'movedOut', 'stayed']);

export const dealsBehindQuery = z
  .object({
    ...filters,
    ...period,
    metric: dealsBehindMetric.describe(
      'created, won, lost, closed (won + lost), qualified (close-rate cohort), open at the end, ' +
        'reached (the cohort conversion count of stageId), or active (the deals in stageId during ' +
        'the period, the active conversion)',
    ),
    stageId: id
      .optional()
      .describe('For reached: a stage of the pipeline; for active: an open stage of it'),
    outcome: activeOutcome
      .optional()
      .describe('For active: only the deals whose stay led to this; all of them when left out'),
    qualificationStageId: id
      .optional()
      .describe('The qualification stage for "qualified"; default as in the key numbers'),
    channel: z
      .string()
      .max(80)
      .optional()
      .describe(
        'For created and won (the channels report): only deals whose source is this channel, ' +
          'without regard to case or surrounding spaces; empty for deals without a source',
      ),
    heldBy: id
      .optional()
      .describe('Only deals this user owned at the closing (or at the period end for open)'),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
  })
  .superRefine(checkPeriod);

export const dealsBehindReport = z
  .object({
    ...reportHead,
    metric: dealsBehindMetric,
    count: z.number().int().describe('How many deals the number counts'),
    deals: z
      .array(z.object({ id, title: z.string() }))
      .describe('The first `limit` of them by title'),
  })
  .meta({ id: 'DealsBehindReport' });
