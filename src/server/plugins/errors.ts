import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../../domain/errors.js';
import { languageOf, localize } from './error-messages.js';
import { validationMessage } from './validation-messages.js';

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  duplicate: 409,
  precondition_failed: 412,
  unprocessable: 422,
  // A deal lacks fields its target stage requires; details say which (and, in bulk, of whom).
  stage_requirements: 422,
  rate_limited: 429,
};

type ErrorBody = {
  error: {
    code: string;
    message: string;
    field?: string;
    details?: Record<string, unknown>;
    requestId?: string;
  };
};

const body = (code: string, message: string, field?: string, details?: Record<string, unknown>) => {
  const error: ErrorBody['error'] = { code, message };
  if (field) error.field = field;
  if (details) error.details = details;
  return { error };
};

/**
 * One error handler: domain errors map to 4xx with a code and field; the rest is an opaque 500.
 * Messages are in the request's Accept-Language (en or vi); codes and fields never change.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    const t = (message: string) => localize(message, lang);
    if (err instanceof DomainError) {
      if (err.code === 'rate_limited' && err.details?.retryAfterSeconds) {
        void reply.header('retry-after', String(err.details.retryAfterSeconds));
      }
      return reply
        .code(statusOf[err.code])
        .send(body(err.code, t(err.message), err.field, err.details));
    }
    // A unique index caught a race that the service's own check could not (two requests at once).
    if ((err as { code?: unknown }).code === '23505') {
      return reply.code(409).send(body('duplicate', t('That record already exists')));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const context = err.validationContext ?? 'body';
      const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
      const field = path || context;
      const message = first ? `${field}: ${validationMessage(first, lang)}` : t('Invalid request');
      return reply.code(400).send(
        body('validation_failed', message, field, {
          issues: err.validation.map((v) => ({
            field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || context,
            message: validationMessage(v, lang),
          })),
        }),
      );
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      return reply.code(400).send(body('validation_failed', t('Body is not valid JSON'), 'body'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(body('unsupported_media_type', err.message));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(body('payload_too_large', t('Request body is too large')));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body('bad_request', err.message));
    }
    request.log.error({ err, reqId: request.id }, 'unhandled error');
    return reply.code(500).send({
      error: {
        code: 'internal',
        message: t('Something went wrong on our side; the request id is in the server log'),
        requestId: request.id,
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = languageOf(request.headers['accept-language']);
    const message = localize(`No route ${request.method} ${request.url}`, lang);
    return reply.code(404).send(body('not_found', message));
  });
}
