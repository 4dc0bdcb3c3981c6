import { z } from 'zod';
import { errorResponses, idParams } from '../../../contracts/common.js';
import {
  contact,
  contactCreateBody,
  contactList,
  contactListQuery,
  contactUpdateBody,
  contactWithDuplicates,
} from '../../../contracts/contacts.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf } from '../access/visibility.js';
import * as contacts from './contacts.service.js';

const tags = ['contacts'];

export function contactRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/contacts', {
    schema: {
      tags,
      querystring: contactListQuery,
      response: { 200: contactList, ...errorResponses },
    },
    handler: async (request) => contacts.listContacts(db, currentUser(request), request.query),
  });
  app.post('/api/v1/contacts', {
    schema: {
      tags,
      summary: 'Create a contact; `duplicates` lists contacts with the same email',
      body: contactCreateBody,
      response: { 201: contactWithDuplicates, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await contacts.createContact(db, currentUser(request), request.body)),
  });
  app.get('/api/v1/contacts/:id', {
    schema: { tags, params: idParams, response: { 200: contact, ...errorResponses } },
    handler: async (request) =>
      contacts.getContact(db, await scopeOf(db, currentUser(request)), request.params.id),
  });
  app.patch('/api/v1/contacts/:id', {
    schema: {
      tags,
      params: idParams,
      body: contactUpdateBody,
      response: { 200: contactWithDuplicates, ...errorResponses },
    },
    handler: async (request) =>
      contacts.updateContact(db, currentUser(request), request.params.id, request.body),
  });
  app.delete('/api/v1/contacts/:id', {
    schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await contacts.deleteContact(db, currentUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
