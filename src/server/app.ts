import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AppContext, TypedApp } from './app-context.js';
import type { Config } from './config.js';
import type { JobQueue } from './jobs/queue.js';
import { analyticsCsvRoutes } from './modules/analytics/analytics-csv.routes.js';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { dealsBehindRoutes } from './modules/analytics/deals-behind.routes.js';
import { salesReportRoutes } from './modules/analytics/sales-reports.routes.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { calendarRoutes } from './modules/activities/calendar.routes.js';
import { attentionRoutes } from './modules/attention/attention.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { bulkRoutes } from './modules/bulk/bulk.routes.js';
import { companyRoutes } from './modules/companies/companies.routes.js';
import { contactRoutes } from './modules/contacts/contacts.routes.js';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes.js';
import { dealRoutes } from './modules/deals/deals.routes.js';
import { duplicateRoutes } from './modules/duplicates/duplicates.routes.js';
import { dataExportRoutes } from './modules/exports/data-export.routes.js';
import { exportRoutes } from './modules/exports/exports.routes.js';
import { forecastRoutes } from './modules/forecast/forecast.routes.js';
import { funnelRoutes } from './modules/funnel/funnel.routes.js';
import { importStreamRoutes } from './modules/imports/import-stream.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { captureRoutes } from './modules/leads/capture.routes.js';
import { leadRoutes } from './modules/leads/leads.routes.js';
import { moneySettingsRoutes } from './modules/money-settings/money-settings.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { pipelineRoutes } from './modules/pipelines/pipelines.routes.js';
import { postPurchaseRoutes } from './modules/post-purchase/post-purchase.routes.js';
import { reviewRoutes } from './modules/review/review.routes.js';
import { scoringRoutes } from './modules/scoring/scoring.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { viewRoutes } from './modules/views/views.routes.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerWebStatic } from './plugins/web-static.js';

export type AppDeps = {
  db: Kysely<DB>;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** The built web app (dist/web); served when it holds an index.html. */
  webDistDir?: string | undefined;
  /** The background job queue; without it nothing is enqueued (tests that do not need it). */
  jobs?: JobQueue | null;
};

/** The whole HTTP app; the process entry and the tests both build it. */
export async function buildApp({
  db,
  config,
  logger = false,
  webDistDir,
  jobs = null,
}: AppDeps): Promise<TypedApp> {
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuth(app, db);

  const ctx: AppContext = { db, config, jobs };
  app.get('/api/v1/health', { config: { auth: false }, schema: { hide: true } }, async () => ({
    ok: true,
  }));
  for (const routes of [
    authRoutes,
    userRoutes,
    pipelineRoutes,
    companyRoutes,
    contactRoutes,
    dealRoutes,
    bulkRoutes,
    exportRoutes,
    dataExportRoutes,
    importRoutes,
    importStreamRoutes,
    funnelRoutes,
    searchRoutes,
    duplicateRoutes,
    viewRoutes,
    attentionRoutes,
    activityRoutes,
    calendarRoutes,
    notificationRoutes,
    moneySettingsRoutes,
    leadRoutes,
    captureRoutes,
    analyticsRoutes,
    analyticsCsvRoutes,
    scoringRoutes,
    postPurchaseRoutes,
    forecastRoutes,
    salesReportRoutes,
    reviewRoutes,
    dealsBehindRoutes,
    dashboardRoutes,
  ]) {
    routes(app, ctx);
  }
  if (!webDistDir || !(await registerWebStatic(app, webDistDir))) {
    app.get('/', { config: { auth: false }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html').send(landingPage),
    );
  }
  return app;
}

// Without a built web app, the root page points at what the server offers.
const landingPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pipewright</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Pipewright</h1><p>The API is running. <a href="/docs">Interactive API docs</a> ·
<a href="/api/v1/openapi.json">OpenAPI 3.1</a></p></body></html>`;
