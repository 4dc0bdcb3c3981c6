import { z } from 'zod';
import { id } from './common.js';
import { deal } from './deals.js';

export const dealBulkBody = z.object({
  ids: z
    .array(id)
    .min(1)
    .max(500)
    .describe('Deals to change; with a stage change they land on top of it in this order'),
  set: z
    .object({
      ownerId: id.optional().describe('An active person whose deals the caller can see'),
      stageId: id.optional().describe('Any stage of the workspace; moves follow the move rules'),
    })
    .strict()
    .refine((s) => s.ownerId !== undefined || s.stageId !== undefined, {
      message: 'give ownerId, stageId or both',
    }),
});

export const dealBulkResult = z.object({
  data: z.array(deal).describe('The changed deals, in the order of `ids`'),
});
