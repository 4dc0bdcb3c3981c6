import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer(20);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rates = () =>
  server.db
    .selectFrom('exchange_rates')
    .select(['currency', 'date', 'rate'])
    .orderBy('currency')
    .execute();

describe.runIf(hasChromium)('currencies and marketing spend settings', () => {
  it('adds a rate typed with a decimal comma, and pasted rates all or none', async () => {
    await page.goto(`${server.url}/settings/money`);
    await page.getByLabel('VND per 1 USD').fill('25400,5');
    await page.getByLabel('From date').fill('2026-01-01');
    await page.getByRole('button', { name: 'Add rate' }).click();
    await page.getByRole('cell', { name: '25,400.5' }).waitFor();

    await page.getByText('Paste many rates (CSV)').click();
    const paste = page.getByRole('textbox', { name: 'Paste many rates (CSV)' });
    await paste.fill('date;currency;rate\n2026-01-01;EUR;27500,25\n2026-01-01;GBP;0');
    await page.getByRole('button', { name: 'Save pasted rates' }).click();
    await page.getByText('Line 3: must be above zero').waitFor();
    expect((await rates()).map((r) => r.currency.trim())).toEqual(['USD']);

    await paste.fill('2026-01-01;EUR;27500,25\n2026-01-01;GBP;33000');
    await page.getByRole('button', { name: 'Save pasted rates' }).click();
    await page.getByRole('cell', { name: 'GBP', exact: true }).waitFor();
    const saved = await rates();
    expect(saved.map((r) => [r.currency.trim(), r.date, Number(r.rate)])).toEqual([
      ['EUR', '2026-01-01', 27500.25],
      ['GBP', '2026-01-01', 33000],
      ['USD', '2026-01-01', 25400.5],
    ]);
  });

  it('records a channel’s spend for a month in the workspace currency', async () => {
    await page.getByLabel('Channel').fill('Facebook Ads');
    await page.getByLabel('Month').fill('2026-03');
    await page.getByLabel('Amount').fill('15.000.000');
    await page.getByRole('button', { name: 'Save spend' }).click();
    await page.getByRole('cell', { name: '₫15,000,000' }).waitFor();
    const row = await server.db
      .selectFrom('marketing_spend')
      .select(['channel', 'month', 'amount_minor', 'currency'])
      .executeTakeFirstOrThrow();
    expect({ ...row, currency: row.currency.trim() }).toEqual({
      channel: 'Facebook Ads',
      month: '2026-03-01',
      amount_minor: 15_000_000,
      currency: 'VND',
    });
  });
});
