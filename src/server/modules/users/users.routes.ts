import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  team,
  teamCreateBody,
  teamUpdateBody,
  user,
  userUpdateBody,
  workspace,
  workspaceUpdateBody,
} from '../../../contracts/users.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { getWorkspace, updateWorkspace } from '../workspaces/workspaces.service.js';
import * as teams from './teams.service.js';
import * as users from './users.service.js';

export function userRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/workspace', {
    schema: {
      tags: ['workspace'],
      summary: 'Workspace settings',
      response: { 200: workspace, ...errorResponses },
    },
    handler: async (request) => getWorkspace(db, currentUser(request)),
  });
  app.patch('/api/v1/workspace', {
    schema: {
      tags: ['workspace'],
      summary: 'Change workspace settings (admins)',
      body: workspaceUpdateBody,
      response: { 200: workspace, ...errorResponses },
    },
    handler: async (request) => updateWorkspace(db, currentUser(request), request.body),
  });

  app.get('/api/v1/users', {
    schema: {
      tags: ['users'],
      summary: 'People in the workspace',
      response: { 200: z.object({ data: z.array(user) }), ...errorResponses },
    },
    handler: async (request) => ({ data: await users.listUsers(db, currentUser(request)) }),
  });
  app.get('/api/v1/users/:id', {
    schema: { tags: ['users'], params: idParams, response: { 200: user, ...errorResponses } },
    handler: async (request) => users.getUser(db, currentUser(request), request.params.id),
  });
  app.patch('/api/v1/users/:id', {
    schema: {
      tags: ['users'],
      summary: 'Change a profile; role and active are for admins',
      params: idParams,
      body: userUpdateBody,
      response: { 200: user, ...errorResponses },
    },
    handler: async (request) =>
      users.updateUser(db, currentUser(request), request.params.id, request.body),
  });

  app.get('/api/v1/teams', {
    schema: {
      tags: ['teams'],
      response: { 200: z.object({ data: z.array(team) }), ...errorResponses },
    },
    handler: async (request) => ({ data: await teams.listTeams(db, currentUser(request)) }),
  });
  app.get('/api/v1/teams/:id', {
    schema: { tags: ['teams'], params: idParams, response: { 200: team, ...errorResponses } },
    handler: async (request) => teams.getTeam(db, currentUser(request), request.params.id),
  });
  app.post('/api/v1/teams', {
    schema: { tags: ['teams'], body: teamCreateBody, response: { 201: team, ...errorResponses } },
    handler: async (request, reply) =>
      reply.code(201).send(await teams.createTeam(db, currentUser(request), request.body)),
  });
  app.patch('/api/v1/teams/:id', {
    schema: {
      tags: ['teams'],
      params: idParams,
      body: teamUpdateBody,
      response: { 200: team, ...errorResponses },
    },
    handler: async (request) =>
      teams.updateTeam(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/teams/:id', {
    schema: { tags: ['teams'], params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await teams.deleteTeam(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
