import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  markReadBody,
  notificationCount,
  notificationList,
  notificationListQuery,
} from '../../../contracts/notifications.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { listNotifications, markRead, unreadCount } from './notifications.service.js';

const tags = ['notifications'];

export function notificationRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/notifications', {
    schema: {
      tags,
      summary: 'My notifications (activities that fell due), newest first',
      querystring: notificationListQuery,
      response: { 200: notificationList, ...errorResponses },
    },
    handler: async (request) => listNotifications(db, currentUser(request), request.query),
  });
  app.get('/api/v1/notifications/count', {
    schema: {
      tags,
      summary: 'The number on the bell',
      response: { 200: notificationCount, ...errorResponses },
    },
    handler: async (request) => ({ unread: await unreadCount(db, currentUser(request)) }),
  });
  app.post('/api/v1/notifications/read', {
    schema: {
      tags,
      summary: 'Mark notifications read (the given ids, or all of mine)',
      body: markReadBody,
      response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => ({
      marked: await markRead(db, currentUser(request), request.body.ids),
    }),
  });
}
