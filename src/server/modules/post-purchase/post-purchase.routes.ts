import { errorResponses, idParams } from '../../../contracts/common.js';
import { deal } from '../../../contracts/deals.js';
import {
  contract,
  contractBody,
  dealLinks,
  expansionBody,
  expansionQuery,
  expansionSuggestions,
  onboardingResult,
  retentionQuery,
  retentionReport,
} from '../../../contracts/post-purchase.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import { getDeal } from '../deals/deals.service.js';
import { getContract, putContract } from './contracts.service.js';
import { createExpansion, expansionSuggestions as suggestionsOf } from './expansion.service.js';
import { startOnboarding } from './onboarding.service.js';
import { retention } from './retention.service.js';

const tags = ['post-purchase'];

export function postPurchaseRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/deals/:id/contract', {
    schema: { tags, params: idParams, response: { 200: contract, ...errorResponses } },
    handler: async (request) => getContract(db, currentUser(request), request.params.id),
  });
  app.put('/api/v1/deals/:id/contract', {
    schema: {
      tags,
      summary:
        'Record the contract of a won deal; its renewal deal is created the workspace’s renewal lead days before it ends',
      params: idParams,
      body: contractBody,
      response: { 200: contract, ...errorResponses },
    },
    handler: async (request) =>
      putContract(db, currentUser(request), request.params.id, request.body),
  });
  app.post('/api/v1/deals/:id/onboarding', {
    schema: {
      tags,
      summary: 'Start the post-purchase flow: an onboarding deal for the customer (once)',
      params: idParams,
      response: { 200: onboardingResult, ...errorResponses },
    },
    handler: async (request) => startOnboarding(db, currentUser(request), request.params.id),
  });
  app.post('/api/v1/deals/:id/expansion', {
    schema: {
      tags,
      summary: 'An upsell or cross-sell to this won deal’s customer, linked to it',
      params: idParams,
      body: expansionBody,
      response: { 201: deal, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createExpansion(db, currentUser(request), request.params.id, request.body)),
  });
  app.get('/api/v1/retention', {
    schema: {
      tags,
      summary: 'Renewal rate and net revenue retention over a period (docs/metrics.md)',
      querystring: retentionQuery,
      response: { 200: retentionReport, ...errorResponses },
    },
    handler: async (request) => retention(db, currentUser(request), request.query),
  });
  app.get('/api/v1/expansion-suggestions', {
    schema: {
      tags,
      summary: 'Customers live a while without an expansion deal',
      querystring: expansionQuery,
      response: { 200: expansionSuggestions, ...errorResponses },
    },
    handler: async (request) => suggestionsOf(db, currentUser(request), request.query.days),
  });
  app.get('/api/v1/deals/:id/links', {
    schema: {
      tags,
      summary:
        'The deal this one came from, and the onboarding, renewal and expansion deals from it',
      params: idParams,
      response: { 200: dealLinks, ...errorResponses },
    },
    handler: async (request) => {
      const actor = currentUser(request);
      await getDeal(db, await scopeOf(db, actor), request.params.id);
      const [parent, children] = await Promise.all([
        db
          .selectFrom('deal_links')
          .select(['parent_deal_id', 'kind'])
          .where('deal_id', '=', request.params.id)
          .where('workspace_id', '=', actor.workspaceId)
          .executeTakeFirst(),
        db
          .selectFrom('deal_links as l')
          .innerJoin('deals as d', 'd.id', 'l.deal_id')
          .select(['l.deal_id', 'l.kind', 'd.title', 'l.term_ends_on'])
          .where('l.parent_deal_id', '=', request.params.id)
          .where('l.workspace_id', '=', actor.workspaceId)
          .orderBy('l.created_at')
          .execute(),
      ]);
      return {
        parent: parent ? { dealId: parent.parent_deal_id, kind: parent.kind } : null,
        children: children.map((c) => ({
          dealId: c.deal_id,
          kind: c.kind,
          title: c.title,
          termEndsOn: c.term_ends_on,
        })),
      };
    },
  });
}
