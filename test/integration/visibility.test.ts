import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { companyFactory, dealFactory, salesPipeline } from '../helpers/factories.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
let admin: Api;
let manager: TestUser, repA: TestUser, repB: TestUser, loner: TestUser;
const deals: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  manager = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  repA = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  repB = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  loner = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  const team = await admin.post('/api/v1/teams', {
    name: 'Sài Gòn',
    managerId: manager.id,
    memberIds: [repA.id, repB.id],
  });
  expect(team.status).toBe(201);
  for (const [key, owner] of [
    ['a', repA],
    ['b', repB],
    ['loner', loner],
    ['manager', manager],
  ] as const) {
    deals[key] = await dealFactory(admin, { title: `deal of ${key}`, ownerId: owner.id });
  }
});
afterAll(() => t?.close());

const setVisibility = async (dealVisibility: string) => {
  const ws = (await admin.get('/api/v1/workspace')).body;
  const res = await admin.patch('/api/v1/workspace', { version: ws.version, dealVisibility });
  expect(res.status).toBe(200);
};

const visibleTitles = async (user: TestUser) =>
  (
    (await apiAs(t.app, user.headers).get('/api/v1/deals?sort=title&order=asc')).body
      .data as Array<{ title: string }>
  ).map((d) => d.title);

describe('record visibility', () => {
  it('under "own", a rep sees only their deals and gets 404 for a colleague’s', async () => {
    await setVisibility('own');
    expect(await visibleTitles(repA)).toEqual(['deal of a']);
    const res = await apiAs(t.app, repA.headers).get(`/api/v1/deals/${deals.b!.id}`);
    expect(res.status).toBe(404);
    const move = await apiAs(t.app, repA.headers).post(`/api/v1/deals/${deals.b!.id}/move`, {
      stageId: (await salesPipeline(admin)).stage('Proposal').id,
    });
    expect(move.status).toBe(404);
    expect(
      (await apiAs(t.app, repA.headers).get(`/api/v1/deals/${deals.b!.id}/history`)).status,
    ).toBe(404);
  });

  it('under "team", a rep sees their team; managers always see their teams; admins see all', async () => {
    await setVisibility('team');
    expect(await visibleTitles(repA)).toEqual(['deal of a', 'deal of b']);
    expect(await visibleTitles(loner)).toEqual(['deal of loner']);
    expect(await visibleTitles(manager)).toEqual(['deal of a', 'deal of b', 'deal of manager']);
    expect(await visibleTitles({ headers: (await adminUser()).headers } as TestUser)).toHaveLength(
      4,
    );
  });

  it('under "all", everyone sees every deal', async () => {
    await setVisibility('all');
    expect(await visibleTitles(loner)).toHaveLength(4);
    await setVisibility('team');
  });

  it('keeps board totals and search inside the caller’s view', async () => {
    await setVisibility('own');
    const sales = await salesPipeline(admin);
    const board = (await apiAs(t.app, repA.headers).get(`/api/v1/pipelines/${sales.id}/board`))
      .body;
    expect(board.columns[0].count).toBe(1);
    const hits = (await apiAs(t.app, repA.headers).get('/api/v1/search?q=deal')).body.data;
    expect(hits.map((h: { title: string }) => h.title)).toEqual(['deal of a']);
    await setVisibility('team');
  });

  it('stops a rep from changing settings, teams or pipelines (403)', async () => {
    const rep = apiAs(t.app, repA.headers);
    expect(
      (await rep.patch('/api/v1/workspace', { version: 1, dealVisibility: 'all' })).status,
    ).toBe(403);
    expect((await rep.post('/api/v1/teams', { name: 'Mine' })).status).toBe(403);
    expect((await rep.post('/api/v1/pipelines', { name: 'Mine' })).status).toBe(403);
  });

  it('isolates workspaces: another workspace’s deal or company is a 404', async () => {
    const company = await companyFactory(admin, { name: 'Private Co' });
    const other = await workspaceFactory(t.db);
    const stranger = apiAs(t.app, other.admin.headers);
    expect((await stranger.get(`/api/v1/deals/${deals.a!.id}`)).status).toBe(404);
    expect(
      (await stranger.patch(`/api/v1/deals/${deals.a!.id}`, { version: 1, title: 'x' })).status,
    ).toBe(404);
    expect((await stranger.delete(`/api/v1/deals/${deals.a!.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/companies/${company.id}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/deals')).body.data).toEqual([]);
    // Linking to a record of another workspace is refused as bad input, not silently done.
    const linked = await stranger.post('/api/v1/deals', { title: 'x', companyId: company.id });
    expect(linked.status).toBe(400);
    expect(linked.body.error.field).toBe('companyId');
  });
});

async function adminUser() {
  const token = (await admin.post('/api/v1/tokens', { name: 'x' })).body.token as string;
  return { headers: { authorization: `Bearer ${token}` } };
}
