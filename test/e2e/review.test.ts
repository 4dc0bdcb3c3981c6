import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
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

const count = (section: string) =>
  page.locator(`[data-section="${section}"] .review-count`).innerText().then(Number);

describe.runIf(hasChromium)('the review page', () => {
  it('shows the sections since a date, marks the review done, prints without the app around it', async () => {
    await page
      .getByRole('navigation', { name: /main/i })
      .getByRole('link', { name: 'Review' })
      .click();
    await page.waitForURL(/\/review$/);
    await page.getByRole('heading', { name: /^Pipeline review: / }).waitFor();
    await page.getByText('No review yet: the last seven days').waitFor();
    await page.getByRole('heading', { name: /^Stalled/ }).waitFor();

    // The demo's history ends on 20 November 2026: from 1 November its changes show.
    await page.getByLabel('Since').fill('2026-11-01');
    await page.waitForURL(/since=2026-11-01/);
    await page.getByText('Chosen date').waitFor();
    const total = async () => {
      let n = 0;
      for (const s of ['new', 'forward', 'back', 'won', 'lost', 'valueChanged', 'slipped']) {
        n += await count(s);
      }
      return n;
    };
    await expect.poll(total).toBeGreaterThan(0);
    const link = page.locator('.review-section .review-deals a').first();
    expect(await link.getAttribute('href')).toMatch(/^\/deals\/[0-9a-f-]{36}$/);
    expect(
      await page.getByRole('link', { name: 'Download the review as PDF' }).getAttribute('href'),
    ).toBe('/api/v1/review.pdf?since=2026-11-01&lang=en');
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.REVIEW_SCREENSHOT) {
      await page.screenshot({ path: process.env.REVIEW_SCREENSHOT, fullPage: true });
    }

    // Printing keeps the review only, and no section is split across pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.review-toolbar').isVisible()).toBe(false);
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.review-section')).breakInside",
      ),
    ).toBe('avoid');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByText('Review saved: the next one starts from here.').waitFor();
    await page.waitForURL(/\/review$/);
    await page.getByText(/Since the last review, /).waitFor();
    await expect.poll(total).toBe(0);
    await page.getByText('Nothing changed in this window.').waitFor();
  });
});
