import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverReminder,
  sweepDueReminders,
} from '../../src/server/modules/notifications/reminders.js';
import { apiAs } from '../helpers/api.js';
import { dealFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function activity(workspaceId: string, ownerId: string, dueAt: Date, dealId?: string) {
  const row = await t.db
    .insertInto('activities')
    .values({
      workspace_id: workspaceId,
      type: 'call',
      subject: `Call due ${dueAt.toISOString()}`,
      due_at: dueAt,
      owner_id: ownerId,
      deal_id: dealId ?? null,
    })
    .returning(['id', 'due_at'])
    .executeTakeFirstOrThrow();
  return { activityId: row.id, dueAt: (row.due_at as Date).toISOString() };
}

const notificationsOf = (activityId: string) =>
  t.db.selectFrom('notifications').selectAll().where('activity_id', '=', activityId).execute();

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('reminder delivery', () => {
  it('rings once for an activity that fell due, however often the job runs', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const job = await activity(workspaceId, admin.id, minutesAgo(1));
    expect(await deliverReminder(t.db, job)).toBe(true);
    expect(await deliverReminder(t.db, job)).toBe(false);
    await Promise.all([deliverReminder(t.db, job), deliverReminder(t.db, job)]);
    const rows = await notificationsOf(job.activityId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.user_id).toBe(admin.id);
  });

  it('does nothing for work done, rescheduled, deleted or not yet due', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const done = await activity(workspaceId, admin.id, minutesAgo(1));
    await t.db
      .updateTable('activities')
      .set({ done: true })
      .where('id', '=', done.activityId)
      .execute();
    const moved = await activity(workspaceId, admin.id, minutesAgo(1));
    await t.db
      .updateTable('activities')
      .set({ due_at: minutesAgo(-60) })
      .where('id', '=', moved.activityId)
      .execute();
    const deleted = await activity(workspaceId, admin.id, minutesAgo(1));
    await t.db.deleteFrom('activities').where('id', '=', deleted.activityId).execute();
    const future = await activity(workspaceId, admin.id, minutesAgo(-10));
    for (const job of [done, moved, deleted, future]) {
      expect(await deliverReminder(t.db, job)).toBe(false);
    }
  });

  it('sweeps up what fell due in the last two days and never rings twice', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const recent = await activity(workspaceId, admin.id, minutesAgo(30));
    const old = await activity(workspaceId, admin.id, minutesAgo(49 * 60));
    const later = await activity(workspaceId, admin.id, minutesAgo(-30));
    const rung = await activity(workspaceId, admin.id, minutesAgo(5));
    await deliverReminder(t.db, rung);
    await sweepDueReminders(t.db);
    await sweepDueReminders(t.db);
    expect(await notificationsOf(recent.activityId)).toHaveLength(1);
    expect(await notificationsOf(rung.activityId)).toHaveLength(1);
    expect(await notificationsOf(old.activityId)).toHaveLength(0);
    expect(await notificationsOf(later.activityId)).toHaveLength(0);
  });
});

describe('notifications API', () => {
  it('shows each person only their own bell, counts open work, and marks read', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    await t.db
      .updateTable('workspaces')
      .set({ deal_visibility: 'all' })
      .where('id', '=', workspaceId)
      .execute();
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const adminApi = apiAs(t.app, admin.headers);
    const repApi = apiAs(t.app, rep.headers);
    const deal = await dealFactory(adminApi, { title: 'Saigon Coffee renewal' });
    const a1 = await activity(workspaceId, rep.id, minutesAgo(10), deal.id);
    const a2 = await activity(workspaceId, rep.id, minutesAgo(5));
    const theirs = await activity(workspaceId, admin.id, minutesAgo(5));
    for (const job of [a1, a2, theirs]) {
      await deliverReminder(t.db, job);
      // Newest first is by the time the bell rang (to the millisecond; ties go by id): apart here.
      await new Promise((r) => setTimeout(r, 5));
    }

    expect((await repApi.get('/api/v1/notifications/count')).body).toEqual({ unread: 2 });
    const list = await repApi.get('/api/v1/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(2);
    expect(list.body.data.map((n: { activity: { id: string } }) => n.activity.id)).toEqual([
      a2.activityId,
      a1.activityId,
    ]);
    const first = list.body.data[1];
    expect(first.activity.overdue).toBe(true);
    // The deal is the admin's; this workspace shows every deal to everyone.
    expect(first.deal).toEqual({ id: deal.id, title: 'Saigon Coffee renewal' });

    // Done work stops counting on the bell but stays in the list.
    await t.db
      .updateTable('activities')
      .set({ done: true })
      .where('id', '=', a2.activityId)
      .execute();
    expect((await repApi.get('/api/v1/notifications/count')).body.unread).toBe(1);
    expect((await repApi.get('/api/v1/notifications?unread=true')).body.data).toHaveLength(1);

    // Someone else's ids are ignored, not an error and not a leak.
    const adminList = await adminApi.get('/api/v1/notifications');
    expect(adminList.body.data).toHaveLength(1);
    const foreign = await repApi.post('/api/v1/notifications/read', {
      ids: [adminList.body.data[0].id],
    });
    expect(foreign.body.marked).toBe(0);
    expect((await adminApi.get('/api/v1/notifications/count')).body.unread).toBe(1);

    expect((await repApi.post('/api/v1/notifications/read', {})).body.marked).toBe(2);
    expect((await repApi.get('/api/v1/notifications/count')).body.unread).toBe(0);
    const after = await repApi.get('/api/v1/notifications');
    expect(after.body.data.every((n: { read: boolean }) => n.read)).toBe(true);
  });

  it('hides the deal of a notification when the caller may not see that deal', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    await t.db
      .updateTable('workspaces')
      .set({ deal_visibility: 'own' })
      .where('id', '=', workspaceId)
      .execute();
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const deal = await dealFactory(apiAs(t.app, admin.headers), { title: 'Private' });
    const job = await activity(workspaceId, rep.id, minutesAgo(3), deal.id);
    await deliverReminder(t.db, job);
    const list = await apiAs(t.app, rep.headers).get('/api/v1/notifications');
    expect(list.body.data[0].deal).toBeNull();
  });

  it('pages with a cursor and names a bad query field', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    for (let i = 1; i <= 3; i++) {
      await deliverReminder(t.db, await activity(workspaceId, admin.id, minutesAgo(i)));
    }
    const page1 = await api.get('/api/v1/notifications?limit=2');
    expect(page1.body.data).toHaveLength(2);
    const page2 = await api.get(`/api/v1/notifications?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const ids = [...page1.body.data, ...page2.body.data].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(3);
    const bad = await api.get('/api/v1/notifications?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    const badIds = await api.post('/api/v1/notifications/read', { ids: ['nope'] });
    expect(badIds.status).toBe(400);
    expect(JSON.stringify(badIds.body)).toContain('ids');
  });
});
