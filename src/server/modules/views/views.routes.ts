import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  savedView,
  viewCreateBody,
  viewList,
  viewListQuery,
  viewUpdateBody,
} from '../../../contracts/views.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as views from './views.service.js';

const tags = ['views'];

export function viewRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/views', {
    schema: {
      tags,
      summary: 'Saved views: the caller’s own and the workspace’s shared ones, by name',
      querystring: viewListQuery,
      response: { 200: viewList, ...errorResponses },
    },
    handler: async (request) => ({
      data: await views.listViews(db, currentUser(request), request.query.entity),
    }),
  });
  app.post('/api/v1/views', {
    schema: {
      tags,
      summary: 'Save a view; the name is unique per owner and entity',
      body: viewCreateBody,
      response: { 201: savedView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await views.createView(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/views/:id', {
    schema: { tags, params: idParams, response: { 200: savedView, ...errorResponses } },
    handler: async (request) => views.getView(db, currentUser(request), request.params.id),
  });
  app.patch('/api/v1/views/:id', {
    schema: {
      tags,
      summary: 'Change a view (its owner; admins and managers too when it is shared)',
      params: idParams,
      body: viewUpdateBody,
      response: { 200: savedView, ...errorResponses },
    },
    handler: async (request) =>
      views.updateView(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/views/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await views.deleteView(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
