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
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(hasChromium)('the focus list', () => {
  it('ranks the demo’s open deals by expected value and says how the model was measured', async () => {
    await page.goto(`${server.url}/focus`);
    await page.getByText(/Learned from \d+ closed deals/).waitFor();
    const items = page.locator('.focus-list').first().locator('li');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(3);
    // Expected values go down the list.
    const amounts = (await items.locator('.focus-expected').allInnerTexts()).map((s) =>
      Number(s.replace(/[^\d]/g, '')),
    );
    expect(amounts.length).toBeGreaterThan(3);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    await items.first().getByRole('link').click();
    await page.waitForURL(/\/deals\/[0-9a-f-]+$/);
  });
});
