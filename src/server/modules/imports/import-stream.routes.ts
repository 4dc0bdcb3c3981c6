import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import { importEntity, importRunBody } from '../../../contracts/imports.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { languageOf, localize } from '../../plugins/error-messages.js';
import { assertAdmin, checkColumns, importFile } from './file-import.service.js';

const params = z.object({ entity: importEntity });
// Progress lines at most every 100 ms: enough for a bar, few enough to cost nothing.
const EVERY_MS = 100;

export function importStreamRoutes(app: TypedApp, { db }: AppContext): void {
  app.post('/api/v1/imports/:entity/run', {
    bodyLimit: 25 * 1024 * 1024,
    schema: {
      tags: ['imports'],
      summary:
        'POST /imports/{entity} answered as NDJSON while it works: `{"type":"progress","phase",' +
        '"rows","bytes","totalBytes"}` lines, then `{"type":"report",...}` or `{"type":"error",...}`',
      params,
      body: importRunBody,
      produces: ['application/x-ndjson'],
      response: { 200: z.unknown().describe('NDJSON lines'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = currentUser(request);
      const { entity } = request.params;
      // Rights and the columns are checked before the stream starts, as a plain error response.
      assertAdmin(actor);
      await checkColumns(entity, request.body);
      const lang = languageOf(request.headers['accept-language']);
      const totalBytes = Buffer.byteLength(request.body.csv, 'utf8');
      const out = new PassThrough();
      const send = (line: object) => out.write(`${JSON.stringify(line)}\n`);
      let last = 0;
      importFile(db, actor, entity, request.body, (p) => {
        if (Date.now() - last < EVERY_MS) return;
        last = Date.now();
        send({ type: 'progress', ...p, totalBytes });
      })
        .then((report) => send({ type: 'report', ...report }))
        .catch((err: unknown) => {
          if (err instanceof DomainError)
            return send({
              type: 'error',
              code: err.code,
              message: localize(err.message, lang),
              field: err.field,
              details: err.details,
            });
          request.log.error({ err, reqId: request.id }, 'import run failed');
          return send({
            type: 'error',
            code: 'internal',
            message: localize(
              'Something went wrong on our side; the request id is in the server log',
              lang,
            ),
          });
        })
        .finally(() => out.end());
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(out);
    },
  });
}
