import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const webDistDir = join(projectRoot, 'dist', 'web');
const webSourceDir = join(projectRoot, 'src', 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when there is no build yet, or the sources changed after it (a checkout or an edit). */
// Written after a production build; a build without it (made by hand, or a development build)
// is rebuilt.
const MARKER = join(webDistDir, 'build.json');

export function webBuildIsStale(): boolean {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index) || !existsSync(MARKER)) return true;
  if (!existsSync(webSourceDir)) return false;
  return newestMtime(webSourceDir) > statSync(index).mtimeMs;
}

/** `npm start` builds the web app when needed, so a fresh clone serves it without extra steps. */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  if (!existsSync(webSourceDir)) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    log(
      'The web app is not built and Vite is not installed (npm install), so only the API is served.',
    );
    return;
  }
  log('Building the web app (first start, or its sources changed)…');
  const started = Date.now();
  // Vitest runs with NODE_ENV=test, under which Vite would bundle React's development build; the
  // served app must always be the production one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(projectRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  writeFileSync(MARKER, JSON.stringify({ mode: 'production', builtAt: new Date().toISOString() }));
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}
