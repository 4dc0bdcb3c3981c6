import { errorResponses, idParams } from '../../../contracts/common.js';
import { funnel, funnelQuery } from '../../../contracts/funnel.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { getFunnel } from './funnel.service.js';

export function funnelRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/pipelines/:id/funnel', {
    schema: {
      tags: ['board'],
      summary: 'Funnel: per stage the open deals now, the deals that reached it and conversion',
      params: idParams,
      querystring: funnelQuery,
      response: { 200: funnel, ...errorResponses },
    },
    handler: async (request) =>
      getFunnel(db, currentUser(request), request.params.id, request.query),
  });
}
