import { z } from 'zod';
import {
  activity,
  activityCreateBody,
  activityList,
  activityListQuery,
  activityUpdateBody,
  timeline,
} from '../../../contracts/activities.js';
import { errorResponses, idParams } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import * as activities from './activities.service.js';
import { companyTimeline, contactTimeline, dealTimeline } from './timeline.service.js';

const tags = ['activities'];

export function activityRoutes(app: TypedApp, { db, jobs }: AppContext): void {
  app.get('/api/v1/activities', {
    schema: {
      tags,
      summary: 'List activities by due time (filters, keyset cursor)',
      querystring: activityListQuery,
      response: { 200: activityList, ...errorResponses },
    },
    handler: async (request) => activities.listActivities(db, currentUser(request), request.query),
  });
  app.post('/api/v1/activities', {
    schema: {
      tags,
      summary: 'Create an activity; notes and emails are logged as done unless `done` says not',
      body: activityCreateBody,
      response: { 201: activity, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await activities.createActivity(db, currentUser(request), request.body, jobs)),
  });
  app.get('/api/v1/activities/:id', {
    schema: { tags, params: idParams, response: { 200: activity, ...errorResponses } },
    handler: async (request) =>
      activities.getActivity(db, await scopeOf(db, currentUser(request)), request.params.id),
  });
  app.patch('/api/v1/activities/:id', {
    schema: {
      tags,
      summary: 'Change an activity; `version` must be the one you read',
      params: idParams,
      body: activityUpdateBody,
      response: { 200: activity, ...errorResponses },
    },
    handler: async (request) =>
      activities.updateActivity(db, currentUser(request), request.params.id, request.body, jobs),
  });
  app.delete('/api/v1/activities/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await activities.deleteActivity(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  const timelineOf = (what: string, load: typeof dealTimeline): Parameters<TypedApp['get']>[1] => ({
    schema: {
      tags: ['timelines'],
      summary: `The ${what}’s timeline, newest first`,
      params: idParams,
      response: { 200: timeline, ...errorResponses },
    },
    handler: async (request) => ({
      data: await load(db, currentUser(request), (request.params as { id: string }).id),
    }),
  });
  app.get('/api/v1/deals/:id/timeline', timelineOf('deal', dealTimeline));
  app.get('/api/v1/contacts/:id/timeline', timelineOf('contact', contactTimeline));
  app.get('/api/v1/companies/:id/timeline', timelineOf('company', companyTimeline));
}
