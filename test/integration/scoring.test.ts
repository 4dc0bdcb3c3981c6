import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Closes `won` + `lost` deals from a source, all of the same value. */
async function history(api: Api, source: string, won: number, lost: number) {
  for (let i = 0; i < won + lost; i++) {
    const deal = await dealFactory(api, { source, value: 100_000, currency: 'USD' });
    const closed = await api.patch(`/api/v1/deals/${deal.id}`, {
      version: deal.version,
      status: i < won ? 'won' : 'lost',
    });
    if (closed.status !== 200) throw new Error(JSON.stringify(closed.body));
  }
}

async function setup() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  await t.db
    .updateTable('workspaces')
    .set({ default_currency: 'USD' })
    .where('id', '=', workspaceId)
    .execute();
  const api = apiAs(t.app, admin.headers);
  // Referrals are won four times in five here; ads once in six.
  await history(api, 'Referral', 20, 5);
  await history(api, 'Ads', 5, 25);
  return { workspaceId, admin, api };
}

describe('scoring and the focus list', () => {
  it('learns from the closed deals and ranks the open referral above the open ads deal', async () => {
    const { api } = await setup();
    const ads = await dealFactory(api, {
      title: 'Ads deal',
      source: 'ads',
      value: 100_000,
      currency: 'USD',
    });
    const referral = await dealFactory(api, {
      title: 'Referral deal',
      source: 'Referral',
      value: 100_000,
      currency: 'USD',
    });
    const focus = await api.get('/api/v1/focus');
    expect(focus.status).toBe(200);
    expect(focus.body.deals.map((d: { id: string }) => d.id)).toEqual([referral.id, ads.id]);
    const [top, bottom] = focus.body.deals;
    expect(top.probability).toBeGreaterThan(0.6);
    expect(bottom.probability).toBeLessThan(0.35);
    expect(top.expectedValue).toBe(Math.round(100_000 * top.probability));
    expect(top.learnedReasons[0]).toMatchObject({ feature: 'source: referral' });
    expect(top.learnedReasons[0].effect).toBeGreaterThan(0);
    // The built-in rules give a referral 20 points.
    expect(top.ruleReasons).toContainEqual({ rule: 'source:referral', points: 20 });

    const model = await api.get('/api/v1/scoring/model');
    expect(model.body.trainedOn).toBe(55);
    expect(model.body.heldOut).toBeGreaterThan(0);
    expect(model.body.weights[0].feature).toMatch(/^source: /);
  });

  it('ranks leads by the workspace’s rule points, which only admins change', async () => {
    const { workspaceId, api } = await setup();
    const lead = (body: Record<string, unknown>) =>
      api.post('/api/v1/leads', { name: 'Lead', ...body }).then((r) => r.body);
    const cold = await lead({ name: 'Cold', source: 'Ads' });
    const warm = await lead({
      name: 'Warm',
      source: 'Referral',
      email: 'warm@example.vn',
      criteria: { budget: { state: 'yes', note: '' }, need: { state: 'yes', note: '' } },
    });
    let focus = await api.get('/api/v1/focus');
    expect(focus.body.leads.map((l: { id: string }) => l.id)).toEqual([warm.id, cold.id]);
    // 2 x 10 (criteria) + 20 (referral) + 15 (touched now) + 5 (email) = 60; cold: 15.
    expect(focus.body.leads.map((l: { rulePoints: number }) => l.rulePoints)).toEqual([60, 15]);

    const rules = (await api.get('/api/v1/scoring/rules')).body;
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const changed = { ...rules, sources: { ads: 100 } };
    expect((await apiAs(t.app, rep.headers).put('/api/v1/scoring/rules', changed)).status).toBe(
      403,
    );
    expect((await api.put('/api/v1/scoring/rules', changed)).status).toBe(200);
    focus = await api.get('/api/v1/focus');
    expect(focus.body.leads.map((l: { id: string }) => l.id)).toEqual([cold.id, warm.id]);

    const bad = await api.put('/api/v1/scoring/rules', { ...rules, recentActivityDays: 0 });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'recentActivityDays']);
  });

  it('shows a rep only their own deals, and the model only to admins and managers', async () => {
    const { workspaceId, api } = await setup();
    await t.db
      .updateTable('workspaces')
      .set({ deal_visibility: 'own' })
      .where('id', '=', workspaceId)
      .execute();
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const repApi = apiAs(t.app, rep.headers);
    await dealFactory(api, { title: 'Admin’s' });
    const mine = await dealFactory(api, { title: 'Rep’s', ownerId: rep.id });
    const focus = await repApi.get('/api/v1/focus');
    expect(focus.body.deals.map((d: { id: string }) => d.id)).toEqual([mine.id]);
    expect((await repApi.get('/api/v1/scoring/model')).status).toBe(403);
  });

  it('gives the same scores twice for the same history', async () => {
    const { api } = await setup();
    await dealFactory(api, { source: 'Referral' });
    const a = (await api.get('/api/v1/focus')).body;
    const b = (await api.get('/api/v1/focus')).body;
    expect(b.deals).toEqual(a.deals);
  });
});
