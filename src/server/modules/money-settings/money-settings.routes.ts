import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  exchangeRateList,
  exchangeRateParams,
  exchangeRatesBody,
  exchangeRatesQuery,
  spendBody,
  spendList,
  spendParams,
  spendQuery,
} from '../../../contracts/money-settings.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { deleteRate, listRates, saveRates } from './exchange-rates.service.js';
import { deleteSpend, listSpend, saveSpend } from './marketing-spend.service.js';

const saved = z.object({ saved: z.number().int() });

export function moneySettingsRoutes(app: TypedApp, { db }: AppContext): void {
  const rates = { tags: ['exchange rates'] };
  app.get('/api/v1/exchange-rates', {
    schema: {
      ...rates,
      summary: 'Exchange rates to the workspace currency, newest first per currency',
      querystring: exchangeRatesQuery,
      response: { 200: exchangeRateList, ...errorResponses },
    },
    handler: async (request) => listRates(db, currentUser(request), request.query.currency),
  });
  app.put('/api/v1/exchange-rates', {
    schema: {
      ...rates,
      summary:
        'Add or replace dated rates (admins); all or none. A report uses the latest rate on or before each amount’s date',
      body: exchangeRatesBody,
      response: { 200: saved, ...errorResponses },
    },
    handler: async (request) => saveRates(db, currentUser(request), request.body.rates),
  });
  app.delete('/api/v1/exchange-rates/:currency/:date', {
    schema: {
      ...rates,
      params: exchangeRateParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteRate(db, currentUser(request), request.params.currency, request.params.date);
      return reply.code(204).send(null);
    },
  });

  const spend = { tags: ['marketing spend'] };
  app.get('/api/v1/marketing-spend', {
    schema: {
      ...spend,
      summary: 'Marketing spend per channel and month',
      querystring: spendQuery,
      response: { 200: spendList, ...errorResponses },
    },
    handler: async (request) => listSpend(db, currentUser(request), request.query),
  });
  app.put('/api/v1/marketing-spend', {
    schema: {
      ...spend,
      summary: 'Add or replace spend per channel and month (admins and managers); all or none',
      body: spendBody,
      response: { 200: saved, ...errorResponses },
    },
    handler: async (request) => saveSpend(db, currentUser(request), request.body.entries),
  });
  app.delete('/api/v1/marketing-spend/:month/:channel', {
    schema: { ...spend, params: spendParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await deleteSpend(db, currentUser(request), request.params.month, request.params.channel);
      return reply.code(204).send(null);
    },
  });
}
