import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
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

const DAY = 86_400_000;
const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

type Attention = { id: string; title: string; flags: string[]; reasons: Array<{ flag: string }> };

async function setup() {
  const { admin, workspaceId } = await workspaceFactory(t.db);
  const api = apiAs(t.app, admin.headers);
  return { api, admin, workspaceId, sales: await salesPipeline(api) };
}

/** A scheduled, not-done activity: the deal has a next step. */
async function schedule(workspaceId: string, ownerId: string, dealId: string | null, dueAt: Date) {
  const row = await t.db
    .insertInto('activities')
    .values({
      workspace_id: workspaceId,
      type: 'call',
      subject: `Call ${dueAt.toISOString()}`,
      due_at: dueAt,
      owner_id: ownerId,
      deal_id: dealId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const attention = async (api: Api, query = ''): Promise<Attention[]> => {
  const res = await api.get(`/api/v1/attention${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const byTitle = (list: Attention[]) => Object.fromEntries(list.map((d) => [d.title, d.flags]));

describe('deals needing attention', () => {
  it('rot once more than the stage’s rotting days have passed, whole days counted', async () => {
    const { api, admin, workspaceId } = await setup(); // Prospecting rots after 14 days
    const fresh = await dealFactory(api, { title: 'Fresh' });
    const rotten = await dealFactory(api, { title: 'Rotten' });
    const revived = await dealFactory(api, { title: 'Revived' });
    for (const d of [fresh, rotten, revived]) {
      await schedule(workspaceId, admin.id, d.id, new Date(Date.now() + DAY));
    }
    const set = (id: string, values: { stage_entered_at: Date; last_activity_at?: Date }) =>
      t.db.updateTable('deals').set(values).where('id', '=', id).execute();
    await set(fresh.id, { stage_entered_at: ago(15 * DAY - MINUTE) }); // 14 whole days
    await set(rotten.id, { stage_entered_at: ago(15 * DAY + MINUTE) }); // 15 whole days
    await set(revived.id, { stage_entered_at: ago(40 * DAY), last_activity_at: ago(3 * DAY) });
    const list = await attention(api);
    expect(byTitle(list)).toEqual({ Rotten: ['rotting'] });
    expect(list[0]?.reasons).toEqual([{ flag: 'rotting', idleDays: 15, rottingDays: 14 }]);
  });

  it('flag a close date pushed later more often than the stage allows', async () => {
    const { api, admin, workspaceId, sales } = await setup();
    const prospecting = sales.stage('Prospecting').id;
    const stage = (await api.get(`/api/v1/pipelines/${sales.id}`)).body.stages[0];
    await api.patch(`/api/v1/stages/${prospecting}`, {
      version: stage.version,
      closeDatePushLimit: 1,
    });
    const move = async (deal: { id: string }, dates: string[]) => {
      let version = 1;
      for (const expectedCloseDate of dates) {
        const res = await api.patch(`/api/v1/deals/${deal.id}`, { version, expectedCloseDate });
        expect(res.status).toBe(200);
        version = res.body.version;
      }
    };
    const once = await dealFactory(api, { title: 'Once' });
    const twice = await dealFactory(api, { title: 'Twice' });
    for (const d of [once, twice])
      await schedule(workspaceId, admin.id, d.id, new Date(Date.now() + DAY));
    // Setting a first date is no push; moving it earlier is none either.
    await move(once, ['2099-01-10', '2099-01-20', '2099-01-05']);
    await move(twice, ['2099-01-10', '2099-01-20', '2099-01-05', '2099-02-01']);
    const list = await attention(api);
    expect(byTitle(list)).toEqual({ Twice: ['closeDatePushed'] });
    expect(list[0]?.reasons).toEqual([{ flag: 'closeDatePushed', pushes: 2, limit: 1 }]);
  });

  it('flag an overdue close date and a deal with no next step; done or undated activities are none', async () => {
    const { api, admin, workspaceId } = await setup();
    const overdue = await dealFactory(api, { title: 'Overdue', expectedCloseDate: '2020-01-01' });
    await schedule(workspaceId, admin.id, overdue.id, ago(DAY)); // overdue call: still a next step
    const idle = await dealFactory(api, { title: 'Idle' });
    const done = await schedule(workspaceId, admin.id, idle.id, new Date(Date.now() + DAY));
    await t.db.updateTable('activities').set({ done: true }).where('id', '=', done).execute();
    await t.db
      .insertInto('activities')
      .values({
        workspace_id: workspaceId,
        type: 'task',
        subject: 'Someday',
        owner_id: admin.id,
        deal_id: idle.id,
      })
      .execute();
    const won = await dealFactory(api, { title: 'Won', expectedCloseDate: '2020-01-01' });
    await api.patch(`/api/v1/deals/${won.id}`, { version: 1, status: 'won' });
    const list = await attention(api);
    expect(byTitle(list)).toEqual({ Overdue: ['closeDateOverdue'], Idle: ['noNextStep'] });
    expect(list.find((d) => d.title === 'Overdue')?.reasons[0]).toMatchObject({
      flag: 'closeDateOverdue',
      expectedCloseDate: '2020-01-01',
    });
  });

  it('go most promising first: the workspace currency by weighted value, then each other one', async () => {
    const { api, sales } = await setup(); // workspace currency USD
    const proposal = sales.stage('Proposal').id; // 60 %
    await dealFactory(api, { title: 'USD small', value: 1_000 }); // 10 % -> 100
    await dealFactory(api, { title: 'USD big', value: 1_000, stageId: proposal }); // 600
    await dealFactory(api, { title: 'VND', value: 900_000_000, currency: 'VND' });
    await dealFactory(api, { title: 'EUR', value: 5, currency: 'EUR', probability: 100 });
    const list = await attention(api);
    expect(list.map((d) => d.title)).toEqual(['USD big', 'USD small', 'EUR', 'VND']);
    expect(list[0]).toMatchObject({ value: 1_000, effectiveProbability: 60, weighted: 600 });
    const limited = (await api.get('/api/v1/attention?limit=1')).body;
    expect(limited).toMatchObject({ total: 4, data: [{ title: 'USD big' }] });
  });
});

describe('whose deals', () => {
  let api: Api;
  let manager: TestUser;
  let repA: TestUser;
  let repB: TestUser;
  let outsider: TestUser;
  let teamId: string;
  beforeAll(async () => {
    const ws = await setup();
    api = ws.api;
    const ws2 = (await api.get('/api/v1/workspace')).body;
    await api.patch('/api/v1/workspace', { version: ws2.version, dealVisibility: 'team' });
    manager = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
    repA = await userFactory(t.db, ws.workspaceId);
    repB = await userFactory(t.db, ws.workspaceId);
    outsider = await userFactory(t.db, ws.workspaceId);
    const team = await api.post('/api/v1/teams', {
      name: 'North',
      managerId: manager.id,
      memberIds: [repA.id, repB.id],
    });
    teamId = team.body.id;
    for (const u of [manager, repA, repB, outsider]) {
      await dealFactory(api, { title: `of ${u.id}`, ownerId: u.id });
    }
  });
  const titles = (list: Attention[]) => list.map((d) => d.title).sort();

  it('gives a rep their own list, even when they can see their teammates’ deals', async () => {
    expect(titles(await attention(apiAs(t.app, repA.headers)))).toEqual([`of ${repA.id}`]);
    const asked = await attention(apiAs(t.app, repA.headers), `?ownerId=${repB.id}`);
    expect(titles(asked)).toEqual([`of ${repB.id}`]);
  });

  it('gives a manager the team, filtered by owner or team within what they can see', async () => {
    const m = apiAs(t.app, manager.headers);
    expect(titles(await attention(m))).toEqual(
      [`of ${manager.id}`, `of ${repA.id}`, `of ${repB.id}`].sort(),
    );
    expect(titles(await attention(m, `?teamId=${teamId}`))).toEqual(
      [`of ${repA.id}`, `of ${repB.id}`].sort(),
    );
    expect(await attention(m, `?ownerId=${outsider.id}`)).toEqual([]);
  });
});
