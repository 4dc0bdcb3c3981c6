import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

// Vite names the files under assets/ by content hash, so they never change; index.html names the
// current ones, so browsers must check it on every load. Other files (favicon, robots) get an hour.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

const notForTheSpa = /^\/(api(\/|$)|docs)/;

/** The path of a regular file inside root for a URL path, or null (no dotfiles, no escaping root). */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  const rel = urlPath.replace(/^\/+/, '');
  if (!rel || rel.split('/').some((segment) => segment.startsWith('.'))) return null;
  const full = resolve(root, rel);
  if (!full.startsWith(root + sep)) return null;
  const info = await stat(full).catch(() => null);
  return info?.isFile() ? rel : null;
}

/**
 * Serves the built web app from distDir when it holds an index.html, and returns whether it did.
 * Files are served as they are; any other GET outside /api and /docs gets index.html, so that the
 * app's client-side routes (/deals/123) load on refresh. A missing file under /assets/ stays a 404:
 * answering a stale hashed script with HTML would only break the page in a more confusing way.
 */
export async function registerWebStatic(app: FastifyInstance, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) return false;
  // Only for reply.sendFile; the route below decides what is served and how long it is cached.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });

  app.get('/*', { config: { auth: false }, schema: { hide: true } }, async (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      return reply.callNotFound();
    }
    if (notForTheSpa.test(path)) return reply.callNotFound();
    const file = await fileFor(root, path);
    if (file) {
      const cache = file.startsWith('assets/')
        ? IMMUTABLE
        : file === 'index.html'
          ? REVALIDATE
          : SHORT;
      return reply.header('cache-control', cache).sendFile(file);
    }
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return reply
      .header('cache-control', REVALIDATE)
      .type('text/html; charset=utf-8')
      .sendFile('index.html');
  });
  return true;
}
