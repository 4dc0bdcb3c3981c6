import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer(10);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const file = (text: string) => ({
  name: 'wizard-deals.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});
const titles = () =>
  server.db
    .selectFrom('deals')
    .select('title')
    .where('title', 'like', 'Wizard %')
    .orderBy('title')
    .execute();

describe.runIf(hasChromium)('the import wizard', () => {
  it('maps the columns, lists problems, imports, and undoes', async () => {
    await page.goto(`${server.url}/settings/import`);
    await page.getByRole('heading', { name: 'Import from CSV' }).waitFor();
    const input = page.locator('input[type=file]');
    await input.setInputFiles(
      file('Deal name,Amount,Where from\nWizard A,12,Fair\nWizard B,lots,Web\n'),
    );
    const amount = page.getByLabel('Field: Amount');
    await expect.poll(() => amount.inputValue()).toBe('value');
    expect(await page.getByLabel('Field: Where from').inputValue()).toBe('');
    await page.getByLabel('Field: Where from').selectOption('source');

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Row 3, column “Amount”').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await titles()).toEqual([]);

    await input.setInputFiles(
      file('Deal name,Amount,Where from\nWizard A,12,Fair\nWizard B,30,Web\n'),
    );
    await page.getByLabel('Field: Where from').selectOption('source');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 imported, 0 already there, from 2 rows.').waitFor();
    const sources = await server.db
      .selectFrom('deals')
      .select(['title', 'source'])
      .where('title', 'like', 'Wizard %')
      .orderBy('title')
      .execute();
    expect(sources).toEqual([
      { title: 'Wizard A', source: 'Fair' },
      { title: 'Wizard B', source: 'Web' },
    ]);

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText('Undone: 2 records removed.').waitFor();
    expect(await titles()).toEqual([]);
  }, 60_000);
});
