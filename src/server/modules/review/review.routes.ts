import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  completedReview,
  pipelineReview,
  reviewDoneBody,
  reviewExportQuery,
  reviewQuery,
  type PipelineReview,
} from '../../../contracts/review.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { reviewCsv } from './review-csv.js';
import { reviewPdf } from './review-pdf.js';
import { markReviewed, pipelineReview as review } from './review.service.js';

const tags = ['review'];

const fileSchema = (summary: string, type: string) => ({
  tags,
  summary,
  produces: [type],
  querystring: reviewExportQuery,
  response: { 200: z.unknown().describe('The file'), ...errorResponses },
});

const fileName = (r: PipelineReview, ext: string) =>
  `pipeline-review-${r.until.slice(0, 10)}.${ext}`;

const attach = (reply: FastifyReply, type: string, name: string) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');

export function reviewRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/review', {
    schema: {
      tags,
      summary:
        'The pipeline review of a rep or team since the last completed review (or `since`): new, ' +
        'moved, slipped, changed, won, lost, stalled and closing deals, quota and forecast',
      querystring: reviewQuery,
      response: { 200: pipelineReview, ...errorResponses },
    },
    handler: async (request) => review(db, currentUser(request), request.query),
  });
  app.post('/api/v1/review/done', {
    schema: {
      tags,
      summary: 'Mark a review done over its window; the next review starts where it ended',
      body: reviewDoneBody,
      response: { 201: completedReview, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await markReviewed(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/review.csv', {
    schema: fileSchema('The review as one CSV table with a section column', 'text/csv'),
    handler: async (request, reply) => {
      const r = await review(db, currentUser(request), request.query);
      return attach(reply, 'text/csv; charset=utf-8', fileName(r, 'csv')).send(
        reviewCsv(r, request.query.lang),
      );
    },
  });
  app.get('/api/v1/review.pdf', {
    schema: fileSchema('The review as a printable PDF', 'application/pdf'),
    handler: async (request, reply) => {
      const r = await review(db, currentUser(request), request.query);
      return attach(reply, 'application/pdf', fileName(r, 'pdf')).send(
        await reviewPdf(r, request.query.lang),
      );
    },
  });
}
