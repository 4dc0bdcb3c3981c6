import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  boardAtCsvQuery,
  keyNumbersCsvQuery,
  stageConversionCsvQuery,
  trendsCsvQuery,
  waterfallCsvQuery,
} from '../../../contracts/analytics.js';
import { errorResponses } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as csv from './analytics-csv.js';
import { base, tags } from './analytics.routes.js';
import * as keyNumbers from './key-numbers.service.js';
import * as conversion from './stage-conversion.service.js';
import * as timeTravel from './time-travel.service.js';

const csvSchema = (summary: string) => ({
  tags,
  summary,
  produces: ['text/csv'],
  response: { 200: z.unknown().describe('The CSV file'), ...errorResponses },
});

const send = (reply: FastifyReply, name: string, body: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(body);

/** Each report as CSV (UTF-8 with BOM, CRLF): the JSON report's query plus `lang`. */
export function analyticsCsvRoutes(app: TypedApp, { db }: AppContext): void {
  app.get(`${base}/key-numbers.csv`, {
    schema: { ...csvSchema('Key numbers as CSV'), querystring: keyNumbersCsvQuery },
    handler: async (request, reply) => {
      const report = await keyNumbers.keyNumbersReport(db, currentUser(request), request.query);
      return send(reply, 'key-numbers', csv.keyNumbersCsv(report, request.query.lang));
    },
  });
  app.get(`${base}/trends.csv`, {
    schema: { ...csvSchema('Trends as CSV'), querystring: trendsCsvQuery },
    handler: async (request, reply) => {
      const report = await keyNumbers.trendsReport(db, currentUser(request), request.query);
      return send(reply, 'trends', csv.trendsCsv(report, request.query.lang));
    },
  });
  app.get(`${base}/stage-conversion.csv`, {
    schema: { ...csvSchema('Stage conversion as CSV'), querystring: stageConversionCsvQuery },
    handler: async (request, reply) => {
      const report = await conversion.stageConversionReport(
        db,
        currentUser(request),
        request.query,
      );
      return send(reply, 'stage-conversion', csv.stageConversionCsv(report, request.query.lang));
    },
  });
  app.get(`${base}/waterfall.csv`, {
    schema: { ...csvSchema('Pipeline waterfall as CSV'), querystring: waterfallCsvQuery },
    handler: async (request, reply) => {
      const report = await timeTravel.waterfallReport(
        db,
        currentUser(request),
        request.query,
        null,
      );
      return send(reply, 'waterfall', csv.waterfallCsv(report, request.query.lang));
    },
  });
  app.get(`${base}/board-at.csv`, {
    schema: { ...csvSchema('Board at an instant as CSV'), querystring: boardAtCsvQuery },
    handler: async (request, reply) => {
      const report = await timeTravel.boardAtReport(db, currentUser(request), request.query);
      return send(reply, 'board-at', csv.boardAtCsv(report, request.query.lang));
    },
  });
}
