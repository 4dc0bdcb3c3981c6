import { errorResponses } from '../../../contracts/common.js';
import { focusList, focusQuery, scoringModel, scoringRules } from '../../../contracts/scoring.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { focusList as focusOf, modelSummary, rulesOf, saveRules } from './scoring.service.js';

const tags = ['scoring'];

export function scoringRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/scoring/rules', {
    schema: { tags, response: { 200: scoringRules, ...errorResponses } },
    handler: async (request) => rulesOf(db, currentUser(request).workspaceId),
  });
  app.put('/api/v1/scoring/rules', {
    schema: {
      tags,
      summary: 'Set the workspace’s scoring rules (admins)',
      body: scoringRules,
      response: { 200: scoringRules, ...errorResponses },
    },
    handler: async (request) => saveRules(db, currentUser(request), request.body),
  });
  app.get('/api/v1/scoring/model', {
    schema: {
      tags,
      summary: 'The learned score: what it learned from and how it did on held-back deals',
      response: { 200: scoringModel, ...errorResponses },
    },
    handler: async (request) => modelSummary(db, currentUser(request)),
  });
  app.get('/api/v1/focus', {
    schema: {
      tags,
      summary: 'Open deals and leads most worth your time, with the reasons',
      querystring: focusQuery,
      response: { 200: focusList, ...errorResponses },
    },
    handler: async (request) => focusOf(db, currentUser(request), request.query.limit),
  });
}
