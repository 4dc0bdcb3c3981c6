import { z } from 'zod';
import { calendar, calendarFeed, calendarQuery, icsParams } from '../../../contracts/activities.js';
import { errorResponses } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as calendars from './calendar.service.js';

const tags = ['calendar'];

export function calendarRoutes(app: TypedApp, { db, config }: AppContext): void {
  // Like invitation links: the configured public address, else the one the caller reached.
  const baseUrl = (host: string | undefined) =>
    (
      config.publicUrl ?? `${config.secureCookies ? 'https' : 'http'}://${host ?? 'localhost'}`
    ).replace(/\/+$/, '');

  app.get('/api/v1/calendar', {
    schema: {
      tags,
      summary: 'Activities due in [from, to), at most 62 days; default the caller’s own',
      querystring: calendarQuery,
      response: { 200: calendar, ...errorResponses },
    },
    handler: async (request) => ({
      data: await calendars.calendar(db, currentUser(request), request.query),
    }),
  });
  app.post('/api/v1/calendar/feed', {
    schema: {
      tags,
      summary: 'Create or rotate the caller’s private ICS feed; the old URL stops working',
      response: { 200: calendarFeed, ...errorResponses },
    },
    handler: async (request) => {
      const token = await calendars.rotateFeedToken(db, currentUser(request));
      return { url: `${baseUrl(request.headers.host)}/ics/${token}` };
    },
  });
  app.delete('/api/v1/calendar/feed', {
    schema: {
      tags,
      summary: 'Revoke the caller’s ICS feed',
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await calendars.revokeFeedToken(db, currentUser(request));
      return reply.code(204).send(null);
    },
  });
  // Calendar apps subscribe without a session: the secret in the path is the credential.
  app.get('/ics/:token', {
    config: { auth: false },
    schema: { hide: true, params: icsParams },
    handler: async (request, reply) => {
      const text = await calendars.feedCalendar(
        db,
        request.params.token,
        baseUrl(request.headers.host),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  });
}
