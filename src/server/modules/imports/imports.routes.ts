import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  importEntity,
  importFileBody,
  importPreview,
  importReport,
  importRunBody,
  importUndoBody,
} from '../../../contracts/imports.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { importFile, previewImport, undoFileImport } from './file-import.service.js';

// A file travels as JSON text: up to 20 MB of CSV, and JSON's escaping on top.
const bodyLimit = 25 * 1024 * 1024;
const params = z.object({ entity: importEntity });

export function importRoutes(app: TypedApp, { db }: AppContext): void {
  app.post('/api/v1/imports/:entity/preview', {
    bodyLimit,
    schema: {
      tags: ['imports'],
      summary: "A CSV file's columns, the field each would feed, and its first rows (admins)",
      params,
      body: importFileBody,
      response: { 200: importPreview, ...errorResponses },
    },
    handler: async (request) =>
      previewImport(currentUser(request), request.params.entity, request.body),
  });

  app.post('/api/v1/imports/:entity', {
    bodyLimit,
    schema: {
      tags: ['imports'],
      summary:
        'Check (dryRun) or import a CSV file as `pipewright import` does: every row checked first, ' +
        'nothing written on any problem, then batches of 500 rows each in one transaction (admins)',
      params,
      body: importRunBody,
      response: { 200: importReport, ...errorResponses },
    },
    handler: async (request) =>
      importFile(db, currentUser(request), request.params.entity, request.body),
  });

  app.post('/api/v1/imports/undo', {
    schema: {
      tags: ['imports'],
      summary: 'Remove everything the imports of a file (by its name) created, in one transaction',
      body: importUndoBody,
      response: {
        200: z.object({ batches: z.number().int(), records: z.number().int() }),
        ...errorResponses,
      },
    },
    handler: async (request) => undoFileImport(db, currentUser(request), request.body.source),
  });
}
