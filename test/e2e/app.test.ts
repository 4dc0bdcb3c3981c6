import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/processes.js';
import { hasChromium, launchBrowser, signIn, startE2EServer } from './harness.js';

let server: Awaited<ReturnType<typeof startE2EServer>>;
let browser: Browser;
let page: Page;
const screenshots = join(root, 'docs', 'screenshots');

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

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core in the page and returns the serious and critical violations. */
async function seriousViolations(p: Page) {
  await p.addScriptTag({ content: axeSource });
  // A string, so that the test compiles without DOM types; it runs in the page.
  const results = (await p.evaluate('axe.run(document).then((r) => r.violations)')) as Array<{
    id: string;
    impact: string;
    nodes: Array<{ target: string[] }>;
  }>;
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

async function firstDealId(p: Page) {
  await p.goto(`${server.url}/board`);
  const card = p.locator('[data-deal-id]').first();
  await card.waitFor();
  return card.getAttribute('data-deal-id');
}

describe.runIf(hasChromium)('the web app', () => {
  it('searches with Ctrl+K and opens a result with the keyboard', async () => {
    await page.goto(`${server.url}/board`);
    await page.locator('[data-deal-id]').first().waitFor();
    const company = await server.db
      .selectFrom('companies')
      .select('name')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    // Typed without accents and only the start of the word, as people do.
    const word = company.name
      .split(' ')[0]!
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .slice(0, 4);
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    await input.fill(word);
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    // Let the debounced search settle, so that the list does not change under the keys.
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toBeTruthy();
    await page.waitForTimeout(500);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/(deals|companies|contacts)\/[0-9a-f-]{36}/);
  });

  it('lists the shortcuts on ? and goes to a section with G then its letter', async () => {
    await page.goto(`${server.url}/board`);
    await page.locator('[data-deal-id]').first().waitFor();
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Go to (press G, then the letter)').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.waitForURL(/\/deals$/);
    // The table rendered first: on a loaded machine its render could fall between G and B and
    // outlast the key sequence's window.
    await page.locator('[data-testid="deals-table"][aria-busy="false"] tbody tr').first().waitFor();
    // B after G goes to the board; it does not open the notifications.
    await page.keyboard.press('g');
    await page.keyboard.press('b');
    await page.waitForURL(/\/board$/);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('keeps what the user typed and shows the API message next to the field when a save fails', async () => {
    await page.goto(`${server.url}/board`);
    await page.locator('[data-deal-id]').first().waitFor();
    await page.keyboard.press('n');
    const dialog = page.getByTestId('quick-add');
    await dialog.getByRole('tab', { name: /contact/i }).click();
    await dialog.getByLabel(/name/i).first().fill('Phạm Văn Kiểm Thử');
    await dialog.getByLabel(/email/i).fill('not-an-email');
    await dialog
      .getByRole('button', { name: /create|save|add/i })
      .last()
      .click();
    await expect
      .poll(() => dialog.locator('[role="alert"], .field-error').first().innerText())
      .toMatch(/email/i);
    expect(await dialog.getByLabel(/name/i).first().inputValue()).toBe('Phạm Văn Kiểm Thử');
    expect(await dialog.getByLabel(/email/i).inputValue()).toBe('not-an-email');
    await page.keyboard.press('Escape');
  });

  it('exports the deals table as CSV with what is shown', async () => {
    await page.goto(`${server.url}/deals`);
    await page.getByTestId('deals-table').waitFor();
    const rows = await page.locator('[data-testid="deals-table"] [data-deal-id]').count();
    expect(rows).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/Title/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(rows);
  });

  it('has no serious or critical accessibility violations on the main pages', async () => {
    const dealId = await firstDealId(page);
    const found: Record<string, string[]> = {};
    for (const path of [
      '/board',
      '/deals',
      `/deals/${dealId}`,
      '/funnel',
      '/companies',
      '/contacts',
      '/settings',
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      found[path] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('speaks Vietnamese: stage names and VND amounts, and takes the screenshots', async () => {
    mkdirSync(screenshots, { recursive: true });
    const dealId = await firstDealId(page);
    const shoot = async (name: string, path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(screenshots, `${name}.png`) });
    };
    await shoot('board-en', '/board');
    await shoot('deal-en', `/deals/${dealId}`);
    await shoot('deals-table-en', '/deals');

    await page.goto(`${server.url}/board`);
    await page
      .getByRole('combobox', { name: /language|ngôn ngữ/i })
      .first()
      .selectOption('vi');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Tìm kiếm khách hàng/);
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/Đánh giá tiềm năng/);
    // VND has no decimals and uses dots for thousands in Vietnamese.
    expect(text).toMatch(/\d{1,3}(\.\d{3})+\s?₫/);
    await shoot('board-vi', '/board');
    await shoot('deal-vi', `/deals/${dealId}`);
    await shoot('deals-table-vi', '/deals');
    // The choice is remembered on the user: a new session starts in Vietnamese.
    const other = await browser.newPage();
    await signIn(other, server.url);
    await expect.poll(() => other.locator('body').innerText()).toMatch(/Tìm kiếm khách hàng/);
    await other.close();
    await page
      .getByRole('combobox', { name: /language|ngôn ngữ/i })
      .first()
      .selectOption('en');
  });
});
