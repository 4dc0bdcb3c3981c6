import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { TypedApp } from '../../src/server/app-context.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let web: TypedApp;
let dist: string;
const indexHtml = '<!doctype html><html><body><div id="root"></div></body></html>';

beforeAll(async () => {
  t = await createTestApp();
  dist = mkdtempSync(join(tmpdir(), 'pipewright-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), indexHtml);
  writeFileSync(join(dist, 'assets', 'app-123.js'), 'console.log("app")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  web = await buildApp({ db: t.db, config: loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: dist });
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves hashed assets with a long immutable cache', async () => {
    const res = await web.inject({ url: '/assets/app-123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log("app")');
  });

  it('serves index.html uncached at / and for any client-side route', async () => {
    for (const url of [
      '/',
      '/index.html',
      '/deals',
      '/deals/123?tab=history',
      '/pipelines/x/board',
    ]) {
      const res = await web.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(indexHtml);
    }
    const head = await web.inject({ method: 'HEAD', url: '/deals' });
    expect(head.statusCode).toBe(200);
  });

  it('serves other top-level files with a short cache, never dotfiles or files outside', async () => {
    const icon = await web.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    for (const url of ['/.env', '/../package.json', '/%2e%2e/package.json', '/assets/../../x']) {
      const res = await web.inject({ url });
      expect(res.body, url).not.toContain('SECRET');
      expect(res.body, url).not.toContain('"name": "pipewright"');
    }
  });

  it('answers a missing asset with 404 rather than HTML', async () => {
    const res = await web.inject({ url: '/assets/app-old.js' });
    expect(res.statusCode).toBe(404);
  });

  it('keeps the API and the docs as they were', async () => {
    const unknown = await web.inject({ url: '/api/v1/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    expect((await web.inject({ url: '/api' })).statusCode).toBe(404);
    expect((await web.inject({ url: '/api/v1/deals' })).statusCode).toBe(401);
    expect((await web.inject({ url: '/api/v1/health' })).json()).toEqual({ ok: true });
    const docs = await web.inject({ url: '/docs' });
    expect([200, 302]).toContain(docs.statusCode);
    expect(docs.body).not.toBe(indexHtml);
    expect((await web.inject({ url: '/docs/nope' })).body).not.toBe(indexHtml);
    expect((await web.inject({ method: 'POST', url: '/deals' })).statusCode).toBe(404);
  });

  it('keeps the landing page when there is no built web app', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pipewright-web-empty-'));
    try {
      const app = await buildApp({
        db: t.db,
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        webDistDir: empty,
      });
      const res = await app.inject({ url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Interactive API docs');
      expect((await app.inject({ url: '/deals' })).statusCode).toBe(404);
      await app.close();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
