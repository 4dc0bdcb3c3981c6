import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import { forbidden } from '../../../domain/errors.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import type { Actor } from '../auth/actor.js';
import { entityCsv } from './entity-csv.js';
import { writeWorkspaceJson } from './workspace-json.js';

const entityParams = z.object({
  entity: z.enum(['companies', 'contacts', 'deals', 'activities']),
});

// These exports hold every record of the workspace, past anyone's visibility: admins only.
function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only admins export all the data of the workspace');
}

/** A stream the JSON writer pushes into, waiting while the client reads; stops if it leaves. */
function pushStream() {
  const out = new PassThrough();
  const write = async (text: string) => {
    if (out.destroyed) throw new Error('the client went away');
    if (!out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  };
  return { out, write };
}

export function dataExportRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/exports/:entity', {
    schema: {
      tags: ['exports'],
      summary:
        'Every company, contact, deal or activity of the workspace as CSV, with the columns the importer reads back (admins)',
      params: entityParams,
      produces: ['text/csv'],
      response: { 200: z.unknown().describe('The CSV file'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      assertAdmin(actor);
      const { entity } = request.params;
      async function* text() {
        for await (const part of entityCsv(db, entity, actor.workspaceId)) yield part.text;
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${entity}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(text()));
    },
  });

  app.get('/api/v1/workspace/export.json', {
    schema: {
      tags: ['exports'],
      summary:
        'The whole workspace as one JSON document, streamed (admins; no password hashes or tokens)',
      produces: ['application/json'],
      response: { 200: z.unknown().describe('The JSON document'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      assertAdmin(actor);
      const { out, write } = pushStream();
      // The writer runs while Fastify sends; a failure ends the response (the status is sent).
      writeWorkspaceJson(db as Kysely<unknown>, actor.workspaceId, write)
        .then(() => out.end())
        .catch((err: unknown) => {
          request.log.error({ err }, 'workspace export failed');
          out.destroy(err as Error);
        });
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="workspace.json"')
        .header('cache-control', 'no-store')
        .send(out);
    },
  });
}
