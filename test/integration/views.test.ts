import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Api, manager: Api, repA: Api, repB: Api;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  manager = apiAs(t.app, (await userFactory(t.db, ws.workspaceId, { role: 'manager' })).headers);
  repA = apiAs(t.app, (await userFactory(t.db, ws.workspaceId, { role: 'rep' })).headers);
  repB = apiAs(t.app, (await userFactory(t.db, ws.workspaceId, { role: 'rep' })).headers);
});
afterAll(() => t?.close());

const config = {
  filters: { status: 'open', valueMin: 1000, q: 'phần mềm' },
  sort: 'value',
  order: 'desc',
  columns: ['title', 'value', 'currency', 'owner'],
};

describe('saved views', () => {
  it('creates a view with defaults filled in, reads it and lists it by name', async () => {
    const created = await repA.post('/api/v1/views', { name: 'Big open deals', config });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entity: 'deals',
      name: 'Big open deals',
      shared: false,
      canEdit: true,
      version: 1,
      config,
    });
    const minimal = await repA.post('/api/v1/views', { name: 'all deals', config: {} });
    expect(minimal.status).toBe(201);
    expect(minimal.body.config).toEqual({
      filters: {},
      sort: 'createdAt',
      order: 'desc',
      columns: expect.arrayContaining(['title', 'value', 'stage']),
    });
    expect((await repA.get(`/api/v1/views/${created.body.id}`)).body).toEqual(created.body);
    const list = (await repA.get('/api/v1/views?entity=deals')).body.data;
    expect(list.map((v: { name: string }) => v.name)).toEqual(['all deals', 'Big open deals']);
  });

  it('names the offending field on bad input', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '', config }, 'name'],
      [{ name: 'x' }, 'config'],
      [{ name: 'x', config: { ...config, sort: 'secret' } }, 'config.sort'],
      [{ name: 'x', config: { ...config, columns: ['title', 'password'] } }, 'config.columns.1'],
      [{ name: 'x', config: { ...config, columns: ['title', 'title'] } }, 'config.columns'],
      [{ name: 'x', config: { ...config, columns: [] } }, 'config.columns'],
      [{ name: 'x', config: { filters: { status: 'maybe' } } }, 'config.filters.status'],
      [{ name: 'x', config: { filters: { valueMin: '10' } } }, 'config.filters.valueMin'],
      [{ name: 'x', config: { filters: { ownerId: 'me' } } }, 'config.filters.ownerId'],
      [{ name: 'x', config: { filters: { cursor: 'abc' } } }, 'config.filters'],
      [{ name: 'x', config, entity: 'contacts' }, 'entity'],
    ];
    for (const [body, field] of cases) {
      const res = await repA.post('/api/v1/views', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await repA.get('/api/v1/views?entity=people')).body.error.field).toBe('entity');
  });

  it('keeps names unique per owner, ignoring case, and lets someone else reuse one', async () => {
    await repA.post('/api/v1/views', { name: 'Hot', config });
    const clash = await repA.post('/api/v1/views', { name: 'hot', config });
    expect(clash.status).toBe(409);
    expect(clash.body.error.field).toBe('name');
    expect((await repB.post('/api/v1/views', { name: 'Hot', config })).status).toBe(201);
    const other = (await repA.post('/api/v1/views', { name: 'Cold', config })).body;
    const rename = await repA.patch(`/api/v1/views/${other.id}`, { version: 1, name: 'HOT' });
    expect(rename.status).toBe(409);
    expect(rename.body.error.field).toBe('name');
  });

  it('updates with the version read, and refuses a stale one with 409', async () => {
    const view = (await repA.post('/api/v1/views', { name: 'Versioned', config })).body;
    const updated = await repA.patch(`/api/v1/views/${view.id}`, {
      version: 1,
      name: 'Versioned 2',
      config: { ...config, order: 'asc' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Versioned 2',
      version: 2,
      config: { order: 'asc' },
    });
    const stale = await repA.patch(`/api/v1/views/${view.id}`, { version: 1, name: 'Late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ field: 'version', details: { currentVersion: 2 } });
    expect((await repA.get(`/api/v1/views/${view.id}`)).body.name).toBe('Versioned 2');
  });

  it('keeps private views private: others get 404 for them', async () => {
    const view = (await repA.post('/api/v1/views', { name: 'Mine only', config })).body;
    for (const other of [repB, manager, admin]) {
      expect((await other.get(`/api/v1/views/${view.id}`)).status).toBe(404);
      expect(
        (await other.patch(`/api/v1/views/${view.id}`, { version: 1, name: 'x' })).status,
      ).toBe(404);
      expect((await other.delete(`/api/v1/views/${view.id}`)).status).toBe(404);
      const names = (await other.get('/api/v1/views')).body.data.map(
        (v: { name: string }) => v.name,
      );
      expect(names).not.toContain('Mine only');
    }
  });

  it('shows shared views to everyone; admins and managers may edit them, reps may not', async () => {
    const view = (await repA.post('/api/v1/views', { name: 'Team view', config, shared: true }))
      .body;
    const seenByB = await repB.get(`/api/v1/views/${view.id}`);
    expect(seenByB.status).toBe(200);
    expect(seenByB.body).toMatchObject({ shared: true, canEdit: false });
    expect(
      (await repB.patch(`/api/v1/views/${view.id}`, { version: 1, name: 'Mine' })).status,
    ).toBe(403);
    expect((await repB.delete(`/api/v1/views/${view.id}`)).status).toBe(403);

    expect((await manager.get(`/api/v1/views/${view.id}`)).body.canEdit).toBe(true);
    const renamed = await manager.patch(`/api/v1/views/${view.id}`, {
      version: 1,
      name: 'Team view (curated)',
      shared: true,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.ownerId).toBe(view.ownerId);
    // Unsharing hides the view from everyone but its owner, so only the owner decides that.
    const unshare = await admin.patch(`/api/v1/views/${view.id}`, { version: 2, shared: false });
    expect(unshare.status).toBe(403);
    expect((await admin.delete(`/api/v1/views/${view.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/views/${view.id}`)).status).toBe(404);
  });

  it('lets the owner unshare and delete, and isolates workspaces', async () => {
    const view = (
      await repA.post('/api/v1/views', { name: 'Shared then not', config, shared: true })
    ).body;
    const unshared = await repA.patch(`/api/v1/views/${view.id}`, { version: 1, shared: false });
    expect(unshared.body.shared).toBe(false);
    expect((await repB.get(`/api/v1/views/${view.id}`)).status).toBe(404);

    const shared = (
      await admin.post('/api/v1/views', { name: 'Company-wide', config, shared: true })
    ).body;
    const stranger = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    expect((await stranger.get(`/api/v1/views/${shared.id}`)).status).toBe(404);
    expect((await stranger.delete(`/api/v1/views/${shared.id}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/views')).body.data).toEqual([]);

    expect((await repA.delete(`/api/v1/views/${view.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/views/${view.id}`)).status).toBe(404);
  });
});
