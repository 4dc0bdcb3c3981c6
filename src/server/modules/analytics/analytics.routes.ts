import {
  boardAtQuery,
  boardAtReport,
  keyNumbersQuery,
  keyNumbersReport,
  stageConversionQuery,
  stageConversionReport,
  trendsQuery,
  trendsReport,
  waterfallQuery,
  waterfallReport,
} from '../../../contracts/analytics.js';
import { errorResponses } from '../../../contracts/common.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as keyNumbers from './key-numbers.service.js';
import * as conversion from './stage-conversion.service.js';
import * as timeTravel from './time-travel.service.js';

export const tags = ['analytics'];
export const base = '/api/v1/analytics';

/** The reports as JSON; analytics-csv.routes.ts serves each as CSV at the same path + '.csv'. */
export function analyticsRoutes(app: TypedApp, { db }: AppContext): void {
  app.get(`${base}/key-numbers`, {
    schema: {
      tags,
      summary: 'Key numbers of one pipeline for one period (see docs/metrics.md)',
      querystring: keyNumbersQuery,
      response: { 200: keyNumbersReport, ...errorResponses },
    },
    handler: async (request) =>
      keyNumbers.keyNumbersReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/trends`, {
    schema: {
      tags,
      summary: 'Key numbers per week, month or quarter of the period (edge buckets cut to it)',
      querystring: trendsQuery,
      response: { 200: trendsReport, ...errorResponses },
    },
    handler: async (request) => keyNumbers.trendsReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/stage-conversion`, {
    schema: {
      tags,
      summary: 'Stage conversion (cohort or active), time in stage and the weakest stage',
      querystring: stageConversionQuery,
      response: { 200: stageConversionReport, ...errorResponses },
    },
    handler: async (request) =>
      conversion.stageConversionReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/waterfall`, {
    schema: {
      tags,
      summary: 'How the open value changed over the period, per currency, with the deals per bar',
      querystring: waterfallQuery,
      response: { 200: waterfallReport, ...errorResponses },
    },
    handler: async (request) => timeTravel.waterfallReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/board-at`, {
    schema: {
      tags,
      summary: 'The pipeline’s board as it stood at an instant (time travel)',
      querystring: boardAtQuery,
      response: { 200: boardAtReport, ...errorResponses },
    },
    handler: async (request) => timeTravel.boardAtReport(db, currentUser(request), request.query),
  });
}
