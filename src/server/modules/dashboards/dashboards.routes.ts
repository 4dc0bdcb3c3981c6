import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  dashboard,
  dashboardCreateBody,
  dashboardList,
  dashboardTemplate,
  dashboardUpdateBody,
} from '../../../contracts/dashboards.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as dashboards from './dashboards.service.js';

const tags = ['dashboards'];
const base = '/api/v1/dashboards';

export function dashboardRoutes(app: TypedApp, { db }: AppContext): void {
  app.get(base, {
    schema: {
      tags,
      summary: 'Dashboards: the caller’s own, then the workspace’s shared ones, by name',
      response: { 200: dashboardList, ...errorResponses },
    },
    handler: async (request) => ({
      data: await dashboards.listDashboards(db, currentUser(request)),
    }),
  });
  app.get(`${base}/default`, {
    schema: {
      tags,
      summary: 'The default dashboard for the caller’s role (rep, or manager for admins too)',
      response: { 200: dashboardTemplate, ...errorResponses },
    },
    handler: async (request) => dashboards.defaultFor(currentUser(request)),
  });
  app.post(base, {
    schema: {
      tags,
      summary: 'Create a dashboard (or copy the default); the name is unique per owner',
      body: dashboardCreateBody,
      response: { 201: dashboard, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await dashboards.createDashboard(db, currentUser(request), request.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: idParams, response: { 200: dashboard, ...errorResponses } },
    handler: async (request) =>
      dashboards.getDashboard(db, currentUser(request), request.params.id),
  });
  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: 'Change a dashboard (its owner, or an admin when it is shared); needs its version',
      params: idParams,
      body: dashboardUpdateBody,
      response: { 200: dashboard, ...errorResponses },
    },
    handler: async (request) =>
      dashboards.updateDashboard(db, currentUser(request), request.params.id, request.body),
  });
  app.delete(`${base}/:id`, {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await dashboards.deleteDashboard(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
