import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import { captureBody, captureResult } from '../../../contracts/leads.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { languageOf } from '../../plugins/error-messages.js';
import { captureLead, captureTarget, throttle } from './lead-capture.service.js';
import { captureForm, thanksPage } from './capture-page.js';

const params = z.object({ formId: z.string().min(8).max(64) });
// A lead is a few hundred bytes; anything much larger is not a person filling a form.
const bodyLimit = 16 * 1024;

/** Public: the website's form and JSON endpoint. No session; the form id (and key) say where. */
export function captureRoutes(app: TypedApp, { db }: AppContext): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.post('/api/v1/capture/:formId', {
    config: { auth: false },
    bodyLimit,
    schema: {
      tags: ['leads'],
      summary: 'Send a lead from a website (header x-capture-key: the secret key)',
      params,
      headers: z.object({ 'x-capture-key': z.string().min(1).max(200) }),
      body: captureBody,
      response: { 200: captureResult, ...errorResponses },
    },
    handler: async (request) => {
      const target = await captureTarget(
        db,
        request.params.formId,
        request.headers['x-capture-key'],
      );
      await throttle(db, target.workspaceId, request.ip);
      return { ok: true as const, outcome: await captureLead(db, target, request.body) };
    },
  });

  app.get('/capture/:formId', {
    config: { auth: false },
    schema: { hide: true, params },
    handler: async (request, reply) => {
      await captureTarget(db, request.params.formId);
      const lang = languageOf(request.headers['accept-language']);
      return reply.type('text/html; charset=utf-8').send(captureForm(request.params.formId, lang));
    },
  });

  app.post('/capture/:formId', {
    config: { auth: false },
    bodyLimit,
    schema: { hide: true, params, body: captureBody },
    handler: async (request, reply) => {
      const target = await captureTarget(db, request.params.formId);
      await throttle(db, target.workspaceId, request.ip);
      await captureLead(db, target, request.body);
      const lang = languageOf(request.headers['accept-language']);
      return reply.type('text/html; charset=utf-8').send(thanksPage(lang));
    },
  });
}
