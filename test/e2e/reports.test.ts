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

describe.runIf(hasChromium)('the reports page', () => {
  it('shows key numbers, the charts, the weakest stage and the deals behind a waterfall bar', async () => {
    await page
      .getByRole('navigation', { name: /main/i })
      .getByRole('link', { name: 'Reports' })
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
    const tiles = page.getByTestId('key-numbers');
    await tiles.waitFor();
    // The demo's year of history: deals were created, so the first tile is a positive number.
    const created = await tiles.locator('.reports-tile-value').first().innerText();
    expect(Number(created.replace(/\D/g, ''))).toBeGreaterThan(0);

    // The money in the workspace currency says how it was converted.
    await expect
      .poll(() => page.getByTestId('base-currency-note').innerText())
      .toMatch(/at the rate of each date/);

    // Every chart drew on a canvas (ECharts loads lazily, after the numbers).
    await expect.poll(() => page.locator('.reports-chart canvas').count()).toBe(4);
    // The demo's deals have sources: the channel table has a row per source, the leaderboard
    // a row per rep who closed or held a deal.
    await expect
      .poll(() => page.getByTestId('channels-table').locator('tbody tr').count())
      .toBeGreaterThan(1);
    await expect
      .poll(() => page.getByTestId('leaderboard-table').locator('tbody tr').count())
      .toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Win rate' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: /Win rate/ }).getAttribute('aria-sort'))
      .toBe('descending');
    await expect
      .poll(() => page.getByTestId('conversion-table').locator('tbody tr').count())
      .toBeGreaterThan(2);
    await expect.poll(() => page.locator('.reports-weakest').count()).toBe(1);

    const start = page.getByRole('button', { name: /^Start/ });
    await start.click();
    const deals = page.getByTestId('bar-deals');
    await deals.waitFor();
    expect(await deals.getByRole('link').count()).toBeGreaterThan(0);

    // Time travel: the board at the end of December 2025 differs from the board at the demo's now.
    await page.getByLabel('Day', { exact: true }).fill('2025-12-31');
    const openOn = async () =>
      (await page.getByTestId('board-at-table').locator('tbody td:nth-child(2)').allInnerTexts())
        .map((n) => Number(n.replace(/\D/g, '')))
        .reduce((a, b) => a + b, 0);
    await expect.poll(openOn).toBeGreaterThan(0);
    const early = await openOn();
    await page.getByLabel('Day', { exact: true }).fill('2026-11-20');
    await expect.poll(openOn).not.toBe(early);

    const csv = page.getByRole('link', { name: 'Download CSV: Key numbers' });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/v1\/analytics\/key-numbers\.csv\?/);
    const download = await page.request.get(`${server.url}${await csv.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('Deals created');
    if (process.env.REPORTS_SCREENSHOT) {
      await page.screenshot({ path: process.env.REPORTS_SCREENSHOT, fullPage: true });
    }
  });

  it('switches to active mode and a custom period through the URL-backed filters', async () => {
    await page.getByLabel('Count').selectOption('active');
    await expect.poll(() => page.url()).toContain('mode=active');
    await expect
      .poll(() => page.getByTestId('conversion-table').locator('thead th').count())
      .toBe(10);
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2026-11-01');
    await expect.poll(() => page.url()).toContain('from=2026-11-01');
    await page.getByTestId('key-numbers').waitFor();
    // Long before the demo's history began: the page says so and points to the board.
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-12-31');
    await page.getByText('No deal history in this period').waitFor();
    expect(await page.locator('.reports-chart').count()).toBe(0);
  });
  it('passes axe, and reads in Vietnamese on a phone', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, server.url);
    await phone.goto(`${server.url}/reports`);
    await phone.getByRole('combobox', { name: /language/i }).selectOption('vi');
    await phone.getByRole('heading', { name: 'Báo cáo', level: 1 }).waitFor();
    await phone.getByTestId('key-numbers').getByText('Tỷ lệ thắng').waitFor();
    await expect.poll(() => phone.locator('.reports-chart canvas').count()).toBe(4);
    // Nothing wider than the screen: the tiles and tables wrap or scroll inside their boxes.
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.REPORTS_SCREENSHOT) {
      await phone.screenshot({
        path: process.env.REPORTS_SCREENSHOT.replace('.png', '-vi.png'),
        fullPage: true,
      });
    }
    await phone.close();
  });
});
