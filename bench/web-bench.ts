import { rm } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { DEMO_EMAIL, hasChromium, launchBrowser } from '../test/e2e/harness.js';
import { log, timed } from './log.js';
import { writeResult } from './report.js';
import { measureBoardLoads } from './web-board.js';
import { describeJs, measureFirstLoadJs } from './web-bundle.js';
import { measureMoves } from './web-move.js';
import { boardMarks, probeScript } from './web-probe.js';
import { topUpOpenDeals } from './web-seed.js';
import { prepareWebBuild, startWebServer, type WebBuild } from './web-server.js';

export type WebPlan = { openDeals: number; loads: number; moves: number; warmupMoves: number };
export const defaultWebPlan: WebPlan = { openDeals: 2000, loads: 7, moves: 15, warmupMoves: 2 };

export const WEB_AIMS = { firstLoadJsGzipKB: 250, boardMs: 1500, moveMs: 100 };
// Small, so that nearly every open deal on the board is a bench deal; the demo adds the rest of
// the workspace (people, companies, other pipelines, won and lost deals).
const DEMO_DEALS = 120;
const VIEWPORT = { width: 1600, height: 900 };

const METHOD = {
  server:
    'the real app (buildApp) serving a copy of the production build of dist/web on 127.0.0.1, PGlite in memory, in the same Node process as the driver',
  browser: `Debian's Chromium headless through playwright-core, viewport ${VIEWPORT.width}x${VIEWPORT.height}, signed in with a session cookie`,
  firstLoadJs:
    'every JavaScript response of a signed-in cold load of /board/:pipelineId until the board is rendered and the network idle; gzip computed at level 9 from each body; KB = 1024 bytes',
  board:
    'in-page clock from navigation start to the first animation frame after every column header shows its count and every non-empty column its first card (non-empty box); cold: new browser context per load (empty cache); warm: reloads in one context',
  move: 'mouse drag of the top card to the next open stage; in-page clock from pointerup. optimistic: the card in the target column and both counts changed, then the next frame; settled: the move response and the board refetch it triggers (with column top-ups) received, then a frame',
};

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const round1 = (n: number) => Math.round(n * 10) / 10;

type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>;

async function signedInContext(browser: Browser, url: string): Promise<BrowserContextOptions> {
  const context = await browser.newContext();
  try {
    const res = await context.request.post(`${url}/api/v1/auth/login`, {
      data: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    return { storageState: await context.storageState(), viewport: VIEWPORT };
  } finally {
    await context.close();
  }
}

/** Seeds, then takes the three measures in one browser; returns the body of web.json. */
async function measure(build: WebBuild, plan: WebPlan, step: Step) {
  const server = await step('server', () => startWebServer(build.dir, DEMO_DEALS));
  try {
    const pipeline = await step('seed', () =>
      topUpOpenDeals(server.db, server.workspaceId, plan.openDeals),
    );
    const browser = await launchBrowser();
    try {
      const contextOptions = await signedInContext(browser, server.url);
      const boardUrl = `${server.url}/board/${pipeline.pipelineId}`;
      const stageCount = pipeline.stages.length;
      const openStageIds = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
      const loadAverageBefore = loadAverage();

      const js = await step('first-load js', () =>
        measureFirstLoadJs(browser, contextOptions, boardUrl, stageCount, build.dir),
      );
      log(`web: first-load JavaScript ${describeJs(js)}`);
      const board = await step('board loads', () =>
        measureBoardLoads(browser, contextOptions, boardUrl, stageCount, plan.loads),
      );
      const move = await step('moves', async () => {
        const context = await browser.newContext(contextOptions);
        try {
          await context.addInitScript(probeScript(stageCount));
          const page = await context.newPage();
          await page.goto(boardUrl);
          await boardMarks(page);
          return await measureMoves(page, openStageIds, plan.moves, plan.warmupMoves);
        } finally {
          await context.close();
        }
      });

      const jsGzipKB = round1(js.totals.gzipBytes / 1024);
      return {
        chromium: browser.version(),
        // Server, browser and this script share the machine with whatever else runs on it.
        loadAverage: { before: loadAverageBefore, after: loadAverage() },
        build: { entry: build.entry },
        viewport: VIEWPORT,
        data: {
          pipeline: pipeline.name,
          stages: stageCount,
          openDeals: pipeline.openDeals,
          addedDeals: pipeline.addedDeals,
          demoDeals: DEMO_DEALS,
        },
        aims: WEB_AIMS,
        meetsAim: {
          firstLoadJs: jsGzipKB <= WEB_AIMS.firstLoadJsGzipKB,
          boardP50: board.cold.p50Ms < WEB_AIMS.boardMs,
          boardP95: board.cold.p95Ms < WEB_AIMS.boardMs,
          moveP50: move.optimistic.p50Ms < WEB_AIMS.moveMs,
          moveP95: move.optimistic.p95Ms < WEB_AIMS.moveMs,
        },
        firstLoadJs: { ...js, gzipKB: jsGzipKB, rawKB: round1(js.totals.bytes / 1024) },
        board,
        move,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/**
 * The web app in Debian's headless Chromium against the real server (PGlite in memory, demo
 * workspace topped up to `openDeals` open deals in Sales): first-load JavaScript, time to a
 * rendered board, and drop to settled card. Writes results/web.json; null without Chromium.
 */
export async function benchWeb(plan: WebPlan): Promise<string | null> {
  if (!hasChromium) {
    log('web: SKIPPED, /usr/bin/chromium is not installed (apt-get install -y chromium)');
    return null;
  }
  const started = performance.now();
  const seconds: Record<string, number> = {};
  const step: Step = async (name, run) => {
    const { value, seconds: taken } = await timed(`web: ${name}`, run);
    seconds[name] = taken;
    return value;
  };
  const build = await step('build', prepareWebBuild);
  try {
    const measured = await measure(build, plan, step);
    const result = {
      benchmark: 'web',
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.release()}`,
      method: { ...METHOD, plan },
      ...measured,
      seconds: { ...seconds, total: round1((performance.now() - started) / 1000) },
    };
    const file = await writeResult('web.json', JSON.stringify(result, null, 2));
    log(`web: wrote ${file}`);
    return file;
  } finally {
    await rm(build.dir, { recursive: true, force: true });
  }
}
