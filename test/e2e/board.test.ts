import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const column = (stageName: string) =>
  page.locator(`[data-stage-id][data-stage-name="${stageName}"]`);
const countOf = async (stageName: string) =>
  Number(
    (await column(stageName).getByTestId('column-count').first().innerText()).replace(/\D/g, ''),
  );

async function dragCard(card: ReturnType<Page['locator']>, target: ReturnType<Page['locator']>) {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // dnd-kit starts a drag after a few pixels of movement; move in steps like a hand would.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 20 });
  await page.mouse.up();
}

describe.runIf(hasChromium)('the pipeline board', () => {
  it('creates a deal with quick add and sees it on the board', async () => {
    const before = await countOf('Prospecting');
    await page.keyboard.press('n');
    const dialog = page.getByTestId('quick-add');
    await dialog.getByLabel(/title/i).fill('E2E Vinamilk rollout');
    await dialog
      .getByLabel(/^value|^amount/i)
      .first()
      .fill('2500');
    await dialog
      .getByRole('button', { name: /create|save|add/i })
      .last()
      .click();
    await expect.poll(() => countOf('Prospecting')).toBe(before + 1);
    await expect
      .poll(() => column('Prospecting').getByText('E2E Vinamilk rollout').count())
      .toBe(1);
  });

  it('drags the deal to another stage: both headers change, the timeline shows it, a reload keeps it', async () => {
    const fromBefore = await countOf('Prospecting');
    const toBefore = await countOf('Qualification');
    const card = column('Prospecting').locator('[data-deal-id]', {
      hasText: 'E2E Vinamilk rollout',
    });
    const dealId = await card.getAttribute('data-deal-id');
    await dragCard(card, column('Qualification'));
    await expect.poll(() => countOf('Qualification')).toBe(toBefore + 1);
    expect(await countOf('Prospecting')).toBe(fromBefore - 1);
    await page.reload();
    await expect
      .poll(() => column('Qualification').locator(`[data-deal-id="${dealId}"]`).count())
      .toBe(1);
    await page.goto(`${server.url}/deals/${dealId}`);
    await expect.poll(() => page.getByTestId('deal-timeline').innerText()).toMatch(/Qualification/);
    await page.goto(`${server.url}/board`);
  });

  it('rolls a refused move back and says why', async () => {
    await page.route('**/api/v1/deals/*/move', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'version_conflict',
            message: 'Changed by someone else meanwhile',
            field: 'version',
          },
        }),
      }),
    );
    const card = column('Qualification').locator('[data-deal-id]').first();
    const dealId = await card.getAttribute('data-deal-id');
    const before = await countOf('Qualification');
    await dragCard(card, column('Proposal'));
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'Changed by someone else meanwhile' }).count(),
      )
      .toBeGreaterThan(0);
    await expect
      .poll(() => column('Qualification').locator(`[data-deal-id="${dealId}"]`).count())
      .toBe(1);
    expect(await countOf('Qualification')).toBe(before);
    await page.unroute('**/api/v1/deals/*/move');
  });

  it('moves a card with the keyboard', async () => {
    const card = column('Proposal').locator('[data-deal-id]').first();
    const dealId = await card.getAttribute('data-deal-id');
    const toBefore = await countOf('Negotiation & Commitment');
    await card.focus();
    // dnd-kit's keyboard sensor: pick up, move one column right, drop; it animates between steps.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await expect
      .poll(() => column('Negotiation & Commitment').locator(`[data-deal-id="${dealId}"]`).count())
      .toBe(1);
    expect(await countOf('Negotiation & Commitment')).toBe(toBefore + 1);
  });
});
