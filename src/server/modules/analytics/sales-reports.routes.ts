import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  channelsCsvQuery,
  channelsQuery,
  channelsReport,
  leaderboardCsvQuery,
  leaderboardQuery,
  leaderboardReport,
} from '../../../contracts/sales-reports.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { base, tags } from './analytics.routes.js';
import * as channels from './channels.service.js';
import * as leaders from './leaderboard.service.js';
import { channelsCsv, leaderboardCsv } from './sales-reports-csv.js';

const csvResponse = { 200: z.unknown().describe('The CSV file'), ...errorResponses };
const csvHeaders = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}.csv"`,
  'cache-control': 'no-store',
});

/** Channels (funnel versus pipeline) and the leaderboard, as JSON and as CSV. */
export function salesReportRoutes(app: TypedApp, { db }: AppContext): void {
  app.get(`${base}/channels`, {
    schema: {
      tags,
      summary: 'Leads, deals, won value and marketing spend per source channel',
      querystring: channelsQuery,
      response: { 200: channelsReport, ...errorResponses },
    },
    handler: async (request) => channels.channelsReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/channels.csv`, {
    schema: {
      tags,
      summary: 'Channels as CSV',
      produces: ['text/csv'],
      querystring: channelsCsvQuery,
      response: csvResponse,
    },
    handler: async (request, reply) => {
      const report = await channels.channelsReport(db, currentUser(request), request.query);
      return reply.headers(csvHeaders('channels')).send(channelsCsv(report, request.query.lang));
    },
  });
  app.get(`${base}/leaderboard`, {
    schema: {
      tags,
      summary: 'Wins, won value, win rate, cycle and weighted pipeline per owner or team',
      querystring: leaderboardQuery,
      response: { 200: leaderboardReport, ...errorResponses },
    },
    handler: async (request) => leaders.leaderboardReport(db, currentUser(request), request.query),
  });
  app.get(`${base}/leaderboard.csv`, {
    schema: {
      tags,
      summary: 'Leaderboard as CSV',
      produces: ['text/csv'],
      querystring: leaderboardCsvQuery,
      response: csvResponse,
    },
    handler: async (request, reply) => {
      const report = await leaders.leaderboardReport(db, currentUser(request), request.query);
      return reply
        .headers(csvHeaders('leaderboard'))
        .send(leaderboardCsv(report, request.query.lang));
    },
  });
}
