import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
let admin: Api, manager: Api, rep: Api, other: Api;
let repUser: TestUser, otherUser: TestUser;

beforeAll(async () => {
  t = await createTestApp({ PIPEWRIGHT_PUBLIC_URL: 'https://crm.example.vn' });
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  const managerUser = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  repUser = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  otherUser = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  manager = apiAs(t.app, managerUser.headers);
  rep = apiAs(t.app, repUser.headers);
  other = apiAs(t.app, otherUser.headers);
  await admin.post('/api/v1/teams', {
    name: 'Hà Nội',
    managerId: managerUser.id,
    memberIds: [repUser.id],
  });
  await t.db
    .updateTable('users')
    .set({ timezone: 'Asia/Ho_Chi_Minh' })
    .where('id', '=', repUser.id)
    .execute();
});
afterAll(() => t?.close());

const subjects = (res: { body: { data: Array<{ subject: string }> } }) =>
  res.body.data.map((a) => a.subject);

describe('calendar', () => {
  it('returns an activity due at local midnight on that local day, not the one before', async () => {
    // 00:00 on 10 March in Ho Chi Minh City is 17:00 UTC on the 9th.
    const created = await rep.post('/api/v1/activities', {
      type: 'call',
      subject: 'midnight call',
      dueAt: '2026-03-10T00:00:00+07:00',
    });
    expect(created.body.dueAt).toBe('2026-03-09T17:00:00.000Z');
    const day10 = await rep.get(
      '/api/v1/calendar?from=2026-03-10T00:00:00%2B07:00&to=2026-03-11T00:00:00%2B07:00',
    );
    expect(day10.status).toBe(200);
    expect(subjects(day10)).toContain('midnight call');
    const day9 = await rep.get(
      '/api/v1/calendar?from=2026-03-09T00:00:00%2B07:00&to=2026-03-10T00:00:00%2B07:00',
    );
    expect(subjects(day9)).not.toContain('midnight call');
  });

  it('shows the caller’s own by default; managers may ask for a visible owner', async () => {
    await other.post('/api/v1/activities', {
      type: 'task',
      subject: 'other’s task',
      dueAt: '2026-03-12T03:00:00Z',
    });
    const range = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    expect(subjects(await rep.get(`/api/v1/calendar?${range}`))).toEqual(['midnight call']);
    expect((await rep.get(`/api/v1/calendar?${range}&ownerId=${otherUser.id}`)).status).toBe(403);
    const mine = await manager.get(`/api/v1/calendar?${range}&ownerId=${repUser.id}`);
    expect(subjects(mine)).toEqual(['midnight call']);
    // The other rep is in none of the manager's teams.
    expect((await manager.get(`/api/v1/calendar?${range}&ownerId=${otherUser.id}`)).status).toBe(
      404,
    );
    expect(subjects(await admin.get(`/api/v1/calendar?${range}&ownerId=${otherUser.id}`))).toEqual([
      'other’s task',
    ]);
  });

  it('refuses ranges that are empty, reversed or longer than 62 days', async () => {
    for (const query of [
      'from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z',
      'from=2026-03-01T00:00:00Z&to=2026-05-03T00:00:00Z',
      'from=2026-03-01T00:00:00Z&to=2026-03-02',
    ]) {
      const res = await rep.get(`/api/v1/calendar?${query}`);
      expect([res.status, res.body.error.field], query).toEqual([400, 'to']);
    }
    expect(
      (await rep.get('/api/v1/calendar?from=2026-03-01T00:00:00Z&to=2026-05-02T00:00:00Z')).status,
    ).toBe(200);
  });
});

describe('ICS feed', () => {
  it('publishes the caller’s activities to any calendar app until revoked', async () => {
    const deal = await dealFactory(rep, { title: 'Phần mềm kho' });
    const meeting = await rep.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Demo, giá; bước tiếp',
      body: '**Chuẩn bị** bảng giá\n\n- mang hợp đồng',
      dueAt: '2026-03-10T02:00:00Z',
      durationMinutes: 60,
      dealId: deal.id,
    });
    // All-day: stored at the owner's local midnight of that day.
    const allDay = await rep.post('/api/v1/activities', {
      type: 'task',
      subject: 'Gửi báo giá',
      dueAt: '2026-03-11T00:00:00+07:00',
      allDay: true,
    });
    const done = await rep.post('/api/v1/activities', {
      type: 'call',
      subject: 'đã gọi',
      dueAt: '2026-03-05T02:00:00Z',
      done: true,
    });

    const feed = await rep.post('/api/v1/calendar/feed');
    expect(feed.status).toBe(200);
    expect(feed.body.url).toMatch(/^https:\/\/crm\.example\.vn\/ics\/ics_[\w-]+$/);
    const path = new URL(feed.body.url).pathname;
    // The feed covers 30 days back to a year ahead of the moment it is read.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T00:00:00Z') });
    const res = await t.app.inject({ method: 'GET', url: path });
    vi.useRealTimers();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toContain('\r\nX-WR-CALNAME:');

    const parsed = ical.sync.parseICS(res.body);
    const event = (id: string) => {
      const e = parsed[`${id}@pipewright`];
      if (e?.type !== 'VEVENT') throw new Error(`no event for ${id}`);
      return e;
    };
    const m = event(meeting.body.id);
    expect(m.start.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(m.end?.toISOString()).toBe('2026-03-10T03:00:00.000Z');
    expect(String(m.summary)).toBe('Meeting: Demo, giá; bước tiếp');
    expect(String(m.description)).toContain('Chuẩn bị bảng giá');
    expect(String(m.url)).toBe(`https://crm.example.vn/deals/${deal.id}`);
    const a = event(allDay.body.id);
    expect(a.datetype).toBe('date');
    expect(res.body).toContain('DTSTART;VALUE=DATE:20260311');
    expect(String(event(done.body.id).summary)).toBe('✓ Call: đã gọi');

    // Rotating replaces the secret; revoking ends the feed.
    const rotated = await rep.post('/api/v1/calendar/feed');
    expect(rotated.body.url).not.toBe(feed.body.url);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const newPath = new URL(rotated.body.url).pathname;
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await rep.delete('/api/v1/calendar/feed')).status).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/ics/nonsense' })).statusCode).toBe(404);
  });
});
