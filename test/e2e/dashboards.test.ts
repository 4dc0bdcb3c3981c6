import { readFile } from 'node:fs/promises';
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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(hasChromium)('the dashboards page', () => {
  it('opens the default dashboard and drills down from a number to the deals it counts', async () => {
    await page
      .getByRole('navigation', { name: /main/i })
      .getByRole('link', { name: 'Dashboards' })
      .click();
    await page.waitForURL(/\/dashboards/);
    // The demo user is an admin: the manager's default, not stored until copied.
    await page.getByText('This is the default dashboard. Copy it to change it.').waitFor();
    await page.getByLabel('Period').selectOption('last12Months');
    await expect.poll(() => page.url()).toContain('preset=last12Months');
    const won = page.getByTestId('number-won-value');
    await won.waitFor();
    // Every chart of the default drew (ECharts loads once, lazily).
    await expect.poll(() => page.locator('.dash-widget canvas').count()).toBe(4);

    await page.getByRole('button', { name: /Show the deals behind Win rate$/ }).click();
    const deals = page.getByTestId('drill-deals');
    await deals.waitFor();
    // The win rate's deals are the closed ones: the list is as long as the API's count of them.
    const count = Number(
      (await page.locator('.dash-drill p.small').first().innerText()).replace(/\D/g, ''),
    );
    expect(count).toBeGreaterThan(0);
    expect(await deals.getByRole('link').count()).toBe(Math.min(count, 500));
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.DASHBOARDS_SCREENSHOT) {
      await page.screenshot({ path: process.env.DASHBOARDS_SCREENSHOT, fullPage: true });
    }
  });

  it('copies the default, adds a widget and downloads a widget as CSV', async () => {
    await page.getByRole('button', { name: 'Copy to edit' }).click();
    await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}/);
    await page.getByRole('button', { name: 'Add widget' }).click();
    await page.getByRole('radio', { name: 'Table' }).check();
    await page.getByLabel('Report').selectOption('channels');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const added = page.locator('[data-widget-id="channels-table"]');
    await added.locator('table tbody tr').first().waitFor();
    // Saved: a reload shows it, at the end of the grid.
    await page.reload();
    await expect
      .poll(() => page.locator('[data-widget-id]').last().getAttribute('data-widget-id'))
      .toBe('channels-table');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      added.getByRole('button', { name: 'Download CSV: Channels' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Channels.csv');
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(
      /^\uFEFFChannel,Leads,Deals created,Won,Won value \([A-Z]{3}\)$/,
    );
    expect(text.split('\r\n').length).toBeGreaterThan(2);

    // A chart downloads as the picture ECharts draws; a number offers CSV only.
    const chart = page.locator('[data-widget-id="waterfall"]');
    await chart.locator('canvas').waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Download PNG: Pipeline change' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('Pipeline-change.png');
    const bytes = await readFile((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(
      await page
        .locator('[data-widget-id="win-rate"]')
        .getByRole('button', { name: /^Download PNG/ })
        .isDisabled(),
    ).toBe(true);

    // The keyboard moves a widget: Space on its handle, an arrow, Space again.
    await page.getByRole('button', { name: 'Edit' }).click();
    const first = await page.locator('[data-widget-id]').first().getAttribute('data-widget-id');
    const handle = page.getByRole('button', { name: /^Move Quota attainment/ });
    await handle.focus();
    // Each step waits for the screen reader's announcement, as a keyboard user would hear it.
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.getByText('Quota attainment is over position 2.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText('Quota attainment dropped at position 2.').waitFor({ state: 'attached' });
    await expect
      .poll(() => page.locator('[data-widget-id]').first().getAttribute('data-widget-id'))
      .not.toBe(first);

    // A widget's options change in edit mode and are saved with the layout.
    await page.getByLabel('Leaderboard: Rows').selectOption('team');
    await expect
      .poll(async () => {
        const res = await page.request.get(`${server.url}/api/v1/dashboards`);
        const mine = (await res.json()).data[0];
        return mine.widgets.find((w: { id: string }) => w.id === 'leaderboard').options.by;
      })
      .toBe('team');
  });

  it('reads in Vietnamese on a phone, one widget under another', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, server.url);
    await phone.goto(`${server.url}/dashboards`);
    await phone.getByRole('combobox', { name: /language/i }).selectOption('vi');
    await phone.getByRole('heading', { name: 'Bảng điều khiển', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: 'Tỷ lệ thắng', level: 2 }).waitFor();
    await expect.poll(() => phone.locator('.dash-widget canvas').count()).toBeGreaterThan(0);
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.DASHBOARDS_SCREENSHOT) {
      await phone.screenshot({
        path: process.env.DASHBOARDS_SCREENSHOT.replace('.png', '-vi.png'),
        fullPage: true,
      });
    }
    await phone.close();
  });

  it('shows a rep their own quota and a manager their team’s', async () => {
    // Quotas for this quarter (the dashboards' default period) through the admin's session.
    const api = async (path: string, body?: unknown) => {
      const res = body
        ? await page.request.post(`${server.url}/api/v1${path}`, { data: body })
        : await page.request.get(`${server.url}/api/v1${path}`);
      expect(res.status(), path).toBeLessThan(300);
      return res.json();
    };
    const users: Array<{ id: string; email: string }> = (await api('/users')).data;
    const teams: Array<{ id: string; name: string }> = (await api('/teams')).data;
    const rep = users.find((u) => u.email.startsWith('james.carter@'));
    const team = teams.find((x) => x.name === 'International');
    const now = new Date();
    const month = now.getUTCMonth() - (now.getUTCMonth() % 3) + 1;
    const periodStart = `${now.getUTCFullYear()}-${String(month).padStart(2, '0')}-01`;
    const quota = { periodUnit: 'quarter', periodStart, kind: 'count' };
    await api('/quotas', { ...quota, userId: rep?.id, target: 4 });
    await api('/quotas', { ...quota, teamId: team?.id, target: 20 });

    for (const [email, widget] of [
      ['james.carter@demo.pipewright.local', 'quota'],
      ['sarah.mitchell@demo.pipewright.local', 'team-quota'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const other = await context.newPage();
      await signIn(other, server.url, email);
      await other.goto(`${server.url}/dashboards`);
      await other.getByText('This is the default dashboard. Copy it to change it.').waitFor();
      await expect.poll(() => other.getByTestId(`number-${widget}`).innerText()).toMatch(/%$/);
      if (widget === 'quota') {
        // The rep's dashboard is their own pipeline, with their activities due.
        expect(await other.getByLabel('Owner').inputValue()).toBe(rep?.id);
        await other.getByRole('heading', { name: 'Activities due and overdue' }).waitFor();
      }
      await context.close();
    }
  });
});
