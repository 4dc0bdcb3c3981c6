import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/server/modules/forecast/backtest.service.js';
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
    await page
      .getByRole('group', { name: 'Pipeline and period of the forecast' })
      .getByLabel('Period')
      .selectOption('quarter');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);

    // After a backtest the page shows how each method did and the learned model's calibration.
    const sales = await server.db
      .selectFrom('pipelines')
      .select(['id', 'workspace_id'])
      .where('name', '=', 'Sales')
      .executeTakeFirstOrThrow();
    await runBacktest(server.db, {
      workspaceId: sales.workspace_id,
      pipelineId: sales.id,
      unit: 'month',
      from: '2026-05-01',
      to: '2026-10-31',
      runs: 300,
      seed: 1,
    });
    await page.reload();
    const calibration = page.getByRole('table', {
      name: 'Learned chance of a win against what happened',
    });
    await calibration.waitFor();
    expect(await calibration.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // A quota through the form: the API's error lands on the field it names, then it is saved.
    const quotaForm = page.getByRole('form', { name: 'New quota' });
    await quotaForm.getByLabel('Target').fill('5000');
    await quotaForm.getByRole('button', { name: 'Add quota' }).click();
    await quotaForm.getByText('give either userId or teamId').waitFor();
    const subject = quotaForm.getByLabel('For');
    await subject.selectOption({ index: 1 });
    const person = (await subject.locator('option:checked').textContent())?.trim() ?? '';
    await quotaForm.getByRole('button', { name: 'Add quota' }).click();
    const quotas = page.getByRole('table', { name: 'Quotas' });
    await quotas.getByRole('rowheader', { name: person }).waitFor();
    expect(await quotas.locator('tbody tr').count()).toBe(1);

    // A forecast call through the form, then listed with who and when.
    const call = page.getByRole('form', { name: 'Submit a forecast' });
    await call.getByLabel('Deals').fill('3');
    await call.getByLabel(/^Amount/).fill('2500');
    await call.getByRole('button', { name: 'Submit' }).click();
    const history = page.getByRole('table', { name: 'Every submission' });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Snapshot now' }).click();
    await page.getByText('This week’s snapshot is taken.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.FORECAST_SCREENSHOT) {
      await page.screenshot({ path: process.env.FORECAST_SCREENSHOT, fullPage: true });
    }
  });
});
