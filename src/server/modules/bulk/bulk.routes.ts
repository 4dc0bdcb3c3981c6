import { dealBulkBody, dealBulkResult } from '../../../contracts/bulk.js';
import { errorResponses } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { bulkEditDeals } from './bulk.service.js';

export function bulkRoutes(app: TypedApp, { db }: AppContext): void {
  app.post('/api/v1/deals/bulk', {
    schema: {
      tags: ['deals'],
      summary: 'Change the owner and/or stage of up to 500 deals, all or nothing',
      body: dealBulkBody,
      response: { 200: dealBulkResult, ...errorResponses },
    },
    handler: async (request) => ({
      data: await bulkEditDeals(db, currentUser(request), request.body),
    }),
  });
}
