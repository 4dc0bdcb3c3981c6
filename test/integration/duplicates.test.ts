import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { companyFactory, contactFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('duplicate check for quick-add forms', () => {
  it('finds contacts by email and companies by domain or accent-folded name', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const lan = await contactFactory(api, { name: 'Nguyễn Thị Lan', email: 'lan@vinamilk.com.vn' });
    const vinamilk = await companyFactory(api, {
      name: 'Vinamilk',
      website: 'https://www.vinamilk.com.vn',
    });
    const dien = await companyFactory(api, { name: 'Điện Quang' });

    const byEmail = await api.get('/api/v1/duplicates?email=%20LAN@Vinamilk.com.vn%20');
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toEqual({
      contacts: [{ id: lan.id, name: 'Nguyễn Thị Lan', matchedOn: 'email' }],
      companies: [],
    });
    const byWebsite = await api.get('/api/v1/duplicates?website=vinamilk.com.vn/about');
    expect(byWebsite.body.companies).toEqual([
      { id: vinamilk.id, name: 'Vinamilk', matchedOn: 'domain' },
    ]);
    const byName = await api.get(`/api/v1/duplicates?name=${encodeURIComponent('dien quang')}`);
    expect(byName.body.companies).toEqual([{ id: dien.id, name: 'Điện Quang', matchedOn: 'name' }]);
    // A prefix is not a duplicate; nothing asked, nothing found.
    expect((await api.get('/api/v1/duplicates?name=Dien')).body.companies).toEqual([]);
    expect((await api.get('/api/v1/duplicates')).body).toEqual({ contacts: [], companies: [] });
  });

  it('stays inside the workspace and the caller’s view, and names an over-long field', async () => {
    const ws = await workspaceFactory(t.db);
    const api = apiAs(t.app, ws.admin.headers);
    const repA = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
    const repB = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
    await contactFactory(api, { name: 'Owned by B', email: 'b@example.vn', ownerId: repB.id });
    const shared = await contactFactory(api, {
      name: 'Unowned',
      email: 'shared@example.vn',
      ownerId: null,
    });
    const settings = (await api.get('/api/v1/workspace')).body;
    await api.patch('/api/v1/workspace', { version: settings.version, dealVisibility: 'own' });

    const rep = apiAs(t.app, repA.headers);
    expect((await rep.get('/api/v1/duplicates?email=b@example.vn')).body.contacts).toEqual([]);
    expect((await rep.get('/api/v1/duplicates?email=shared@example.vn')).body.contacts).toEqual([
      { id: shared.id, name: 'Unowned', matchedOn: 'email' },
    ]);
    expect((await api.get('/api/v1/duplicates?email=b@example.vn')).body.contacts).toHaveLength(1);

    const stranger = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    expect(
      (await stranger.get('/api/v1/duplicates?email=shared@example.vn')).body.contacts,
    ).toEqual([]);
    const long = await api.get(`/api/v1/duplicates?name=${'x'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('name');
  });
});
