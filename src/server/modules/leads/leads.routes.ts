import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  captureSettings,
  criteriaBody,
  criteriaList,
  lead,
  leadConversion,
  leadConvertBody,
  leadCreateBody,
  leadEvents,
  leadList,
  leadListQuery,
  leadUpdateBody,
  referralCredit,
  referralQuery,
} from '../../../contracts/leads.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import { captureSettingsOf, disableCapture, rotateCapture } from './lead-capture.service.js';
import { convertLead } from './lead-convert.service.js';
import { criteriaOf, saveCriteria } from './lead-criteria.service.js';
import { leadHistory } from './lead-history.service.js';
import * as leads from './leads.service.js';
import { referralCredit as creditOf } from './referrals.service.js';

const tags = ['leads'];

export function leadRoutes(app: TypedApp, { db, config }: AppContext): void {
  app.get('/api/v1/leads', {
    schema: {
      tags,
      summary: 'The leads inbox, newest first (filters, keyset cursor)',
      querystring: leadListQuery,
      response: { 200: leadList, ...errorResponses },
    },
    handler: async (request) => leads.listLeads(db, currentUser(request), request.query),
  });
  app.post('/api/v1/leads', {
    schema: { tags, body: leadCreateBody, response: { 201: lead, ...errorResponses } },
    handler: async (request, reply) =>
      reply.code(201).send(await leads.createLead(db, currentUser(request), request.body, 'api')),
  });
  app.get('/api/v1/leads/:id', {
    schema: { tags, params: idParams, response: { 200: lead, ...errorResponses } },
    handler: async (request) =>
      leads.getLead(db, await scopeOf(db, currentUser(request)), request.params.id),
  });
  app.get('/api/v1/leads/:id/events', {
    schema: {
      tags,
      summary: 'What happened to a lead, oldest first: created, status changes, merges, conversion',
      params: idParams,
      response: { 200: leadEvents, ...errorResponses },
    },
    handler: async (request) =>
      leadHistory(db, await scopeOf(db, currentUser(request)), request.params.id),
  });
  app.patch('/api/v1/leads/:id', {
    schema: {
      tags,
      summary: 'Change a lead; criteria merge per key; `version` must be the one you read',
      params: idParams,
      body: leadUpdateBody,
      response: { 200: lead, ...errorResponses },
    },
    handler: async (request) =>
      leads.updateLead(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/leads/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await leads.deleteLead(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/leads/:id/convert', {
    schema: {
      tags,
      summary:
        'Qualify: contact, company (found or created) and deal in one transaction; 422 naming a required criterion not yet "yes"',
      params: idParams,
      body: leadConvertBody,
      response: { 200: leadConversion, ...errorResponses },
    },
    handler: async (request) =>
      convertLead(db, currentUser(request), request.params.id, request.body),
  });

  app.get('/api/v1/referrals', {
    schema: {
      tags,
      summary: 'Credit per referring customer: leads referred and converted, deals won from them',
      querystring: referralQuery,
      response: { 200: referralCredit, ...errorResponses },
    },
    handler: async (request) => creditOf(db, currentUser(request), request.query),
  });
  app.get('/api/v1/lead-criteria', {
    schema: { tags, response: { 200: criteriaList, ...errorResponses } },
    handler: async (request) => ({ data: await criteriaOf(db, currentUser(request).workspaceId) }),
  });
  app.put('/api/v1/lead-criteria', {
    schema: {
      tags,
      summary: 'Rename the criteria and choose which are required (admins)',
      body: criteriaBody,
      response: { 200: criteriaList, ...errorResponses },
    },
    handler: async (request) => ({
      data: await saveCriteria(db, currentUser(request), request.body.criteria),
    }),
  });

  const base = () => (config.publicUrl ?? '').replace(/\/$/, '');
  const urls = (formId: string) => ({
    formUrl: `${base()}/capture/${formId}`,
    endpoint: `${base()}/api/v1/capture/${formId}`,
  });
  app.get('/api/v1/lead-capture', {
    schema: {
      tags,
      summary: 'The web form URL and JSON endpoint (admins); 404 while capture is off',
      response: { 200: captureSettings, ...errorResponses },
    },
    handler: async (request) => {
      const settings = await captureSettingsOf(db, currentUser(request));
      return { ...urls(settings.formId), secret: null };
    },
  });
  app.post('/api/v1/lead-capture', {
    schema: {
      tags,
      summary: 'Turn capture on, or rotate its URL and key; the key is shown only now',
      response: { 200: captureSettings, ...errorResponses },
    },
    handler: async (request) => {
      const created = await rotateCapture(db, currentUser(request));
      return { ...urls(created.formId), secret: created.secret };
    },
  });
  app.delete('/api/v1/lead-capture', {
    schema: { tags, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await disableCapture(db, currentUser(request));
      return reply.code(204).send(null);
    },
  });
}
