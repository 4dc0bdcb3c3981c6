import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { ensureWebBuild, webDistDir } from '../src/server/web-build.js';
import { log } from './log.js';

export type WebBuild = {
  /** A private copy of dist/web: what the server serves during the benchmark. */
  dir: string;
  entry: string;
};

const entryOf = (html: string) => /<script[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1] ?? null;

/**
 * React's production build throws "Minified React error"s; its development build, which Vite
 * bundles when NODE_ENV is not `production` (vitest sets `test`, so the e2e setup's build is
 * one), does not. A development build is larger and several times slower.
 */
async function isProductionBuild(dir: string): Promise<boolean> {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const entry = entryOf(await readFile(index, 'utf8'));
  if (!entry || !existsSync(path.join(dir, 'assets', entry))) return false;
  return (await readFile(path.join(dir, 'assets', entry), 'utf8')).includes('Minified React error');
}

/**
 * dist/web as `npm start` serves it (built by ensureWebBuild when missing or stale), copied aside without source maps: other work on this checkout
 * may rebuild dist/web while the benchmark runs.
 */
export async function prepareWebBuild(): Promise<WebBuild> {
  // ensureWebBuild always builds for production (and rebuilds a build it did not make).
  await ensureWebBuild(log);
  const dir = await mkdtemp(path.join(tmpdir(), 'pw-web-bench-'));
  await cp(webDistDir, dir, { recursive: true, filter: (source) => !source.endsWith('.map') });
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/"\/assets\/([^"]+)"/g)].map((m) => m[1] as string);
  const copied = new Set(await readdir(path.join(dir, 'assets')));
  if (!(await isProductionBuild(dir)) || referenced.some((f) => !copied.has(f))) {
    await rm(dir, { recursive: true, force: true });
    throw new Error('dist/web changed while it was copied (a build running elsewhere?); run again');
  }
  return { dir, entry: entryOf(html) ?? '' };
}

/** The real app on a random port, serving `webDir`, with a small demo workspace in memory. */
export async function startWebServer(webDir: string, demoDeals: number) {
  const database = createDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const demo = await seedDemo(database.db, {
    deals: demoDeals,
    seed: 7,
    now: new Date('2026-11-20T03:00:00Z'),
  });
  const app = await buildApp({
    db: database.db,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    webDistDir: webDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    workspaceId: demo.workspaceId,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
