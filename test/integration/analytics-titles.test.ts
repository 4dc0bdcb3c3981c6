import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealTitles } from '../../src/server/modules/analytics/history.repository.js';
import { dealFactory } from '../helpers/factories.js';
import { apiAs } from '../helpers/api.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the titles of the deals a waterfall names', () => {
  it('are read for more ids than a statement may have parameters', async () => {
    const ws = await workspaceFactory(t.db);
    const deal = await dealFactory(apiAs(t.app, ws.admin.headers), { title: 'Named' });
    // 70,000 ids: over the 65,535 bind parameters of one statement.
    const ids = [deal.id, ...Array.from({ length: 69_999 }, () => randomUUID())];
    expect(await dealTitles(t.db, ws.workspaceId, ids)).toEqual([{ id: deal.id, title: 'Named' }]);
  });
});
