import type { Locator, Page } from 'playwright-core';
import { log } from './log.js';
import { latencyOf, type Latency } from './timing.js';
import { moveMarks, watchMove, type MoveMarks } from './web-probe.js';

export type MoveSample = MoveMarks & { from: string; to: string };

/** Milliseconds from the pointer's release, per step of a move. */
export type Moves = {
  /** The card in its new column and both counts changed, in the DOM (optimistic update). */
  optimisticDom: Latency;
  /** ...and the next animation frame, which draws it: the headline figure. */
  optimistic: Latency;
  /** The drop animation of the picture under the pointer has ended. */
  dropAnimation: Latency;
  moveResponse: Latency;
  /** The move's response and the board refetch after it (with any column top-up) are in. */
  settled: Latency;
  samples: MoveSample[];
};

const column = (page: Page, stageId: string) => page.locator(`section[data-stage-id="${stageId}"]`);

const countOf = async (page: Page, stageId: string) =>
  Number(await column(page, stageId).getByTestId('column-count').getAttribute('data-count'));

/** A hand-like drag, as in test/e2e/board.test.ts; the probe stamps the release in the page. */
async function drag(page: Page, card: Locator, target: Locator) {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  const viewport = page.viewportSize();
  if (!from || !to || !viewport) throw new Error('card or column not visible');
  if (to.x + to.width / 2 > viewport.width) throw new Error('target column is off screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 20 });
  await page.mouse.up();
}

/**
 * Moves the top card of each open stage to the next one, round the open stages, `warmup` times
 * unmeasured and then `moves` times. Each move waits until it is settled against the server and
 * its drop animation is over, and a little more, so moves never overlap.
 */
export async function measureMoves(
  page: Page,
  openStageIds: string[],
  moves: number,
  warmup: number,
): Promise<Moves> {
  const samples: MoveSample[] = [];
  for (let i = 0; i < warmup + moves; i++) {
    const from = openStageIds[i % openStageIds.length] as string;
    const to = openStageIds[(i + 1) % openStageIds.length] as string;
    const card = column(page, from).locator('[data-deal-id]').first();
    const dealId = await card.getAttribute('data-deal-id');
    if (!dealId) throw new Error(`no card in stage ${from}`);
    const spec = {
      dealId,
      from,
      to,
      fromCount: await countOf(page, from),
      toCount: await countOf(page, to),
    };
    await watchMove(page, spec);
    await drag(page, card, column(page, to));
    const marks = await moveMarks(page);
    if (marks.moveStatus !== 200) throw new Error(`move ${dealId} answered ${marks.moveStatus}`);
    if (i >= warmup) samples.push({ ...marks, from, to });
    await page.waitForTimeout(150);
  }
  const since = (pick: (s: MoveSample) => number | null) =>
    latencyOf(samples.map((s) => (pick(s) ?? Number.NaN) - s.upAt));
  const result = {
    optimisticDom: since((s) => s.optimisticAt),
    optimistic: since((s) => s.optimisticPaintedAt),
    dropAnimation: since((s) => s.overlayGoneAt),
    moveResponse: since((s) => s.moveResponseAt),
    settled: since((s) => s.settledAt),
    samples,
  };
  log(
    `moves: optimistic p50 ${result.optimistic.p50Ms.toFixed(1)} ms, settled p50 ${result.settled.p50Ms.toFixed(1)} ms`,
  );
  return result;
}
