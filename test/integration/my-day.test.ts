import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function setup() {
  const { admin, workspaceId } = await workspaceFactory(t.db);
  const api = apiAs(t.app, admin.headers);
  return { api, admin, workspaceId, sales: await salesPipeline(api) };
}

/** A not-done activity of `ownerId`, due at an exact instant. */
async function schedule(workspaceId: string, ownerId: string, dealId: string | null, dueAt: Date) {
  await t.db
    .insertInto('activities')
    .values({
      workspace_id: workspaceId,
      type: 'call',
      subject: `Call ${dueAt.toISOString()}`,
      due_at: dueAt,
      owner_id: ownerId,
      deal_id: dealId,
    })
    .execute();
}

describe('my day', () => {
  it('puts an activity due at 00:30 in Ho Chi Minh City on that day there, and on the day before in UTC', async () => {
    const { workspaceId } = await setup();
    const vietnam = await userFactory(t.db, workspaceId);
    const london = await userFactory(t.db, workspaceId);
    await t.db
      .updateTable('users')
      .set({ timezone: 'Asia/Ho_Chi_Minh' })
      .where('id', '=', vietnam.id)
      .execute();
    await t.db.updateTable('users').set({ timezone: 'UTC' }).where('id', '=', london.id).execute();
    const instant = new Date('2026-03-10T17:30:00Z');
    const midnight = new Date('2026-03-10T17:00:00Z'); // 00:00 on 11 March in Vietnam
    for (const u of [vietnam, london]) {
      await schedule(workspaceId, u.id, null, instant);
      await schedule(workspaceId, u.id, null, midnight);
    }
    const day = async (u: TestUser, date: string) => {
      const res = await apiAs(t.app, u.headers).get(`/api/v1/my-day?date=${date}`);
      expect(res.status).toBe(200);
      return {
        timeZone: res.body.timeZone,
        dueToday: res.body.dueToday.map((a: { dueAt: string }) => a.dueAt),
        overdue: res.body.overdue.map((a: { dueAt: string }) => a.dueAt),
      };
    };
    const both = [midnight.toISOString(), instant.toISOString()];
    expect(await day(vietnam, '2026-03-11')).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      dueToday: both,
      overdue: [],
    });
    expect(await day(vietnam, '2026-03-10')).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      dueToday: [],
      overdue: [],
    });
    expect(await day(london, '2026-03-10')).toEqual({
      timeZone: 'UTC',
      dueToday: both,
      overdue: [],
    });
    expect(await day(london, '2026-03-11')).toEqual({
      timeZone: 'UTC',
      dueToday: [],
      overdue: both,
    });
  });

  it('ranks by the deal’s value x probability, then due time; no deal last', async () => {
    const { api, admin, workspaceId, sales } = await setup(); // workspace zone Asia/Ho_Chi_Minh
    const small = await dealFactory(api, { title: 'Small', value: 100 }); // 10 %
    const big = await dealFactory(api, {
      title: 'Big',
      value: 100,
      stageId: sales.stage('Proposal').id, // 60 %
    });
    const at = (iso: string) => new Date(iso);
    await schedule(workspaceId, admin.id, null, at('2026-03-11T01:00:00Z'));
    await schedule(workspaceId, admin.id, small.id, at('2026-03-11T03:00:00Z'));
    await schedule(workspaceId, admin.id, small.id, at('2026-03-11T02:00:00Z'));
    await schedule(workspaceId, admin.id, big.id, at('2026-03-11T09:00:00Z'));
    await schedule(workspaceId, admin.id, small.id, at('2026-03-08T09:00:00Z'));
    const res = await api.get('/api/v1/my-day?date=2026-03-11');
    expect(res.status).toBe(200);
    type Row = { dueAt: string; deal: { title: string } | null };
    expect(res.body.dueToday.map((a: Row) => [a.deal?.title ?? null, a.dueAt])).toEqual([
      ['Big', '2026-03-11T09:00:00.000Z'],
      ['Small', '2026-03-11T02:00:00.000Z'],
      ['Small', '2026-03-11T03:00:00.000Z'],
      [null, '2026-03-11T01:00:00.000Z'],
    ]);
    expect(res.body.overdue).toHaveLength(1);
    expect(res.body.overdue[0]).toMatchObject({
      type: 'call',
      allDay: false,
      done: false,
      deal: { id: small.id, title: 'Small', value: 100, currency: 'USD', weighted: 10 },
    });
    // Both deals have a next step and nothing else is wrong: no attention.
    expect(res.body.attention).toEqual([]);
  });

  it('defaults to today in the caller’s zone and lists their deals needing attention', async () => {
    const { api } = await setup(); // workspace zone Asia/Ho_Chi_Minh
    await dealFactory(api, { title: 'Lonely' });
    const res = await api.get('/api/v1/my-day');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    expect(res.body).toMatchObject({ date: today, timeZone: 'Asia/Ho_Chi_Minh', dueToday: [] });
    expect(res.body.attention).toMatchObject([{ title: 'Lonely', flags: ['noNextStep'] }]);
  });

  it('refuses a date that is not one', async () => {
    const { api } = await setup();
    const res = await api.get('/api/v1/my-day?date=2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('date');
  });
});
