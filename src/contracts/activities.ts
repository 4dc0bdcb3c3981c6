import { z } from 'zod';
import { dealEvent } from './deals.js';
import { id, isoDateTime, pageInfo, pageQuery, trimmed, versionField } from './common.js';

export const activityType = z.enum(['call', 'meeting', 'task', 'email', 'note']);

export const activity = z
  .object({
    id,
    type: activityType,
    subject: z.string(),
    body: z.string().describe('Markdown, as written'),
    bodyHtml: z.string().describe('The body rendered to HTML and sanitized: safe to insert'),
    dueAt: isoDateTime.nullable(),
    allDay: z.boolean(),
    durationMinutes: z.number().int().nullable(),
    ownerId: id,
    ownerName: z.string(),
    done: z.boolean(),
    doneAt: isoDateTime.nullable(),
    dealId: id.nullable(),
    dealTitle: z.string().nullable(),
    contactId: id.nullable(),
    companyId: id.nullable(),
    createdBy: id.nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Activity' });

const duration = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const activityCreateBody = z.object({
  type: activityType,
  subject: trimmed(200),
  body: z.string().max(20_000).default(''),
  dueAt: isoDateTime.nullable().optional(),
  allDay: z.boolean().default(false),
  durationMinutes: duration.nullable().optional().describe('Meetings only'),
  ownerId: id.optional().describe('Default: the caller'),
  done: z
    .boolean()
    .optional()
    .describe('Default: true for notes and emails, which log what happened; else false'),
  dealId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  companyId: id.nullable().optional(),
});

export const activityUpdateBody = z.object({
  version: versionField,
  type: activityType.optional(),
  subject: trimmed(200).optional(),
  body: z.string().max(20_000).optional(),
  dueAt: isoDateTime.nullable().optional(),
  allDay: z.boolean().optional(),
  durationMinutes: duration.nullable().optional(),
  ownerId: id.optional(),
  done: z.boolean().optional(),
  dealId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  companyId: id.nullable().optional(),
});

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const activityListQuery = z.object({
  ...pageQuery,
  dealId: id.optional(),
  contactId: id.optional(),
  companyId: id.optional(),
  ownerId: id.optional(),
  done: booleanQuery.optional(),
  dueFrom: isoDateTime.optional().describe('Inclusive'),
  dueTo: isoDateTime.optional().describe('Exclusive'),
  type: activityType.optional(),
});

export const activityList = z
  .object({ data: z.array(activity) })
  .extend(pageInfo.shape)
  .describe('By due time (no due time last), then id');

export const timelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: dealEvent }),
  z.object({ kind: z.literal('activity'), activity }),
]);
export const timeline = z.object({ data: z.array(timelineEntry) }).meta({ id: 'Timeline' });

export const calendarQuery = z.object({
  from: isoDateTime,
  to: isoDateTime,
  ownerId: id.optional().describe('Default: the caller; managers and admins may ask for others'),
});
export const calendar = z.object({ data: z.array(activity) });

export const calendarFeed = z.object({
  url: z.string().describe('Secret: whoever has it reads your calendar. Rotating revokes the old'),
});
export const icsParams = z.object({ token: z.string().min(1).max(200) });
