import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  accuracyQuery,
  accuracyReport as accuracySchema,
  backtestList,
  backtestsQuery,
  categoryBody,
  categoryReply,
  forecastQuery,
  forecastReport,
  quota,
  quotaBody,
  quotaList,
  quotaPatch,
  quotasQuery,
  quotaStatusQuery,
  quotaStatusReport as quotaStatusSchema,
  snapshotBody,
  snapshotList,
  snapshotsQuery,
  snapshotTaken,
  submission,
  submissionBody,
  submissionList,
  submissionsQuery,
} from '../../../contracts/forecast.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { accuracyReport } from './accuracy-report.service.js';
import { listBacktests } from './backtests.service.js';
import { setForecastCategory } from './deal-category.service.js';
import { forecastReport as forecast } from './forecast.service.js';
import { quotaStatusReport } from './quota-status.service.js';
import { createQuota, deleteQuota, listQuotas, updateQuota } from './quotas.service.js';
import { listSnapshots, snapshotNow } from './snapshots.service.js';
import { listSubmissions, submitForecast } from './submissions.service.js';

export function forecastRoutes(app: TypedApp, { db }: AppContext): void {
  const tags = ['forecast'];
  app.get('/api/v1/quotas', {
    schema: {
      tags,
      summary: 'Quotas you may see',
      querystring: quotasQuery,
      response: { 200: quotaList, ...errorResponses },
    },
    handler: async (request) => listQuotas(db, currentUser(request), request.query),
  });
  app.post('/api/v1/quotas', {
    schema: {
      tags,
      summary: 'Set a quota for a person or team and a month, quarter or year (managers, admins)',
      body: quotaBody,
      response: { 201: quota, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createQuota(db, currentUser(request), request.body)),
  });
  app.patch('/api/v1/quotas/:id', {
    schema: {
      tags,
      params: idParams,
      body: quotaPatch,
      response: { 200: quota, ...errorResponses },
    },
    handler: async (request) =>
      updateQuota(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/quotas/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await deleteQuota(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/v1/quotas/status', {
    schema: {
      tags,
      summary: 'Attainment, pacing, gap and coverage of a person or team (see docs/metrics.md)',
      querystring: quotaStatusQuery,
      response: { 200: quotaStatusSchema, ...errorResponses },
    },
    handler: async (request) => quotaStatusReport(db, currentUser(request), request.query),
  });
  app.patch('/api/v1/deals/:id/forecast-category', {
    schema: {
      tags,
      summary: 'Override an open deal’s forecast category; null returns to the stage default',
      params: idParams,
      body: categoryBody,
      response: { 200: categoryReply, ...errorResponses },
    },
    handler: async (request) =>
      setForecastCategory(db, currentUser(request), request.params.id, request.body.category),
  });
  app.get('/api/v1/forecast', {
    schema: {
      tags,
      summary: 'Stage-weighted, category and learned forecasts of a pipeline for a period',
      querystring: forecastQuery,
      response: { 200: forecastReport, ...errorResponses },
    },
    handler: async (request) => forecast(db, currentUser(request), request.query),
  });
  app.post('/api/v1/forecast/submissions', {
    schema: {
      tags,
      summary: 'Submit your forecast, or a team’s adjusted one (its manager); every one is kept',
      body: submissionBody,
      response: { 201: submission, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await submitForecast(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/forecast/submissions', {
    schema: {
      tags,
      summary: 'Submissions for a period, newest first, with the latest-of-each roll-up',
      querystring: submissionsQuery,
      response: { 200: submissionList, ...errorResponses },
    },
    handler: async (request) => listSubmissions(db, currentUser(request), request.query),
  });
  app.get('/api/v1/forecast/backtests', {
    schema: {
      tags,
      summary: 'Stored backtest runs (pipewright forecast backtest) with errors and calibration',
      querystring: backtestsQuery,
      response: { 200: backtestList, ...errorResponses },
    },
    handler: async (request) => listBacktests(db, currentUser(request), request.query.pipelineId),
  });
  app.post('/api/v1/forecast/snapshots', {
    schema: {
      tags,
      summary: 'Snapshot the forecast now (admins, managers); once per pipeline, period and week',
      body: snapshotBody,
      response: { 200: snapshotTaken, ...errorResponses },
    },
    handler: async (request) => snapshotNow(db, currentUser(request), request.body),
  });
  app.get('/api/v1/forecast/snapshots', {
    schema: {
      tags,
      summary: 'A pipeline’s forecast snapshots, newest first (admins, managers)',
      querystring: snapshotsQuery,
      response: { 200: snapshotList, ...errorResponses },
    },
    handler: async (request) => listSnapshots(db, currentUser(request), request.query),
  });
  app.get('/api/v1/forecast/accuracy', {
    schema: {
      tags,
      summary: 'Each closed period’s forecast error per method and per person (docs/metrics.md)',
      querystring: accuracyQuery,
      response: { 200: accuracySchema, ...errorResponses },
    },
    handler: async (request) => accuracyReport(db, currentUser(request), request.query),
  });
}
