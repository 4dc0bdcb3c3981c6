import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { log } from './log.js';
import { latencyOf, type Latency } from './timing.js';
import { boardMarks, probeScript, type BoardMarks } from './web-probe.js';

export type BoardLoad = BoardMarks & {
  /** From just before page.goto in Node to the rendered board seen by waitForFunction. */
  outsideMs: number;
};

type ColdStep =
  | 'documentEnd'
  | 'domContentLoaded'
  | 'scriptsEnd'
  | 'boardRequestStart'
  | 'boardRequestEnd'
  | 'rendered'
  | 'painted';

export type BoardLoads = {
  /** Navigation start to the first frame drawn with the rendered board (in-page clock). */
  cold: Latency;
  warm: Latency;
  /** Medians of the steps on the way, cold loads: ms since navigation start. */
  coldSteps: Record<ColdStep, number>;
  /** Median main-thread time in long tasks before the board was drawn, cold loads. */
  coldLongTaskMs: number;
  /** Board requests per cold load (more than one: an earlier one was cancelled and asked again). */
  coldBoardRequests: number[];
  coldSamples: BoardLoad[];
  warmSamples: BoardLoad[];
};

async function load(page: Page, url: string, reload: boolean): Promise<BoardLoad> {
  const start = performance.now();
  await (reload ? page.reload({ waitUntil: 'commit' }) : page.goto(url, { waitUntil: 'commit' }));
  const marks = await boardMarks(page);
  return { ...marks, outsideMs: performance.now() - start };
}

const median = (values: number[]) => latencyOf(values).p50Ms;

/**
 * Cold: a new browser context per load (empty HTTP cache and storage apart from the session
 * cookie), same browser process. Warm: reloads in one context, assets from its cache
 * (they are served immutable), the API asked again every time.
 */
export async function measureBoardLoads(
  browser: Browser,
  contextOptions: BrowserContextOptions,
  boardUrl: string,
  stageCount: number,
  loads: number,
): Promise<BoardLoads> {
  const coldSamples: BoardLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext(contextOptions);
    try {
      await context.addInitScript(probeScript(stageCount));
      coldSamples.push(await load(await context.newPage(), boardUrl, false));
      log(`board cold load ${i + 1}/${loads}: ${coldSamples.at(-1)?.paintedAt.toFixed(0)} ms`);
    } finally {
      await context.close();
    }
  }
  const warmSamples: BoardLoad[] = [];
  const context = await browser.newContext(contextOptions);
  try {
    await context.addInitScript(probeScript(stageCount));
    const page = await context.newPage();
    await load(page, boardUrl, false);
    for (let i = 0; i < loads; i++) warmSamples.push(await load(page, boardUrl, true));
    log(`board warm loads: p50 ${median(warmSamples.map((s) => s.paintedAt)).toFixed(0)} ms`);
  } finally {
    await context.close();
  }
  const step = (pick: (s: BoardLoad) => number | undefined) =>
    median(coldSamples.map(pick).filter((n): n is number => n !== undefined));
  return {
    cold: latencyOf(coldSamples.map((s) => s.paintedAt)),
    warm: latencyOf(warmSamples.map((s) => s.paintedAt)),
    coldSteps: {
      documentEnd: step((s) => s.documentEnd),
      domContentLoaded: step((s) => s.domContentLoaded),
      scriptsEnd: step((s) => s.scriptsEnd),
      boardRequestStart: step((s) => s.boardRequests.at(-1)?.start),
      boardRequestEnd: step((s) => s.boardRequests.at(-1)?.end),
      rendered: step((s) => s.renderedAt),
      painted: step((s) => s.paintedAt),
    },
    coldLongTaskMs: step((s) => s.longTasks.totalMs),
    coldBoardRequests: coldSamples.map((s) => s.boardRequests.length),
    coldSamples,
    warmSamples,
  };
}
