import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../src/server/modules/leads/lead-capture.service.js';
import { apiAs } from '../helpers/api.js';
import { contactFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

let address = 0;
/** Each submission from its own address unless told, so the flood limit is tested on purpose. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

async function setup() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  const api = apiAs(t.app, admin.headers);
  const capture = await api.post('/api/v1/lead-capture');
  expect(capture.status).toBe(200);
  const formId = capture.body.formUrl.split('/').pop() as string;
  const send = (payload: unknown, key = capture.body.secret as string, from = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/capture/${formId}`,
      headers: { 'x-capture-key': key, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
      remoteAddress: from,
    });
  return { workspaceId, api, formId, secret: capture.body.secret as string, send };
}

const leadsOf = (workspaceId: string) =>
  t.db.selectFrom('leads').selectAll().where('workspace_id', '=', workspaceId).execute();

describe('lead capture endpoint', () => {
  it('takes a lead with the right key, and refuses a wrong or rotated one', async () => {
    const { workspaceId, api, send, secret } = await setup();
    const ok = await send({ name: 'Phạm Hà', email: 'ha@example.vn', message: 'Báo giá giúp em' });
    expect([ok.statusCode, ok.json()]).toEqual([200, { ok: true, outcome: 'created' }]);
    const [lead] = await leadsOf(workspaceId);
    expect(lead).toMatchObject({ name: 'Phạm Hà', source: 'Web form', created_via: 'capture' });
    expect(lead?.notes).toContain('Báo giá giúp em');

    expect((await send({ name: 'X' }, 'lc_wrong')).statusCode).toBe(401);
    const rotated = await api.post('/api/v1/lead-capture');
    expect((await send({ name: 'Y' }, secret)).statusCode).toBe(404);
    expect(rotated.body.secret).not.toBe(secret);
    expect(await leadsOf(workspaceId)).toHaveLength(1);
  });

  it('answers bad bodies precisely and stores nothing', async () => {
    const { workspaceId, send, formId } = await setup();
    const noName = await send({ email: 'a@b.vn' });
    expect([noName.statusCode, noName.json().error.field]).toEqual([400, 'name']);
    const badEmail = await send({ name: 'A', email: 'nope' });
    expect([badEmail.statusCode, badEmail.json().error.field]).toEqual([400, 'email']);
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/capture/${formId}`,
      headers: { 'x-capture-key': 'k', 'content-type': 'application/json' },
      payload: '{"name": ',
      remoteAddress: nextAddress(),
    });
    expect(malformed.statusCode).toBe(400);
    const huge = await send({ name: 'A', message: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    const noKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/capture/${formId}`,
      payload: { name: 'A' },
      remoteAddress: nextAddress(),
    });
    expect(noKey.statusCode).toBe(400);
    expect(await leadsOf(workspaceId)).toHaveLength(0);
  });

  it('ignores bots that fill the honeypot, thanking them all the same', async () => {
    const { workspaceId, send } = await setup();
    const bot = await send({ name: 'Buy now', url: 'http://spam.example' });
    expect(bot.json()).toEqual({ ok: true, outcome: 'ignored' });
    expect(await leadsOf(workspaceId)).toHaveLength(0);
  });

  it('merges a known sender into the open lead or the contact instead of duplicating', async () => {
    const { workspaceId, api, send } = await setup();
    await send({ name: 'Hà', email: 'ha@example.vn' });
    const again = await send({
      name: 'Hà',
      email: 'HA@example.vn',
      phone: '0903000111',
      message: 'Còn đó không?',
    });
    expect(again.json().outcome).toBe('merged-lead');
    const leads = await leadsOf(workspaceId);
    expect(leads).toHaveLength(1);
    expect(leads[0]?.phone).toBe('+84903000111');
    expect(leads[0]?.notes).toContain('Còn đó không?');

    const contact = await contactFactory(api, { name: 'Anh Tuấn', email: 'tuan@example.vn' });
    const known = await send({
      name: 'Tuấn',
      email: 'tuan@example.vn',
      message: 'Gia hạn hợp đồng',
    });
    expect(known.json().outcome).toBe('merged-contact');
    expect(await leadsOf(workspaceId)).toHaveLength(1);
    const notes = await t.db
      .selectFrom('activities')
      .select(['type', 'body'])
      .where('contact_id', '=', contact.id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain('Gia hạn hợp đồng');
  });

  it('stops a flood from one address with 429, storing nothing more', async () => {
    const { workspaceId, send } = await setup();
    for (let i = 0; i < CAPTURE_LIMITS.perAddress; i++) {
      expect((await send({ name: `Lead ${i}` }, undefined, '203.0.113.9')).statusCode).toBe(200);
    }
    const blocked = await send({ name: 'One too many' }, undefined, '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await send({ name: 'Someone else' }, undefined, '203.0.113.10')).statusCode).toBe(200);
    expect(await leadsOf(workspaceId)).toHaveLength(CAPTURE_LIMITS.perAddress + 1);
  });

  it('serves a hosted form that creates a lead, in Vietnamese when asked', async () => {
    const { workspaceId, formId } = await setup();
    const page = await t.app.inject({
      method: 'GET',
      url: `/capture/${formId}`,
      headers: { 'accept-language': 'vi' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Liên hệ với chúng tôi');
    const posted = await t.app.inject({
      method: 'POST',
      url: `/capture/${formId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        name: 'Võ Thị Mai',
        email: 'mai@example.vn',
        url: '',
      }).toString(),
      remoteAddress: nextAddress(),
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.body).toContain('Thank you');
    expect((await leadsOf(workspaceId)).map((l) => l.name)).toEqual(['Võ Thị Mai']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/capture/f_unknown_form_id' })).statusCode,
    ).toBe(404);
  });

  it('lets only admins manage capture', async () => {
    const { workspaceId } = await setup();
    const manager = await userFactory(t.db, workspaceId, { role: 'manager' });
    const api = apiAs(t.app, manager.headers);
    expect((await api.post('/api/v1/lead-capture')).status).toBe(403);
    expect((await api.get('/api/v1/lead-capture')).status).toBe(403);
  });
});
