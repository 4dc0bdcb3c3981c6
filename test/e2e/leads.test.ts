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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(hasChromium)('leads', () => {
  it('adds a lead, qualifies it on the criteria and converts it into a deal', async () => {
    // Budget required, so conversion waits for it.
    await page.goto(`${server.url}/settings/leads`);
    await page.getByRole('checkbox').nth(1).check();
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved').first().waitFor();

    await page.goto(`${server.url}/leads`);
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Name').fill('Đỗ Thu Trang');
    await dialog.getByLabel('Email').fill('trang@anphat.vn');
    await dialog.getByLabel('Company').fill('An Phát Logistics');
    await dialog.getByLabel('Source').fill('Event');
    await dialog.getByRole('button', { name: 'Add lead' }).click();
    const detail = page.getByRole('article', { name: 'Đỗ Thu Trang' });
    await detail.waitFor();
    await detail.getByRole('region', { name: 'History' }).getByText('Lead added').waitFor();

    await detail.getByRole('button', { name: 'Convert to deal' }).click();
    const convert = page.getByRole('dialog', { name: /Convert/ });
    await convert.getByText(/Still needed before it becomes a deal: Budget/).waitFor();
    await convert.getByRole('button', { name: 'Cancel' }).click();

    await detail.getByRole('radiogroup', { name: 'Budget' }).getByLabel('Yes').check();
    await page.getByText('Saved').first().waitFor();
    await detail.getByRole('button', { name: 'Convert to deal' }).click();
    await convert.getByLabel(/Value/).fill('250.000.000');
    await convert.getByRole('button', { name: 'Convert to deal' }).click();
    await page.waitForURL(/\/deals\/[0-9a-f-]+$/);
    const dealId = page.url().split('/').pop() as string;
    const deal = await server.db
      .selectFrom('deals')
      .innerJoin('companies', 'companies.id', 'deals.company_id')
      .select(['deals.title', 'deals.value_minor', 'deals.source', 'companies.name as company'])
      .where('deals.id', '=', dealId)
      .executeTakeFirstOrThrow();
    expect(deal).toEqual({
      title: 'An Phát Logistics',
      value_minor: 250_000_000,
      source: 'Event',
      company: 'An Phát Logistics',
    });
  });

  it('turns on the web form, whose page takes a lead into the inbox', async () => {
    await page.goto(`${server.url}/settings/leads`);
    await page.getByRole('button', { name: 'Turn on the web form' }).click();
    const link = page.getByRole('link', { name: /\/capture\// });
    await link.waitFor();
    await expect(page.getByText('Copy it now').isVisible()).resolves.toBe(true);
    const formPage = await browser.newPage();
    await formPage.goto((await link.getAttribute('href')) as string);
    await formPage.getByLabel('Your name').fill('Hoàng Minh Quân');
    await formPage.getByLabel('Email').fill('quan@example.vn');
    await formPage.getByRole('button', { name: 'Send' }).click();
    await formPage.getByText('Thank you').waitFor();
    await formPage.close();
    await page.goto(`${server.url}/leads?status=new`);
    await page.getByRole('button', { name: 'Hoàng Minh Quân' }).waitFor();
  });

  it('lets the admin set the scoring rules', async () => {
    await page.goto(`${server.url}/settings/leads`);
    await page.getByLabel('Per criterion answered yes').fill('15');
    const sources = page.getByLabel(/Points per source/);
    await sources.fill('Referral = 20\nEvent = 40\nnot a rule');
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Line 3: write it as').waitFor();
    await sources.fill('Referral = 20\nEvent = 40');
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Saved').first().waitFor();
    const row = await server.db
      .selectFrom('workspaces')
      .select('scoring_rules')
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    expect(row.scoring_rules).toMatchObject({
      criterionYes: 15,
      sources: { Referral: 20, Event: 40 },
    });
  });
});
