import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { companyFactory, contactFactory, dealFactory } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
let admin: Api, repA: Api, repB: Api;
let repAUser: TestUser, repBUser: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  // Reps outside any team under the default 'team' visibility: each sees only their own.
  repAUser = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  repBUser = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  repA = apiAs(t.app, repAUser.headers);
  repB = apiAs(t.app, repBUser.headers);
});
afterAll(() => t?.close());

const lastActivityAt = async (dealId: string) =>
  (
    await t.db
      .selectFrom('deals')
      .select('last_activity_at')
      .where('id', '=', dealId)
      .executeTakeFirstOrThrow()
  ).last_activity_at;

describe('activities', () => {
  it('creates one with defaults, a sanitized body and its links', async () => {
    const deal = await dealFactory(repA);
    const res = await repA.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Demo cho khách',
      body: '**Agenda** <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))',
      dueAt: '2026-03-10T09:00:00+07:00',
      durationMinutes: 60,
      dealId: deal.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'meeting',
      subject: 'Demo cho khách',
      dueAt: '2026-03-10T02:00:00.000Z',
      allDay: false,
      durationMinutes: 60,
      ownerId: repAUser.id,
      done: false,
      doneAt: null,
      dealId: deal.id,
      dealTitle: deal.title,
      version: 1,
    });
    expect(res.body.body).toContain('<script>');
    expect(res.body.bodyHtml).toContain('<strong>Agenda</strong>');
    expect(res.body.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
    expect((await repA.get(`/api/v1/activities/${res.body.id}`)).body).toEqual(res.body);
  });

  it('names the offending field on bad input', async () => {
    const theirs = await dealFactory(repB);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'call', subject: 'x', durationMinutes: 30 }, 'durationMinutes'],
      [{ type: 'visit', subject: 'x' }, 'type'],
      [{ type: 'call', subject: '' }, 'subject'],
      [{ type: 'call', subject: 'x', dueAt: '2026-03-10' }, 'dueAt'],
      [{ type: 'call', subject: 'x', dealId: crypto.randomUUID() }, 'dealId'],
      [{ type: 'call', subject: 'x', dealId: theirs.id }, 'dealId'],
      [{ type: 'call', subject: 'x', contactId: crypto.randomUUID() }, 'contactId'],
      [{ type: 'call', subject: 'x', companyId: crypto.randomUUID() }, 'companyId'],
      [{ type: 'call', subject: 'x', ownerId: crypto.randomUUID() }, 'ownerId'],
    ];
    for (const [body, field] of cases) {
      const res = await repA.post('/api/v1/activities', body);
      expect([res.status, res.body.error.field], JSON.stringify(body)).toEqual([400, field]);
    }
    const own = await repA.post('/api/v1/activities', { type: 'call', subject: 'x' });
    const res = await repA.patch(`/api/v1/activities/${own.body.id}`, {
      version: 1,
      durationMinutes: 15,
    });
    expect([res.status, res.body.error.field]).toEqual([400, 'durationMinutes']);
  });

  it('is visible to its owner’s viewers or through its deal, else a 404', async () => {
    const deal = await dealFactory(repA);
    const onDeal = await admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'admin called the client',
      dealId: deal.id,
    });
    const unlinked = await admin.post('/api/v1/activities', {
      type: 'task',
      subject: 'admin only',
    });
    expect((await repA.get(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(200);
    expect((await repA.get(`/api/v1/activities/${unlinked.body.id}`)).status).toBe(404);
    expect((await repB.get(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(404);
    const list = (await repB.get('/api/v1/activities?limit=200')).body.data;
    expect(list.map((a: { id: string }) => a.id)).not.toContain(onDeal.body.id);
    // Seen through the deal, but not theirs to delete.
    expect((await repA.delete(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(403);
    expect((await repB.delete(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/activities/${onDeal.body.id}`)).status).toBe(404);
  });

  it('sets and clears doneAt, and refuses a stale version with 409', async () => {
    const created = await repA.post('/api/v1/activities', { type: 'task', subject: 'Gửi báo giá' });
    const done = await repA.patch(`/api/v1/activities/${created.body.id}`, {
      version: 1,
      done: true,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    expect(done.body.doneAt).not.toBeNull();
    const stale = await repA.patch(`/api/v1/activities/${created.body.id}`, {
      version: 1,
      subject: 'late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: 2 });
    const undone = await repA.patch(`/api/v1/activities/${created.body.id}`, {
      version: 2,
      done: false,
    });
    expect(undone.body).toMatchObject({ done: false, doneAt: null, version: 3 });
  });

  it('moves the deal’s last activity time forward when work is logged or completed', async () => {
    const deal = await dealFactory(repA);
    expect(await lastActivityAt(deal.id)).toBeNull();
    const task = await repA.post('/api/v1/activities', {
      type: 'task',
      subject: 'open task',
      dealId: deal.id,
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(await lastActivityAt(deal.id)).toBeNull();
    // Notes and logged emails are done when written.
    const note = await repA.post('/api/v1/activities', {
      type: 'note',
      subject: 'Khách hỏi về bảo hành',
      dealId: deal.id,
    });
    expect(note.body.done).toBe(true);
    expect((await lastActivityAt(deal.id))?.toISOString()).toBe(note.body.doneAt);
    const completed = await repA.patch(`/api/v1/activities/${task.body.id}`, {
      version: 1,
      done: true,
    });
    expect((await lastActivityAt(deal.id))?.toISOString()).toBe(completed.body.doneAt);
    // Undoing does not move it back: the work did happen.
    await repA.patch(`/api/v1/activities/${task.body.id}`, { version: 2, done: false });
    expect((await lastActivityAt(deal.id))?.toISOString()).toBe(completed.body.doneAt);
  });

  it('lists by due time with filters and a keyset cursor, undated last', async () => {
    const deal = await dealFactory(repA);
    const dues = ['2026-04-03T00:00:00Z', null, '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z'];
    for (const [i, dueAt] of dues.entries()) {
      await repA.post('/api/v1/activities', {
        type: 'call',
        subject: `call ${i}`,
        dealId: deal.id,
        dueAt,
      });
    }
    await repA.post('/api/v1/activities', { type: 'email', subject: 'sent', dealId: deal.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `dealId=${deal.id}&type=call&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await repA.get(`/api/v1/activities?${query}`)).body;
      seen.push(...page.data.map((a: { subject: string }) => a.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['call 2', 'call 3', 'call 0', 'call 1']);
    const ranged = (
      await repA.get(
        `/api/v1/activities?dealId=${deal.id}&dueFrom=2026-04-02T00:00:00Z&dueTo=2026-04-03T00:00:00Z`,
      )
    ).body.data;
    expect(ranged.map((a: { subject: string }) => a.subject)).toEqual(['call 3']);
    const done = (await repA.get(`/api/v1/activities?dealId=${deal.id}&done=true`)).body.data;
    expect(done.map((a: { subject: string }) => a.subject)).toEqual(['sent']);
    expect((await repA.get('/api/v1/activities?done=maybe')).body.error.field).toBe('done');
  });
});

describe('next step on deals', () => {
  it('is the earliest open dated activity; an open deal without one has no next step', async () => {
    const deal = await dealFactory(repA);
    expect(deal).toMatchObject({ nextActivity: null, noNextStep: true });
    await repA.post('/api/v1/activities', { type: 'task', subject: 'undated', dealId: deal.id });
    const later = await repA.post('/api/v1/activities', {
      type: 'call',
      subject: 'later',
      dealId: deal.id,
      dueAt: '2026-05-02T03:00:00Z',
    });
    const sooner = await repA.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'sooner',
      dealId: deal.id,
      dueAt: '2026-05-01T03:00:00Z',
      allDay: true,
    });
    const read = (await repA.get(`/api/v1/deals/${deal.id}`)).body;
    expect(read.nextActivity).toEqual({
      id: sooner.body.id,
      type: 'meeting',
      subject: 'sooner',
      dueAt: '2026-05-01T03:00:00.000Z',
      allDay: true,
    });
    expect(read.noNextStep).toBe(false);
    await repA.patch(`/api/v1/activities/${sooner.body.id}`, { version: 1, done: true });
    const listed = (await repA.get('/api/v1/deals?limit=200')).body.data.find(
      (d: { id: string }) => d.id === deal.id,
    );
    expect(listed.nextActivity.id).toBe(later.body.id);
    const board = (await repA.get(`/api/v1/pipelines/${deal.pipelineId}/board`)).body;
    const card = board.columns
      .flatMap((c: { deals: unknown[] }) => c.deals)
      .find((d: { id: string }) => d.id === deal.id);
    expect(card.nextActivity.id).toBe(later.body.id);
    const lost = await repA.patch(`/api/v1/deals/${deal.id}`, { version: 1, status: 'lost' });
    expect(lost.body.noNextStep).toBe(false);
  });
});

describe('timelines', () => {
  it('mixes a deal’s history with its activities, newest first', async () => {
    const company = await companyFactory(repA);
    const contact = await contactFactory(repA);
    const deal = await dealFactory(repA, { companyId: company.id });
    const note = await repA.post('/api/v1/activities', {
      type: 'note',
      subject: 'first note',
      dealId: deal.id,
    });
    await repA.patch(`/api/v1/deals/${deal.id}`, { version: 1, value: 5 });
    const planned = await repA.post('/api/v1/activities', {
      type: 'call',
      subject: 'planned',
      dealId: deal.id,
      contactId: contact.id,
      dueAt: '2099-01-01T00:00:00Z',
    });
    const own = await repA.post('/api/v1/activities', {
      type: 'email',
      subject: 'to the company',
      companyId: company.id,
    });
    const res = await repA.get(`/api/v1/deals/${deal.id}/timeline`);
    expect(res.status).toBe(200);
    const kinds = res.body.data.map(
      (e: { kind: string; event?: { type: string }; activity?: { subject: string } }) =>
        e.kind === 'event' ? e.event?.type : e.activity?.subject,
    );
    expect(kinds).toEqual(['planned', 'value', 'first note', 'created']);
    expect((await repB.get(`/api/v1/deals/${deal.id}/timeline`)).status).toBe(404);

    const ofContact = (await repA.get(`/api/v1/contacts/${contact.id}/timeline`)).body.data;
    expect(ofContact.map((e: { activity: { id: string } }) => e.activity.id)).toEqual([
      planned.body.id,
    ]);
    const ofCompany = (await repA.get(`/api/v1/companies/${company.id}/timeline`)).body.data;
    expect(ofCompany.map((e: { activity: { id: string } }) => e.activity.id)).toEqual([
      planned.body.id,
      own.body.id,
      note.body.id,
    ]);
    expect((await repA.get(`/api/v1/companies/${crypto.randomUUID()}/timeline`)).status).toBe(404);
  });
});
