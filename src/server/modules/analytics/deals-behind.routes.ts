import { errorResponses } from '../../../contracts/common.js';
import { dealsBehindQuery, dealsBehindReport } from '../../../contracts/deals-behind.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { base, tags } from './analytics.routes.js';
import { dealsBehindReport as report } from './deals-behind.service.js';

/** Drill-down: the deals a key number (or a leaderboard row) counts. */
export function dealsBehindRoutes(app: TypedApp, { db }: AppContext): void {
  app.get(`${base}/deals-behind`, {
    schema: {
      tags,
      summary: 'The deals behind a key number: exactly the ones it counts (docs/metrics.md)',
      querystring: dealsBehindQuery,
      response: { 200: dealsBehindReport, ...errorResponses },
    },
    handler: async (request) => report(db, currentUser(request), request.query),
  });
}
