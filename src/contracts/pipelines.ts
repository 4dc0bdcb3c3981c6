import { z } from 'zod';
import { requirableFields } from '../domain/stage-requirements.js';
import { id, trimmed, versionField } from './common.js';

export const stageKind = z.enum(['open', 'won', 'lost']);
export const requirableField = z.enum(requirableFields);

export const stage = z
  .object({
    id,
    pipelineId: id,
    name: z.string(),
    position: z.number().int(),
    probability: z.number().int(),
    rottingDays: z.number().int().nullable(),
    kind: stageKind,
    requiredFields: z.array(requirableField).describe('What a deal needs before it may enter'),
    closeDatePushLimit: z
      .number()
      .int()
      .nullable()
      .describe('Pushes of the close date allowed before the deal needs attention; null: any'),
    version: z.number().int(),
  })
  .meta({ id: 'Stage' });

export const pipeline = z
  .object({
    id,
    name: z.string(),
    position: z.number().int(),
    stages: z.array(stage),
    version: z.number().int(),
  })
  .meta({ id: 'Pipeline' });

export const pipelineList = z.object({ data: z.array(pipeline) });

const probability = z.number().int().min(0).max(100);
const rottingDays = z.number().int().min(1).max(3650).nullable();
// A set: repeats are dropped, the allow-list's order is kept.
const requiredFields = z
  .array(requirableField)
  .max(requirableFields.length)
  .transform((fields) => requirableFields.filter((f) => fields.includes(f)));
const closeDatePushLimit = z.number().int().min(0).max(1000).nullable();

export const stageInput = z.object({
  name: trimmed(80),
  probability,
  rottingDays: rottingDays.optional(),
  kind: stageKind.default('open'),
  requiredFields: requiredFields.optional().describe('Default: none'),
  closeDatePushLimit: closeDatePushLimit.optional().describe('Default: null (no limit)'),
});

/** Stages in one pipeline: a board wider than this is not read, and a reorder names them all. */
export const MAX_STAGES = 30;

export const pipelineCreateBody = z
  .object({
    name: trimmed(80),
    template: z.enum(['sales', 'post-purchase', 'classic-7-step', 'four-step']).optional(),
    stages: z.array(stageInput).min(1).max(MAX_STAGES).optional(),
  })
  .refine((b) => !(b.template && b.stages), {
    message: 'give either a template or stages, not both',
    path: ['stages'],
  });

export const pipelineUpdateBody = z.object({ version: versionField, name: trimmed(80).optional() });

export const stageCreateBody = stageInput.extend({
  position: z.number().int().min(0).optional().describe('0-based index; default: before won/lost'),
});

export const stageUpdateBody = z.object({
  version: versionField,
  name: trimmed(80).optional(),
  probability: probability.optional(),
  rottingDays: rottingDays.optional(),
  requiredFields: requiredFields.optional(),
  closeDatePushLimit: closeDatePushLimit.optional(),
});

export const stageOrderBody = z.object({
  stageIds: z
    .array(id)
    .min(1)
    .max(MAX_STAGES)
    .describe('Every stage of the pipeline, in the new order'),
});

export const stageDeleteQuery = z.object({
  moveDealsTo: id.optional().describe('Stage that receives the deleted stage’s deals'),
});

export const pipelineTemplate = z.object({
  key: z.string(),
  name: z.string(),
  stages: z.array(
    stageInput
      .omit({ requiredFields: true, closeDatePushLimit: true })
      .extend({ rottingDays: rottingDays }),
  ),
});
export const pipelineTemplateList = z.object({ data: z.array(pipelineTemplate) });
