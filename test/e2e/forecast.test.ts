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

describe.runIf(hasChromium)('the forecast page', () => {
  it('puts the three methods side by side with the learned P10–P90 band', async () => {
    await page
      .getByRole('navigation', { name: /main/i })
      .getByRole('link', { name: 'Forecast' })
      .click();
    await page.waitForURL(/\/forecast$/);
    const table = page.getByRole('table', { name: 'Forecast methods' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(6);
    await page.getByText(/80% of 2,000 simulated outcomes fall between P10/).waitFor();
    // The demo admin has no quota: the page says so instead of showing zeros.
    await page.getByText('No quota is set for you in this period.').waitFor();
    await page.getByLabel('Period').selectOption('quarter');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.FORECAST_SCREENSHOT) {
      await page.screenshot({ path: process.env.FORECAST_SCREENSHOT, fullPage: true });
    }
  });
});
