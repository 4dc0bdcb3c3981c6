import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('server basics', () => {
  it('answers health and serves the OpenAPI document', async () => {
    expect((await t.app.inject({ url: '/api/v1/health' })).json()).toEqual({ ok: true });
    const spec = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/deals/{id}/move');
    const docs = await t.app.inject({ url: '/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('refuses the API without credentials, with the JSON error shape', async () => {
    const res = await t.app.inject({ url: '/api/v1/deals' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('unexpected errors', () => {
  it('answer an opaque 500 with a request id and log the details', async () => {
    const logs: string[] = [];
    const app = await buildApp({
      db: t.db,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: { level: 'error', stream: { write: (line: string) => logs.push(line) } },
    });
    app.get('/api/v1/boom', { config: { auth: false } }, async () => {
      throw new Error('secret internal detail');
    });
    const res = await app.inject({ url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
    expect(logs.join('\n')).toContain('secret internal detail');
    expect(logs.join('\n')).toContain(body.error.requestId);
    await app.close();
  });
});
