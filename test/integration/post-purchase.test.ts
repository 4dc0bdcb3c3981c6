import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDueRenewals } from '../../src/server/modules/post-purchase/renewals.service.js';
import { apiAs, type Api } from '../helpers/api.js';
import { companyFactory, dealFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function setup() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  await t.db
    .updateTable('workspaces')
    .set({ timezone: 'Asia/Ho_Chi_Minh', default_currency: 'VND' })
    .where('id', '=', workspaceId)
    .execute();
  return { workspaceId, admin, api: apiAs(t.app, admin.headers) };
}

async function wonDeal(api: Api, body: Record<string, unknown> = {}) {
  const deal = await dealFactory(api, { value: 120_000_000, currency: 'VND', ...body });
  const won = await api.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, status: 'won' });
  if (won.status !== 200) throw new Error(JSON.stringify(won.body));
  return won.body;
}

const contractOf = (endsOn: string) => ({
  startsOn: '2026-01-01',
  endsOn,
  recurringValue: 10_000_000,
  recurringPeriod: 'month',
});

describe('contracts and onboarding', () => {
  it('records a won deal’s contract and refuses what does not add up', async () => {
    const { api } = await setup();
    const open = await dealFactory(api);
    expect(
      (await api.put(`/api/v1/deals/${open.id}/contract`, contractOf('2026-12-31'))).status,
    ).toBe(422);
    const deal = await wonDeal(api);
    const put = await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2026-12-31'));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      endsOn: '2026-12-31',
      recurringValue: 10_000_000,
      currency: 'VND',
    });
    const backwards = await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2025-12-31'));
    expect([backwards.status, backwards.body.error.field]).toEqual([400, 'endsOn']);
    const half = await api.put(`/api/v1/deals/${deal.id}/contract`, {
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      recurringValue: 5,
    });
    expect([half.status, half.body.error.field]).toEqual([400, 'recurringPeriod']);
  });

  it('starts onboarding once, in the Post-purchase pipeline, worth a year of the contract', async () => {
    const { api } = await setup();
    const deal = await wonDeal(api, { title: 'POS rollout' });
    await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2026-12-31'));
    const first = await api.post(`/api/v1/deals/${deal.id}/onboarding`);
    expect(first.body.created).toBe(true);
    const again = await api.post(`/api/v1/deals/${deal.id}/onboarding`);
    expect(again.body).toEqual({ dealId: first.body.dealId, created: false });
    const onboarding = (await api.get(`/api/v1/deals/${first.body.dealId}`)).body;
    const pipelines = (await api.get('/api/v1/pipelines')).body.data;
    const post = pipelines.find((p: { name: string }) => p.name === 'Post-purchase');
    expect(onboarding).toMatchObject({
      title: 'Onboarding: POS rollout',
      pipelineId: post.id,
      stageId: post.stages[0].id,
      value: 120_000_000,
    });
    const links = (await api.get(`/api/v1/deals/${deal.id}/links`)).body;
    expect(links.children).toEqual([
      {
        dealId: first.body.dealId,
        kind: 'onboarding',
        title: 'Onboarding: POS rollout',
        termEndsOn: null,
      },
    ]);
  });
});

describe('the after-the-win pipeline', () => {
  it('is the workspace’s choice: renaming it changes nothing, choosing another moves new work', async () => {
    const { api } = await setup();
    const pipelines = (await api.get('/api/v1/pipelines')).body.data;
    const post = pipelines.find((p: { name: string }) => p.name === 'Post-purchase');
    const sales = pipelines.find((p: { name: string }) => p.name === 'Sales');
    let ws = (await api.get('/api/v1/workspace')).body;
    expect(ws.postPurchasePipelineId).toBe(post.id);

    const renamed = await api.patch(`/api/v1/pipelines/${post.id}`, {
      version: post.version,
      name: 'Khách hàng',
    });
    expect(renamed.status).toBe(200);
    const first = await wonDeal(api);
    const onboarding = await api.post(`/api/v1/deals/${first.id}/onboarding`);
    expect((await api.get(`/api/v1/deals/${onboarding.body.dealId}`)).body.pipelineId).toBe(
      post.id,
    );

    const moved = await api.patch('/api/v1/workspace', {
      version: ws.version,
      postPurchasePipelineId: sales.id,
    });
    expect(moved.body.postPurchasePipelineId).toBe(sales.id);
    const second = await wonDeal(api);
    const next = await api.post(`/api/v1/deals/${second.id}/onboarding`);
    expect((await api.get(`/api/v1/deals/${next.body.dealId}`)).body.pipelineId).toBe(sales.id);

    ws = moved.body;
    const none = await api.patch('/api/v1/workspace', {
      version: ws.version,
      postPurchasePipelineId: null,
    });
    expect(none.body.postPurchasePipelineId).toBeNull();
    const third = await wonDeal(api);
    const refused = await api.post(`/api/v1/deals/${third.id}/onboarding`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Settings → Workspace/);

    const other = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    const foreign = (await other.get('/api/v1/pipelines')).body.data[0];
    const bad = await api.patch('/api/v1/workspace', {
      version: none.body.version,
      name: 'Should not stick',
      postPurchasePipelineId: foreign.id,
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'postPurchasePipelineId']);
    const after = (await api.get('/api/v1/workspace')).body;
    expect([after.name, after.version]).toEqual([none.body.name, none.body.version]);
  });
});

describe('renewals', () => {
  it('comes due the lead days before the end, at local midnight in Ho Chi Minh City, once', async () => {
    const { workspaceId, api } = await setup();
    const accountOwner = await userFactory(t.db, workspaceId, { role: 'rep' });
    const company = await companyFactory(api, { name: 'Sài Gòn Xanh', ownerId: accountOwner.id });
    const deal = await wonDeal(api, { title: 'CRM', companyId: company.id });
    await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2026-12-31'));
    const renewalsOf = () =>
      t.db
        .selectFrom('deal_links')
        .selectAll()
        .where('parent_deal_id', '=', deal.id)
        .where('kind', '=', 'renewal')
        .execute();
    // 60 days before 31 December is 1 November; 1 November begins at 17:00 UTC on 31 October.
    await createDueRenewals(t.db, new Date('2026-10-31T16:59:59Z'));
    expect(await renewalsOf()).toHaveLength(0);
    await createDueRenewals(t.db, new Date('2026-10-31T17:00:00Z'));
    await createDueRenewals(t.db, new Date('2026-11-02T00:00:00Z'));
    const links = await renewalsOf();
    expect(links).toHaveLength(1);
    const renewal = (await api.get(`/api/v1/deals/${links[0]?.deal_id}`)).body;
    const stages = (await api.get('/api/v1/pipelines')).body.data.find(
      (p: { name: string }) => p.name === 'Post-purchase',
    ).stages;
    expect(renewal).toMatchObject({
      title: 'Renewal: CRM',
      ownerId: accountOwner.id,
      companyId: company.id,
      stageId: stages.find((s: { name: string }) => s.name === 'Renewal due').id,
      expectedCloseDate: '2026-12-31',
      value: 120_000_000,
      source: 'Renewal',
    });
    const task = await t.db
      .selectFrom('activities')
      .select(['type', 'due_at', 'owner_id'])
      .where('deal_id', '=', renewal.id)
      .executeTakeFirstOrThrow();
    // 30 days before the end, 09:00 in Ho Chi Minh City = 02:00 UTC.
    expect(task).toEqual({
      type: 'task',
      due_at: new Date('2026-12-01T02:00:00Z'),
      owner_id: accountOwner.id,
    });
  });

  it('makes one renewal when two workers run at the same moment, and another for the next term', async () => {
    const { api } = await setup();
    const deal = await wonDeal(api);
    await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2026-12-31'));
    const now = new Date('2026-12-15T00:00:00Z');
    await Promise.all([
      createDueRenewals(t.db, now),
      createDueRenewals(t.db, now),
      createDueRenewals(t.db, now),
    ]);
    const count = async () =>
      (
        await t.db
          .selectFrom('deal_links')
          .select('deal_id')
          .where('parent_deal_id', '=', deal.id)
          .where('kind', '=', 'renewal')
          .execute()
      ).length;
    expect(await count()).toBe(1);
    await api.put(`/api/v1/deals/${deal.id}/contract`, {
      ...contractOf('2027-12-31'),
      startsOn: '2027-01-01',
    });
    await createDueRenewals(t.db, new Date('2027-11-15T00:00:00Z'));
    await createDueRenewals(t.db, new Date('2027-11-16T00:00:00Z'));
    expect(await count()).toBe(2);
  });
});

describe('expansion', () => {
  it('links an upsell to the won deal and stops suggesting that customer', async () => {
    const { api } = await setup();
    const company = await companyFactory(api, { name: 'Bến Thành Retail' });
    const deal = await wonDeal(api, { title: 'POS', companyId: company.id });
    // Won "now": live 0 days, so it is suggested only when asking for customers of 0+ days.
    const suggested = async (days: number) =>
      (await api.get(`/api/v1/expansion-suggestions?days=${days}`)).body.data.map(
        (s: { companyId: string }) => s.companyId,
      );
    expect(await suggested(90)).not.toContain(company.id);
    expect(await suggested(0)).toContain(company.id);
    const open = await dealFactory(api);
    expect((await api.post(`/api/v1/deals/${open.id}/expansion`, { title: 'More' })).status).toBe(
      422,
    );
    const upsell = await api.post(`/api/v1/deals/${deal.id}/expansion`, {
      title: 'Loyalty module',
      value: 30_000_000,
    });
    expect(upsell.status).toBe(201);
    expect(upsell.body).toMatchObject({
      companyId: company.id,
      source: 'Expansion',
      currency: 'VND',
    });
    const stages = (await api.get('/api/v1/pipelines')).body.data.find(
      (p: { name: string }) => p.name === 'Post-purchase',
    ).stages;
    expect(upsell.body.stageId).toBe(
      stages.find((s: { name: string }) => s.name.startsWith('Expansion')).id,
    );
    expect(await suggested(0)).not.toContain(company.id);
    const bad = await api.get('/api/v1/expansion-suggestions?days=-1');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'days']);
  });
});

describe('renewal rate and net revenue retention', () => {
  it('match the hand-computed numbers for a year with a churn, an expansion and a newcomer', async () => {
    const { api } = await setup();
    await api.put('/api/v1/exchange-rates', {
      rates: [{ currency: 'USD', date: '2025-01-01', rate: '25000' }],
    });
    const company = async (name: string) => (await companyFactory(api, { name })).id as string;
    const [a, b, c] = [await company('A'), await company('B'), await company('C')];
    const withContract = async (
      companyId: string,
      contract: Record<string, unknown>,
      currency = 'VND',
    ) => {
      const deal = await wonDeal(api, { companyId, currency });
      const res = await api.put(`/api/v1/deals/${deal.id}/contract`, contract);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return deal.id as string;
    };
    // A: 10,000,000 ₫ a month all year = 120,000,000 ₫ a year.
    const aDeal = await withContract(a, {
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      recurringValue: 10_000_000,
      recurringPeriod: 'month',
    });
    // B: $1,000.00 a year, ending 30 June (churns) = 25,000,000 ₫ at 25,000.
    const bDeal = await withContract(
      b,
      {
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
        recurringValue: 100_000,
        recurringPeriod: 'year',
      },
      'USD',
    );
    // A expands from March: 2,000,000 ₫ a month = 24,000,000 ₫ a year.
    await withContract(a, {
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      recurringValue: 2_000_000,
      recurringPeriod: 'month',
    });
    // C arrives in February: not in the starting cohort.
    await withContract(c, {
      startsOn: '2026-02-01',
      endsOn: '2027-01-31',
      recurringValue: 5_000_000,
      recurringPeriod: 'month',
    });

    await createDueRenewals(t.db, new Date('2026-11-15T00:00:00Z'));
    const renewalOf = async (parent: string) => {
      const link = await t.db
        .selectFrom('deal_links')
        .select('deal_id')
        .where('parent_deal_id', '=', parent)
        .where('kind', '=', 'renewal')
        .executeTakeFirstOrThrow();
      return (await api.get(`/api/v1/deals/${link.deal_id}`)).body;
    };
    const aRenewal = await renewalOf(aDeal);
    const bRenewal = await renewalOf(bDeal);
    await api.patch(`/api/v1/deals/${aRenewal.id}`, { version: aRenewal.version, status: 'won' });
    await api.patch(`/api/v1/deals/${bRenewal.id}`, { version: bRenewal.version, status: 'lost' });

    const report = await api.get('/api/v1/retention?from=2026-01-01&to=2026-12-31');
    expect(report.status).toBe(200);
    // Start: A 120,000,000 + B 25,000,000 = 145,000,000; end: A 120,000,000 + 24,000,000.
    expect(report.body).toEqual({
      renewals: { won: 1, lost: 1, rate: 0.5 },
      netRevenueRetention: {
        baseCurrency: 'VND',
        customers: 2,
        starting: 145_000_000,
        ending: 144_000_000,
        rate: 144 / 145,
        unconverted: [],
      },
    });
    const empty = await api.get('/api/v1/retention?from=2020-01-01&to=2020-12-31');
    expect(empty.body.renewals.rate).toBeNull();
    expect(empty.body.netRevenueRetention.rate).toBeNull();
    const bad = await api.get('/api/v1/retention?from=2026-12-31&to=2026-01-01');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'to']);
  });
});

describe('the renewal lead time', () => {
  it('is the workspace’s to set, and moves when renewals come due', async () => {
    const { api } = await setup();
    const ws = (await api.get('/api/v1/workspace')).body;
    expect(ws.renewalLeadDays).toBe(60);
    const set = await api.patch('/api/v1/workspace', { version: ws.version, renewalLeadDays: 10 });
    expect(set.body.renewalLeadDays).toBe(10);
    const bad = await api.patch('/api/v1/workspace', {
      version: set.body.version,
      renewalLeadDays: 0,
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'renewalLeadDays']);
    const deal = await wonDeal(api);
    await api.put(`/api/v1/deals/${deal.id}/contract`, contractOf('2026-12-31'));
    const count = async () =>
      (
        await t.db
          .selectFrom('deal_links')
          .select('deal_id')
          .where('parent_deal_id', '=', deal.id)
          .execute()
      ).length;
    // 10 days before 31 December is 21 December, from 17:00 UTC on the 20th in Ho Chi Minh City.
    await createDueRenewals(t.db, new Date('2026-12-20T16:59:00Z'));
    expect(await count()).toBe(0);
    await createDueRenewals(t.db, new Date('2026-12-20T17:00:00Z'));
    expect(await count()).toBe(1);
  });
});
