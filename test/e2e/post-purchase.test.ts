import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer(40);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(hasChromium)('after the win', () => {
  it('records a won deal’s contract and starts its onboarding', async () => {
    const won = await server.db
      .selectFrom('deals')
      .select(['id', 'title'])
      .where('status', '=', 'won')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/deals/${won.id}`);
    const section = page.getByRole('region', { name: 'After the win' });
    await section.waitFor();
    await section.getByLabel('Starts').fill('2026-01-01');
    await section.getByLabel('Ends').fill('2026-12-31');
    await section.getByRole('combobox', { name: 'Recurring value' }).selectOption('month');
    await section.getByRole('textbox', { name: 'Recurring value' }).fill('10.000.000');
    await section.getByRole('button', { name: 'Save contract' }).click();
    await page.getByText('Contract saved').waitFor();
    const contract = await server.db
      .selectFrom('contracts')
      .select(['ends_on', 'recurring_minor', 'recurring_period'])
      .where('deal_id', '=', won.id)
      .executeTakeFirstOrThrow();
    expect(contract).toEqual({
      ends_on: '2026-12-31',
      recurring_minor: 10_000_000,
      recurring_period: 'month',
    });

    await section.getByRole('button', { name: 'Start onboarding' }).click();
    const link = section.getByRole('link', { name: `Onboarding: ${won.title}` });
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/deals\/[0-9a-f-]+$/);
    await page.getByRole('region', { name: 'After the win' }).getByText('Onboarding of').waitFor();
  });

  it('credits a referring customer on the Reports page', async () => {
    const customer = await server.db
      .selectFrom('companies')
      .select('name')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/leads`);
    await page.getByRole('button', { name: /New lead/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Name').fill('Referred friend');
    await dialog.getByLabel(/Referred by/).fill('No such customer');
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    await dialog.getByText('Choose a customer from the list').waitFor();
    await dialog.getByLabel(/Referred by/).fill(customer.name);
    // The list of customers loads as one types; the exact name then resolves.
    await page.waitForTimeout(600);
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    const detail = page.getByRole('article', { name: 'Referred friend' });
    await detail.getByRole('link', { name: customer.name }).waitFor();

    await page.goto(`${server.url}/reports`);
    const section = page.getByRole('region', { name: 'Customers' });
    await section.getByRole('cell', { name: customer.name }).waitFor();
    await section.getByText('Net revenue retention').waitFor();
  });

  it('lets the admin choose the after-the-win pipeline in the workspace settings', async () => {
    await page.goto(`${server.url}/settings/workspace`);
    const select = page.getByLabel('After-the-win pipeline');
    await select.waitFor();
    expect(await select.locator('option:checked').textContent()).toBe('Post-purchase');
    await select.selectOption({ label: 'Sales' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Workspace settings saved').waitFor();
    const chosen = await server.db
      .selectFrom('pipelines')
      .select('name')
      .where('is_post_purchase', '=', true)
      .execute();
    expect(chosen).toEqual([{ name: 'Sales' }]);
  });
});
