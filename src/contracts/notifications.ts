import { z } from 'zod';
import { activityType } from './activities.js';
import { id, isoDateTime, pageInfo } from './common.js';

export const notification = z
  .object({
    id,
    kind: z.enum(['activity_due']),
    createdAt: isoDateTime,
    read: z.boolean(),
    activity: z.object({
      id,
      type: activityType,
      subject: z.string(),
      dueAt: isoDateTime.describe('The due time this notification rang for'),
      allDay: z.boolean(),
      done: z.boolean(),
      overdue: z.boolean().describe('Still open and its due time has passed'),
    }),
    deal: z
      .object({ id, title: z.string() })
      .nullable()
      .describe('The linked deal, when the caller may see it'),
  })
  .meta({ id: 'Notification' });

export const notificationList = z
  .object({ data: z.array(notification), unread: z.number().int() })
  .extend(pageInfo.shape);

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only unread ones'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const notificationCount = z
  .object({
    unread: z
      .number()
      .int()
      .describe('Unread notifications whose activity is still open: the count on the bell'),
  })
  .meta({ id: 'NotificationCount' });

export const markReadBody = z.object({
  ids: z.array(id).min(1).max(500).optional().describe('Default: every notification'),
});
