import { Readable } from 'node:stream';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import { dealExportQuery } from '../../../contracts/exports.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { prepareDealExport } from './deals-export.service.js';

export function exportRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/deals/export.csv', {
    schema: {
      tags: ['deals'],
      summary:
        'Deals as CSV (UTF-8 with BOM, CRLF): the filters and sort of GET /api/v1/deals, ' +
        'amounts in major units, times in the workspace time zone',
      querystring: dealExportQuery,
      produces: ['text/csv'],
      response: { 200: z.unknown().describe('The CSV file'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await prepareDealExport(db, currentUser(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(file.lines()));
    },
  });
}
