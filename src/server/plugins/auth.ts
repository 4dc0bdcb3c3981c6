import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { DomainError } from '../../domain/errors.js';
import type { AuthUser } from '../modules/auth/actor.js';
import { SESSION_TTL_MS, userFromApiToken, userFromSession } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'pw_session';

// Module augmentation only works with interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    /** Routes open to anonymous callers say `auth: false`. */
    auth?: boolean;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Resolves the caller from a session cookie or a bearer token; every route needs one unless it opts out. */
export function registerAuth(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      request.user = match?.[1] ? await userFromApiToken(db, match[1]) : null;
      if (!request.user && request.routeOptions.config.auth !== false) {
        throw new DomainError('unauthenticated', 'The API token is invalid or revoked');
      }
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) request.user = await userFromSession(db, cookie);
    }
    const needsAuth =
      request.routeOptions.url?.startsWith('/api/') && request.routeOptions.config.auth !== false;
    if (needsAuth && !request.user) {
      throw new DomainError('unauthenticated', 'Sign in or send an API token');
    }
  });
}

export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new DomainError('unauthenticated', 'Sign in or send an API token');
  return request.user;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
