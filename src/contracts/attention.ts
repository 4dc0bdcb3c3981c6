import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.js';

export const healthFlag = z.enum(['rotting', 'closeDateOverdue', 'closeDatePushed', 'noNextStep']);

export const healthReason = z
  .discriminatedUnion('flag', [
    z.object({
      flag: z.literal('rotting'),
      idleDays: z.number().int().describe('Whole days since the stage change or last activity'),
      rottingDays: z.number().int(),
    }),
    z.object({
      flag: z.literal('closeDateOverdue'),
      expectedCloseDate: isoDate,
      daysOverdue: z.number().int(),
    }),
    z.object({
      flag: z.literal('closeDatePushed'),
      pushes: z.number().int().describe('Times the close date was moved later'),
      limit: z.number().int(),
    }),
    z.object({ flag: z.literal('noNextStep') }),
  ])
  .meta({ id: 'HealthReason' });

export const attentionDeal = z
  .object({
    id,
    title: z.string(),
    pipelineId: id,
    stageId: id,
    stageName: z.string(),
    ownerId: id,
    ownerName: z.string(),
    value: z.number().int(),
    currency: z.string(),
    effectiveProbability: z.number().int(),
    weighted: z.number().int().describe('value x probability, in minor units'),
    expectedCloseDate: isoDate.nullable(),
    flags: z.array(healthFlag),
    reasons: z.array(healthReason),
  })
  .meta({ id: 'AttentionDeal' });

const limit = z.coerce.number().int().min(1).max(500).default(100);

export const attentionQuery = z.object({
  ownerId: id.optional().describe('Within the deals the caller can see'),
  teamId: id.optional().describe('Within the deals the caller can see'),
  limit,
});

export const attentionList = z
  .object({
    data: z.array(attentionDeal),
    total: z.number().int().describe('Deals needing attention, before the limit'),
  })
  .describe('Most promising first: see docs/decisions/0004-ordering-across-currencies.md');

/** A light activity for My day; the full one is GET /api/v1/activities/:id. */
export const myDayActivity = z
  .object({
    id,
    type: z.enum(['call', 'meeting', 'task', 'email', 'note']),
    subject: z.string(),
    dueAt: isoDateTime,
    allDay: z.boolean(),
    done: z.boolean(),
    deal: z
      .object({
        id,
        title: z.string(),
        value: z.number().int(),
        currency: z.string(),
        weighted: z.number().int(),
      })
      .nullable()
      .describe('Null without a deal, or when the caller cannot see it'),
  })
  .meta({ id: 'MyDayActivity' });

export const myDayQuery = z.object({
  date: isoDate.optional().describe('Default: today in the caller’s time zone'),
  limit,
});

export const myDay = z
  .object({
    date: isoDate,
    timeZone: z.string(),
    dueToday: z.array(myDayActivity).describe('Not done, due within the local day'),
    overdue: z.array(myDayActivity).describe('Not done, due before the local day began'),
    attention: z.array(attentionDeal).describe('The caller’s own deals needing attention'),
  })
  .meta({ id: 'MyDay' });
