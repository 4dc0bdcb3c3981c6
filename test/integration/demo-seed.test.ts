import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { DEMO_PASSWORD, seedDemo, type DemoResult } from '../../src/demo/seed-demo.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-db.js';

const DEALS = 300;
const now = new Date('2025-03-01T04:00:00Z');

type HistoryEvent = {
  type: string;
  occurredAt: string;
  fromStageId: string | null;
  toStageId: string | null;
  fromValue: number | null;
  toValue: number | null;
  fromText: string | null;
  toText: string | null;
};

let t: TestApp;
let demo: DemoResult;
let cookies: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.db, { deals: DEALS, seed: 7, now });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'demo@pipewright.local', password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
});
afterAll(() => t?.close());

const get = async (url: string) => {
  const res = await t.app.inject({ url, cookies });
  expect(res.statusCode).toBe(200);
  return res.json();
};

async function dealRows(db: Kysely<DB>) {
  return db
    .selectFrom('deals')
    .innerJoin('stages', 'stages.id', 'deals.stage_id')
    .select([
      'deals.id',
      'deals.title',
      'deals.value_minor',
      'stages.name as stage',
      'deals.created_at',
      'deals.last_activity_at',
    ])
    .orderBy('deals.id')
    .execute();
}

async function activityRows(db: Kysely<DB>) {
  return db
    .selectFrom('activities')
    .select(['id', 'type', 'subject', 'body', 'due_at', 'all_day', 'done_at', 'deal_id'])
    .orderBy('id')
    .execute();
}

describe('seedDemo', () => {
  it('writes what it counts, in a demo workspace', async () => {
    const ws = demo.workspaceId;
    const count = async (
      table: 'users' | 'teams' | 'companies' | 'contacts' | 'deals' | 'deal_events' | 'activities',
    ) =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspace_id', '=', ws)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(demo.counts.deals).toBe(DEALS);
    expect(demo.counts).toEqual({
      users: await count('users'),
      teams: await count('teams'),
      companies: await count('companies'),
      contacts: await count('contacts'),
      deals: await count('deals'),
      events: await count('deal_events'),
      activities: await count('activities'),
    });
    const workspace = await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', ws)
      .executeTakeFirstOrThrow();
    expect(workspace).toMatchObject({
      is_demo: true,
      timezone: 'Asia/Ho_Chi_Minh',
      default_currency: 'VND',
    });
    await expect(seedDemo(t.db, { deals: 1, seed: 1 })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets the admin sign in and shows every deal on the Sales board', async () => {
    const me = await get('/api/v1/auth/me');
    expect(me).toMatchObject({ email: 'demo@pipewright.local' });
    const sales = await t.db
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', demo.workspaceId)
      .where('name', '=', 'Sales')
      .executeTakeFirstOrThrow();
    const board = await get(`/api/v1/pipelines/${sales.id}/board`);
    const counts: number[] = board.columns.map((c: { count: number }) => c.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(DEALS);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('keeps each deal equal to the replay of its history', async () => {
    const list = await get('/api/v1/deals?limit=100&sort=createdAt&order=desc');
    const sample = list.data.filter((_: unknown, i: number) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(10);
    for (const summary of sample) {
      const deal = await get(`/api/v1/deals/${summary.id}`);
      const { data: events } = (await get(`/api/v1/deals/${deal.id}/history`)) as {
        data: HistoryEvent[];
      };
      const [created, ...changes] = events;
      expect(created?.type).toBe('created');
      const state = {
        stageId: created?.toStageId,
        status: created?.toText,
        value: created?.toValue,
      };
      for (const e of changes) {
        expect(e.occurredAt <= now.toISOString()).toBe(true);
        if (e.type === 'stage') {
          expect(e.fromStageId).toBe(state.stageId);
          state.stageId = e.toStageId;
        } else if (e.type === 'status') {
          expect(e.fromText).toBe(state.status);
          state.status = e.toText;
        } else if (e.type === 'value') {
          expect(e.fromValue).toBe(state.value);
          state.value = e.toValue;
        }
      }
      expect(state).toEqual({ stageId: deal.stageId, status: deal.status, value: deal.value });
    }
  });

  it('keeps last_activity_at at the latest done activity, as the app computes it', async () => {
    const rows = await t.db
      .selectFrom('deals')
      .leftJoin('activities', (join) =>
        join.onRef('activities.deal_id', '=', 'deals.id').on('activities.done', '=', true),
      )
      .select((eb) => [
        'deals.id',
        'deals.last_activity_at',
        eb.fn.max('activities.done_at').as('latest'),
      ])
      .where('deals.workspace_id', '=', demo.workspaceId)
      .groupBy('deals.id')
      .execute();
    expect(rows).toHaveLength(DEALS);
    for (const r of rows) {
      expect(r.last_activity_at).not.toBeNull();
      expect(r.last_activity_at?.getTime()).toBe(new Date(r.latest as Date).getTime());
    }
    const late = await t.db
      .selectFrom('activities')
      .select('id')
      .where('workspace_id', '=', demo.workspaceId)
      .where((eb) => eb.or([eb('done_at', '>', now), eb('created_at', '>', now)]))
      .execute();
    expect(late).toEqual([]);
  });

  it('gives the admin a My day with work in it, and a needs-attention list', async () => {
    // The seed's `now` is in the past, so the admin's scheduled next steps are all overdue today.
    const day = await get('/api/v1/my-day');
    expect(day.dueToday.length + day.overdue.length).toBeGreaterThan(0);
    expect([...day.dueToday, ...day.overdue].some((a: { deal: unknown }) => a.deal)).toBe(true);
    const attention = await get('/api/v1/attention');
    expect(attention.total).toBeGreaterThan(0);
    expect(attention.data.length).toBeGreaterThan(0);
  });

  it('shows each open deal’s earliest not-done activity as its next step', async () => {
    const list = await get('/api/v1/deals?limit=100&status=open&sort=createdAt&order=desc');
    expect(list.data.length).toBeGreaterThan(20);
    let withNext = 0;
    for (const summary of list.data.slice(0, 40)) {
      const deal = await get(`/api/v1/deals/${summary.id}`);
      const next = await t.db
        .selectFrom('activities')
        .select(['id', 'subject', 'due_at', 'all_day'])
        .where('deal_id', '=', deal.id)
        .where('done', '=', false)
        .where('due_at', 'is not', null)
        .orderBy('due_at')
        .orderBy('id')
        .executeTakeFirst();
      if (!next) {
        expect(deal).toMatchObject({ nextActivity: null, noNextStep: true });
        continue;
      }
      withNext += 1;
      expect(deal.noNextStep).toBe(false);
      expect(deal.nextActivity).toMatchObject({
        id: next.id,
        subject: next.subject,
        dueAt: (next.due_at as Date).toISOString(),
        allDay: next.all_day,
      });
    }
    expect(withNext).toBeGreaterThan(15);
    expect(withNext).toBeLessThan(40);
  });

  it('makes the same deals from the same seed in another database', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await seedDemo(a.db, { deals: 120, seed: 11, now });
      await seedDemo(b.db, { deals: 120, seed: 11, now });
      const rows = await dealRows(a.db);
      expect(rows).toHaveLength(120);
      expect(await dealRows(b.db)).toEqual(rows);
      const activities = await activityRows(a.db);
      expect(activities.length).toBeGreaterThan(120);
      expect(await activityRows(b.db)).toEqual(activities);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
