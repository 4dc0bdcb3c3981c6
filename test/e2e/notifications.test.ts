import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDueReminders } from '../../src/server/modules/notifications/reminders.js';
import { DEMO_EMAIL, hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;
let expected = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startE2EServer();
  // The demo is seeded as of 2026-11-20; a sweep as of a week later rings the demo admin's
  // activities that fell due in the two days before.
  await sweepDueReminders(server.db, new Date('2026-11-27T09:00:00Z'));
  const rows = await server.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .innerJoin('activities', 'activities.id', 'notifications.activity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.email', '=', DEMO_EMAIL)
    .where('activities.done', '=', false)
    .executeTakeFirstOrThrow();
  expected = Number(rows.n);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(hasChromium)('the bell', () => {
  it('shows the count of due reminders, lists them, opens one and marks all read', async () => {
    expect(expected).toBeGreaterThan(0);
    const bell = page.getByRole('button', { name: new RegExp(`${expected} unread`) });
    await bell.waitFor();
    await page.keyboard.press('b');
    const panel = page.getByRole('region', { name: 'Reminders' });
    await panel.waitFor();
    await expect(panel.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(expected);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    await bell.click();
    const first = panel.locator('.bell-item').first().getByRole('link');
    const subject = await first.locator('.bell-subject').innerText();
    await first.click();
    await page.waitForURL(/\/(deals\/[0-9a-f-]+|my-day)$/);
    expect(subject.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: /Notifications/ }).click();
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await expect(panel.locator('.bell-unread').count()).resolves.toBe(0);
  });

  it('turns the daily digest off from the profile', async () => {
    await page.goto(`${server.url}/settings/profile`);
    const box = page.getByLabel(/morning e-mail/);
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.getByLabel('Send it at').selectOption('7');
    await box.uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved').waitFor();
    const row = await server.db
      .selectFrom('users')
      .select(['digest_enabled', 'digest_hour'])
      .where('email', '=', DEMO_EMAIL)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ digest_enabled: false, digest_hour: 7 });
  });
});
