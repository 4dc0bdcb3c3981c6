import { z } from 'zod';
import {
  apiToken,
  apiTokenCreated,
  invitation,
  invitationAcceptBody,
  invitationCreateBody,
  invitationCreated,
  invitationPreview,
  loginBody,
  me,
  signupBody,
  tokenCreateBody,
  tokenParams,
} from '../../../contracts/auth.js';
import { errorResponses, idParams } from '../../../contracts/common.js';
import { forbidden } from '../../../domain/errors.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import {
  clearSessionCookie,
  currentUser,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../plugins/auth.js';
import * as auth from './auth.service.js';
import * as invitations from './invitations.service.js';
import * as tokens from './tokens.service.js';
import { getMe } from '../users/users.service.js';

const tags = ['auth'];

export function authRoutes(app: TypedApp, { db, config }: AppContext): void {
  const secure = config.secureCookies;
  const baseUrl = (host: string | undefined) =>
    config.publicUrl ?? `${secure ? 'https' : 'http'}://${host ?? 'localhost'}`;

  app.post('/api/v1/auth/signup', {
    config: { auth: false },
    schema: {
      tags,
      summary: 'Create a workspace and its first admin',
      body: signupBody,
      response: { 201: me, ...errorResponses },
    },
    handler: async (request, reply) => {
      if (config.signup === 'closed')
        throw forbidden('Sign-up is closed on this server; ask an admin for an invitation');
      const { userId, session } = await auth.signup(db, request.body);
      setSessionCookie(reply, session.token, secure);
      return reply.code(201).send(await getMe(db, userId));
    },
  });

  app.post('/api/v1/auth/login', {
    config: { auth: false },
    schema: {
      tags,
      summary: 'Sign in with email and password (sets a session cookie)',
      body: loginBody,
      response: { 200: me, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { userId, session } = await auth.login(db, { ...request.body, ip: request.ip });
      setSessionCookie(reply, session.token, secure);
      return getMe(db, userId);
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { auth: false },
    schema: { tags, summary: 'End the session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.logout(db, token);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    schema: {
      tags,
      summary: 'The signed-in user and workspace',
      response: { 200: me, ...errorResponses },
    },
    handler: async (request) => getMe(db, currentUser(request).id),
  });

  app.get('/api/v1/tokens', {
    schema: {
      tags,
      summary: 'My API tokens',
      response: { 200: z.object({ data: z.array(apiToken) }), ...errorResponses },
    },
    handler: async (request) => ({ data: await tokens.listApiTokens(db, currentUser(request)) }),
  });

  app.post('/api/v1/tokens', {
    schema: {
      tags,
      summary: 'Create a personal API token',
      body: tokenCreateBody,
      response: { 201: apiTokenCreated, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await tokens.createApiToken(db, currentUser(request).id, request.body.name)),
  });

  app.delete('/api/v1/tokens/:id', {
    schema: {
      tags,
      summary: 'Revoke an API token',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await tokens.revokeApiToken(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/invitations', {
    schema: {
      tags,
      summary: 'Invitations of the workspace',
      response: { 200: z.object({ data: z.array(invitation) }), ...errorResponses },
    },
    handler: async (request) => ({
      data: await invitations.listInvitations(db, currentUser(request)),
    }),
  });

  app.post('/api/v1/invitations', {
    schema: {
      tags,
      summary: 'Invite someone by link',
      body: invitationCreateBody,
      response: { 201: invitationCreated, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await invitations.createInvitation(
            db,
            currentUser(request),
            request.body,
            baseUrl(request.headers.host),
          ),
        ),
  });

  app.delete('/api/v1/invitations/:id', {
    schema: {
      tags,
      summary: 'Revoke an invitation that has not been accepted',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await invitations.revokeInvitation(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/invitations/:token', {
    config: { auth: false },
    schema: {
      tags,
      summary: 'What an invitation link is for',
      params: tokenParams,
      response: { 200: invitationPreview, ...errorResponses },
    },
    handler: async (request) => invitations.previewInvitation(db, request.params.token),
  });

  app.post('/api/v1/invitations/:token/accept', {
    config: { auth: false },
    schema: {
      tags,
      summary: 'Accept an invitation: creates the account and signs in',
      params: tokenParams,
      body: invitationAcceptBody,
      response: { 201: me, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { userId, session } = await invitations.acceptInvitation(
        db,
        request.params.token,
        request.body,
      );
      setSessionCookie(reply, session.token, secure);
      return reply.code(201).send(await getMe(db, userId));
    },
  });
}
