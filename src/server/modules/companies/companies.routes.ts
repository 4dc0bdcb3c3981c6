import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  company,
  companyCreateBody,
  companyList,
  companyListQuery,
  companyUpdateBody,
  companyWithDuplicates,
} from '../../../contracts/companies.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import * as companies from './companies.service.js';

const tags = ['companies'];

export function companyRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/companies', {
    schema: {
      tags,
      querystring: companyListQuery,
      response: { 200: companyList, ...errorResponses },
    },
    handler: async (request) => companies.listCompanies(db, currentUser(request), request.query),
  });
  app.post('/api/v1/companies', {
    schema: {
      tags,
      summary: 'Create a company; `duplicates` lists same-domain or same-name companies',
      body: companyCreateBody,
      response: { 201: companyWithDuplicates, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await companies.createCompany(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/companies/:id', {
    schema: { tags, params: idParams, response: { 200: company, ...errorResponses } },
    handler: async (request) =>
      companies.getCompany(db, await scopeOf(db, currentUser(request)), request.params.id),
  });
  app.patch('/api/v1/companies/:id', {
    schema: {
      tags,
      params: idParams,
      body: companyUpdateBody,
      response: { 200: companyWithDuplicates, ...errorResponses },
    },
    handler: async (request) =>
      companies.updateCompany(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/companies/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await companies.deleteCompany(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
