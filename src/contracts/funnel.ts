import { z } from 'zod';
import { id } from './common.js';
import { boardQuery, moneyTotal } from './deals.js';

export const funnelQuery = boardQuery.omit({ limit: true });

export const funnelStage = z.object({
  stageId: id,
  name: z.string(),
  kind: z.enum(['open', 'won', 'lost']),
  openCount: z.number().int().describe('Open deals in the stage now'),
  openTotals: z.array(moneyTotal).describe('Of those open deals, per currency'),
  reachedCount: z
    .number()
    .int()
    .describe(
      'Deals that were ever in this stage or a later open one, or won (open stages); ' +
        'won or ever in it (won stage); ever in it (lost stage)',
    ),
  conversionToNext: z
    .number()
    .nullable()
    .describe('reachedCount of the next open stage / this one (0..1); null at the end or on 0'),
});

export const funnel = z
  .object({ pipelineId: id, stages: z.array(funnelStage) })
  .meta({ id: 'Funnel' });
