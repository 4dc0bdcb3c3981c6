import { errorResponses } from '../../../contracts/common.js';
import { duplicateQuery, duplicateResult } from '../../../contracts/duplicates.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { findDuplicates } from './duplicates.service.js';

export function duplicateRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/duplicates', {
    schema: {
      tags: ['contacts', 'companies'],
      summary: 'Contacts with this email, companies with this web domain or name (as you type)',
      querystring: duplicateQuery,
      response: { 200: duplicateResult, ...errorResponses },
    },
    handler: async (request) => findDuplicates(db, currentUser(request), request.query),
  });
}
