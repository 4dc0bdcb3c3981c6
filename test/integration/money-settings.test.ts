import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function setup() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  await t.db
    .updateTable('workspaces')
    .set({ default_currency: 'VND' })
    .where('id', '=', workspaceId)
    .execute();
  const manager = await userFactory(t.db, workspaceId, { role: 'manager' });
  const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
  return {
    admin: apiAs(t.app, admin.headers),
    manager: apiAs(t.app, manager.headers),
    rep: apiAs(t.app, rep.headers),
    managerHeaders: manager.headers,
  };
}

describe('exchange rates', () => {
  it('stores exact decimal rates, replaces by currency and date, and lists newest first', async () => {
    const { admin, rep } = await setup();
    const put = await admin.put('/api/v1/exchange-rates', {
      rates: [
        { currency: 'USD', date: '2026-01-01', rate: '25000' },
        { currency: 'USD', date: '2026-02-01', rate: '25400.5' },
        { currency: 'EUR', date: '2026-01-15', rate: '27000.1234567891' },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ saved: 3 });
    const again = await admin.put('/api/v1/exchange-rates', {
      rates: [{ currency: 'USD', date: '2026-02-01', rate: '25410' }],
    });
    expect(again.status).toBe(200);
    const list = await rep.get('/api/v1/exchange-rates');
    expect(list.body).toEqual({
      baseCurrency: 'VND',
      data: [
        { currency: 'EUR', date: '2026-01-15', rate: '27000.1234567891' },
        { currency: 'USD', date: '2026-02-01', rate: '25410' },
        { currency: 'USD', date: '2026-01-01', rate: '25000' },
      ],
    });
    expect((await rep.get('/api/v1/exchange-rates?currency=EUR')).body.data).toHaveLength(1);
    expect((await admin.delete('/api/v1/exchange-rates/EUR/2026-01-15')).status).toBe(204);
    expect((await admin.delete('/api/v1/exchange-rates/EUR/2026-01-15')).status).toBe(404);
  });

  it('names the bad field and saves none of a batch with one bad rate', async () => {
    const { admin } = await setup();
    const cases: [unknown, string][] = [
      [{ rates: [{ currency: 'usd', date: '2026-01-01', rate: '1' }] }, 'rates.0.currency'],
      [{ rates: [{ currency: 'USD', date: '2026-02-30', rate: '1' }] }, 'rates.0.date'],
      [{ rates: [{ currency: 'USD', date: '2026-01-01', rate: '1,5' }] }, 'rates.0.rate'],
      [{ rates: [{ currency: 'USD', date: '2026-01-01', rate: '0.00' }] }, 'rates.0.rate'],
      [{ rates: [{ currency: 'XYZ', date: '2026-01-01', rate: '1' }] }, 'rates.0.currency'],
      [{ rates: [{ currency: 'VND', date: '2026-01-01', rate: '1' }] }, 'rates.0.currency'],
      [{ rates: [] }, 'rates'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.put('/api/v1/exchange-rates', body);
      expect([res.status, res.body.error.field], JSON.stringify(body)).toEqual([400, field]);
    }
    const mixed = await admin.put('/api/v1/exchange-rates', {
      rates: [
        { currency: 'USD', date: '2026-03-01', rate: '25000' },
        { currency: 'USD', date: '2026-03-01', rate: '25100' },
      ],
    });
    expect([mixed.status, mixed.body.error.field]).toEqual([400, 'rates.1']);
    expect((await admin.get('/api/v1/exchange-rates')).body.data).toEqual([]);
  });

  it('lets only admins change rates, in Vietnamese too', async () => {
    const { managerHeaders } = await setup();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/exchange-rates',
      headers: { ...managerHeaders, 'accept-language': 'vi' },
      payload: { rates: [{ currency: 'USD', date: '2026-01-01', rate: '25000' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Chỉ quản trị viên được thay đổi tỷ giá');
  });
});

describe('marketing spend', () => {
  it('records spend per channel and month, one spelling per channel, all or none', async () => {
    const { manager, rep } = await setup();
    const put = await manager.put('/api/v1/marketing-spend', {
      entries: [
        { channel: 'Ads', month: '2026-01', amount: 50_000_000, currency: 'VND' },
        { channel: 'Ads', month: '2026-02', amount: 1_250_00, currency: 'USD' },
        { channel: 'Events', month: '2026-02', amount: 0, currency: 'VND' },
      ],
    });
    expect(put.status).toBe(200);
    // A differently cased channel is the same channel: it replaces, and keeps the first spelling.
    await manager.put('/api/v1/marketing-spend', {
      entries: [{ channel: 'ads', month: '2026-01', amount: 60_000_000, currency: 'VND' }],
    });
    const list = await rep.get('/api/v1/marketing-spend?from=2026-01&to=2026-02');
    expect(list.body.data).toEqual([
      { channel: 'Ads', month: '2026-02', amount: 1_250_00, currency: 'USD' },
      { channel: 'Events', month: '2026-02', amount: 0, currency: 'VND' },
      { channel: 'Ads', month: '2026-01', amount: 60_000_000, currency: 'VND' },
    ]);
    expect((await rep.get('/api/v1/marketing-spend?from=2026-02')).body.data).toHaveLength(2);

    const bad = await manager.put('/api/v1/marketing-spend', {
      entries: [
        { channel: 'Referral', month: '2026-03', amount: 10, currency: 'VND' },
        { channel: 'Referral', month: '2026-13', amount: 10, currency: 'VND' },
      ],
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'entries.1.month']);
    const negative = await manager.put('/api/v1/marketing-spend', {
      entries: [{ channel: 'Referral', month: '2026-03', amount: -1, currency: 'VND' }],
    });
    expect([negative.status, negative.body.error.field]).toEqual([400, 'entries.0.amount']);
    expect((await rep.get('/api/v1/marketing-spend?from=2026-03')).body.data).toEqual([]);

    const forbidden = await rep.put('/api/v1/marketing-spend', {
      entries: [{ channel: 'Ads', month: '2026-03', amount: 1, currency: 'VND' }],
    });
    expect(forbidden.status).toBe(403);
    expect((await manager.delete('/api/v1/marketing-spend/2026-02/events')).status).toBe(204);
    expect((await manager.delete('/api/v1/marketing-spend/2026-02/events')).status).toBe(404);
  });

  it('keeps each workspace’s rates and spend to itself', async () => {
    const one = await setup();
    const two = await setup();
    await one.admin.put('/api/v1/exchange-rates', {
      rates: [{ currency: 'USD', date: '2026-01-01', rate: '25000' }],
    });
    await one.manager.put('/api/v1/marketing-spend', {
      entries: [{ channel: 'Ads', month: '2026-01', amount: 1, currency: 'VND' }],
    });
    expect((await two.admin.get('/api/v1/exchange-rates')).body.data).toEqual([]);
    expect((await two.admin.get('/api/v1/marketing-spend')).body.data).toEqual([]);
    expect((await two.admin.delete('/api/v1/exchange-rates/USD/2026-01-01')).status).toBe(404);
  });
});
