import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Response } from 'playwright-core';
import { boardMarks, probeScript } from './web-probe.js';

export type JsFile = {
  file: string;
  /** entry: the HTML's script; preload: its modulepreload links; lazy: imported on the way. */
  kind: 'entry' | 'preload' | 'lazy';
  bytes: number;
  gzipBytes: number;
  /** What came over the wire (body as sent; the server may not compress). */
  transferredBytes: number;
  contentEncoding: string | null;
};

export type FirstLoadJs = {
  files: JsFile[];
  totals: { bytes: number; gzipBytes: number; transferredBytes: number };
  initial: { bytes: number; gzipBytes: number };
};

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** The scripts index.html names: the entry and the modulepreload links. */
async function htmlScripts(webDir: string): Promise<{ entry: Set<string>; preload: Set<string> }> {
  const html = await readFile(path.join(webDir, 'index.html'), 'utf8');
  const attr = (tag: RegExp, name: string) =>
    new Set(
      [...html.matchAll(tag)].map((m) =>
        path.basename(new RegExp(`${name}="([^"]+)"`).exec(m[0])?.[1] ?? ''),
      ),
    );
  return {
    entry: attr(/<script[^>]*type="module"[^>]*>/g, 'src'),
    preload: attr(/<link[^>]*rel="modulepreload"[^>]*>/g, 'href'),
  };
}

/**
 * Opens the board signed in with an empty cache and collects every JavaScript response until the
 * board is rendered and the network is idle. Gzip sizes are computed here at level 9 from each
 * body, so the figure does not depend on whether the server compresses.
 */
export async function measureFirstLoadJs(
  browser: Browser,
  contextOptions: BrowserContextOptions,
  boardUrl: string,
  stageCount: number,
  webDir: string,
): Promise<FirstLoadJs> {
  const { entry, preload } = await htmlScripts(webDir);
  const context = await browser.newContext(contextOptions);
  try {
    await context.addInitScript(probeScript(stageCount));
    const page = await context.newPage();
    const scripts: Response[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
        scripts.push(response);
      }
    });
    await page.goto(boardUrl);
    await boardMarks(page);
    await page.waitForLoadState('networkidle');
    const files: JsFile[] = [];
    for (const response of scripts) {
      const body = await response.body();
      const sizes = await response.request().sizes();
      const file = path.basename(new URL(response.url()).pathname);
      files.push({
        file,
        kind: entry.has(file) ? 'entry' : preload.has(file) ? 'preload' : 'lazy',
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
        transferredBytes: sizes.responseBodySize,
        contentEncoding: response.headers()['content-encoding'] ?? null,
      });
    }
    const order = { entry: 0, preload: 1, lazy: 2 };
    files.sort((a, b) => order[a.kind] - order[b.kind] || b.gzipBytes - a.gzipBytes);
    const sum = (list: JsFile[], key: 'bytes' | 'gzipBytes' | 'transferredBytes') =>
      list.reduce((total, f) => total + f[key], 0);
    const initial = files.filter((f) => f.kind !== 'lazy');
    return {
      files,
      totals: {
        bytes: sum(files, 'bytes'),
        gzipBytes: sum(files, 'gzipBytes'),
        transferredBytes: sum(files, 'transferredBytes'),
      },
      initial: { bytes: sum(initial, 'bytes'), gzipBytes: sum(initial, 'gzipBytes') },
    };
  } finally {
    await context.close();
  }
}

export const describeJs = (js: FirstLoadJs) =>
  `${js.files.length} files, ${kb(js.totals.bytes)} KB raw, ${kb(js.totals.gzipBytes)} KB gzip-9`;
