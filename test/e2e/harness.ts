import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webDistDir } from '../../src/server/web-build.js';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const DEMO_EMAIL = 'demo@pipewright.local';

/** The real server on a random port with the built web app and a small demo workspace. */
export async function startE2EServer(deals = 120) {
  const database = createDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { deals, seed: 7, now: new Date('2026-11-20T03:00:00Z') });
  const app = await buildApp({
    db: database.db,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    webDistDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function signIn(
  page: Page,
  baseUrl: string,
  email = DEMO_EMAIL,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password|mật khẩu/i).fill(password);
  await page.getByRole('button', { name: /sign in|đăng nhập/i }).click();
  await page.waitForURL(/\/board/);
}
