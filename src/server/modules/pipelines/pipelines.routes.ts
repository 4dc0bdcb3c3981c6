import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  pipeline,
  pipelineCreateBody,
  pipelineList,
  pipelineTemplateList,
  pipelineUpdateBody,
  stageCreateBody,
  stageDeleteQuery,
  stageOrderBody,
  stageUpdateBody,
} from '../../../contracts/pipelines.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import * as pipelines from './pipelines.service.js';

const tags = ['pipelines'];

export function pipelineRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/pipelines', {
    schema: {
      tags,
      summary: 'Pipelines with their ordered stages',
      response: { 200: pipelineList, ...errorResponses },
    },
    handler: async (request) => ({ data: await pipelines.listPipelines(db, currentUser(request)) }),
  });
  app.get('/api/v1/pipeline-templates', {
    schema: {
      tags,
      summary: 'Templates for new pipelines',
      response: { 200: pipelineTemplateList },
    },
    handler: async () => ({ data: pipelines.listTemplates() }),
  });
  app.get('/api/v1/pipelines/:id', {
    schema: { tags, params: idParams, response: { 200: pipeline, ...errorResponses } },
    handler: async (request) => pipelines.getPipeline(db, currentUser(request), request.params.id),
  });
  app.post('/api/v1/pipelines', {
    schema: {
      tags,
      summary: 'Create a pipeline from a template or a list of stages',
      body: pipelineCreateBody,
      response: { 201: pipeline, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await pipelines.createPipeline(db, currentUser(request), request.body)),
  });
  app.patch('/api/v1/pipelines/:id', {
    schema: {
      tags,
      params: idParams,
      body: pipelineUpdateBody,
      response: { 200: pipeline, ...errorResponses },
    },
    handler: async (request) =>
      pipelines.renamePipeline(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/pipelines/:id', {
    schema: {
      tags,
      summary: 'Delete an empty pipeline (409 while it holds deals)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await pipelines.deletePipeline(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/pipelines/:id/stages', {
    schema: {
      tags,
      summary: 'Add a stage',
      params: idParams,
      body: stageCreateBody,
      response: { 201: pipeline, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await pipelines.addStage(db, currentUser(request), request.params.id, request.body)),
  });
  app.put('/api/v1/pipelines/:id/stage-order', {
    schema: {
      tags,
      summary: 'Reorder the stages',
      params: idParams,
      body: stageOrderBody,
      response: { 200: pipeline, ...errorResponses },
    },
    handler: async (request) =>
      pipelines.reorderStages(db, currentUser(request), request.params.id, request.body.stageIds),
  });
  app.patch('/api/v1/stages/:id', {
    schema: {
      tags,
      summary: 'Rename a stage or change its probability or rotting days',
      params: idParams,
      body: stageUpdateBody,
      response: { 200: pipeline, ...errorResponses },
    },
    handler: async (request) =>
      pipelines.updateStage(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/stages/:id', {
    schema: {
      tags,
      summary: 'Delete a stage; one holding deals needs ?moveDealsTo=<stageId>',
      params: idParams,
      querystring: stageDeleteQuery,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await pipelines.deleteStage(
        db,
        currentUser(request),
        request.params.id,
        request.query.moveDealsTo,
      );
      return reply.code(204).send(null);
    },
  });
}
