import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  board,
  boardQuery,
  deal,
  dealCreateBody,
  dealHistory,
  dealList,
  dealListQuery,
  dealMoveBody,
  dealUpdateBody,
  stageDeals,
  stageDealsParams,
  stageDealsQuery,
} from '../../../contracts/deals.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import { getBoard, getStageDeals } from './board.service.js';
import { moveDeal } from './deal-move.js';
import { toDeal } from './deals.repository.js';
import { createDeal } from './deal-create.js';
import { updateDeal } from './deal-update.js';
import * as deals from './deals.service.js';

const tags = ['deals'];

export function dealRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/deals', {
    schema: {
      tags,
      summary: 'List deals (filters, sort, keyset cursor)',
      querystring: dealListQuery,
      response: { 200: dealList, ...errorResponses },
    },
    handler: async (request) => deals.listDeals(db, currentUser(request), request.query),
  });
  app.post('/api/v1/deals', {
    schema: {
      tags,
      summary: 'Create a deal',
      body: dealCreateBody,
      response: { 201: deal, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createDeal(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/deals/:id', {
    schema: { tags, params: idParams, response: { 200: deal, ...errorResponses } },
    handler: async (request, reply) => {
      const found = await deals.getDeal(
        db,
        await scopeOf(db, currentUser(request)),
        request.params.id,
      );
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  });
  app.patch('/api/v1/deals/:id', {
    schema: {
      tags,
      summary: 'Change a deal; `version` must be the one you read',
      params: idParams,
      body: dealUpdateBody,
      response: { 200: deal, ...errorResponses },
    },
    handler: async (request) =>
      updateDeal(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/deals/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await deals.deleteDeal(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/deals/:id/move', {
    schema: {
      tags,
      summary: 'Move a deal to a stage and position, in one transaction with its history',
      params: idParams,
      body: dealMoveBody,
      response: { 200: deal, ...errorResponses },
    },
    handler: async (request, reply) => {
      const user = currentUser(request);
      const moved = await moveDeal(
        db,
        await scopeOf(db, user),
        user.id,
        request.params.id,
        request.body,
      );
      return reply.header('etag', `"${moved.version}"`).send(toDeal(moved));
    },
  });
  app.get('/api/v1/deals/:id/history', {
    schema: {
      tags,
      summary: 'The deal’s immutable history events, oldest first',
      params: idParams,
      response: { 200: dealHistory, ...errorResponses },
    },
    handler: async (request) => ({
      data: await deals.dealHistory(db, currentUser(request), request.params.id),
    }),
  });
  app.get('/api/v1/pipelines/:id/board', {
    schema: {
      tags: ['board'],
      summary: 'Board: per stage count, totals per currency and the first page of deals',
      params: idParams,
      querystring: boardQuery,
      response: { 200: board, ...errorResponses },
    },
    handler: async (request) =>
      getBoard(db, currentUser(request), request.params.id, request.query),
  });
  app.get('/api/v1/pipelines/:id/stages/:stageId/deals', {
    schema: {
      tags: ['board'],
      summary: 'More deals of one board column',
      params: stageDealsParams,
      querystring: stageDealsQuery,
      response: { 200: stageDeals, ...errorResponses },
    },
    handler: async (request) =>
      getStageDeals(
        db,
        currentUser(request),
        request.params.id,
        request.params.stageId,
        request.query,
      ),
  });
}
