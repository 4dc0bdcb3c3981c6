import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { companyFactory, contactFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function setup(visibility: 'all' | 'team' | 'own' = 'all') {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  await t.db
    .updateTable('workspaces')
    .set({ deal_visibility: visibility })
    .where('id', '=', workspaceId)
    .execute();
  const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
  const manager = await userFactory(t.db, workspaceId, { role: 'manager' });
  return {
    workspaceId,
    adminUser: admin,
    repUser: rep,
    admin: apiAs(t.app, admin.headers),
    rep: apiAs(t.app, rep.headers),
    manager: apiAs(t.app, manager.headers),
  };
}

async function newLead(api: Api, body: Record<string, unknown> = {}) {
  const res = await api.post('/api/v1/leads', { name: 'Nguyễn Văn An', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const count = async (table: 'companies' | 'contacts' | 'deals', workspaceId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('leads inbox', () => {
  it('creates, filters, searches without accents and pages newest first', async () => {
    const { admin } = await setup();
    const a = await newLead(admin, {
      email: ' An.Nguyen@Example.VN ',
      phone: '0903 123 456',
      companyName: 'Phú Hưng Foods',
      source: 'Referral',
    });
    expect(a).toMatchObject({
      email: 'an.nguyen@example.vn',
      phone: '+84903123456',
      status: 'new',
      createdVia: 'api',
    });
    await newLead(admin, { name: 'Trần Thị Bích', source: 'Ads' });
    await newLead(admin, { name: 'Lê Minh', source: 'ads', ownerId: null });
    expect((await admin.get('/api/v1/leads?source=ADS')).body.data).toHaveLength(2);
    expect((await admin.get('/api/v1/leads?ownerId=none')).body.data).toHaveLength(1);
    const found = await admin.get('/api/v1/leads?q=phu%20hung');
    expect(found.body.data.map((l: { id: string }) => l.id)).toEqual([a.id]);
    const page1 = await admin.get('/api/v1/leads?limit=2');
    expect(page1.body.data.map((l: { name: string }) => l.name)).toEqual([
      'Lê Minh',
      'Trần Thị Bích',
    ]);
    const page2 = await admin.get(`/api/v1/leads?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data.map((l: { name: string }) => l.name)).toEqual(['Nguyễn Văn An']);
    const bad = await admin.post('/api/v1/leads', { name: '', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(['name', 'email']).toContain(bad.body.error.field);
  });

  it('shows a rep their own leads and the unassigned inbox, not a colleague’s', async () => {
    const { admin, rep, repUser } = await setup('own');
    const mine = await newLead(admin, { name: 'Mine', ownerId: repUser.id });
    const inbox = await newLead(admin, { name: 'Inbox', ownerId: null });
    const theirs = await newLead(admin, { name: 'Theirs' });
    const ids = (await rep.get('/api/v1/leads')).body.data.map((l: { id: string }) => l.id);
    expect(ids.sort()).toEqual([mine.id, inbox.id].sort());
    expect((await rep.get(`/api/v1/leads/${theirs.id}`)).status).toBe(404);
    expect((await rep.delete(`/api/v1/leads/${inbox.id}`)).status).toBe(403);
  });

  it('records status changes with their reason, merges criteria per key, checks the version', async () => {
    const { admin } = await setup();
    const lead = await newLead(admin);
    const first = await admin.patch(`/api/v1/leads/${lead.id}`, {
      version: lead.version,
      status: 'qualifying',
      criteria: { budget: { state: 'yes', note: '500 triệu' } },
    });
    expect(first.status).toBe(200);
    const second = await admin.patch(`/api/v1/leads/${lead.id}`, {
      version: first.body.version,
      criteria: { need: { state: 'no' } },
    });
    expect(second.body.criteria).toEqual({
      budget: { state: 'yes', note: '500 triệu' },
      need: { state: 'no', note: '' },
    });
    const stale = await admin.patch(`/api/v1/leads/${lead.id}`, {
      version: lead.version,
      name: 'X',
    });
    expect([stale.status, stale.body.error.details]).toEqual([409, { currentVersion: 3 }]);
    const qualified = await admin.patch(`/api/v1/leads/${lead.id}`, {
      version: second.body.version,
      status: 'qualified',
    });
    expect([qualified.status, qualified.body.error.field]).toEqual([400, 'status']);
    await admin.patch(`/api/v1/leads/${lead.id}`, {
      version: second.body.version,
      status: 'disqualified',
      disqualifyReason: 'No budget this year',
    });
    const events = await t.db
      .selectFrom('lead_events')
      .select(['type', 'from_status', 'to_status', 'data'])
      .where('lead_id', '=', lead.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { type: 'created', from_status: null, to_status: 'new', data: null },
      { type: 'status', from_status: 'new', to_status: 'qualifying', data: null },
      {
        type: 'status',
        from_status: 'qualifying',
        to_status: 'disqualified',
        data: { reason: 'No budget this year' },
      },
    ]);
    const history = await admin.get(`/api/v1/leads/${lead.id}/events`);
    expect(
      history.body.data.map((e: Record<string, unknown>) => [
        e.type,
        e.fromStatus,
        e.toStatus,
        e.reason,
        e.actorName,
      ]),
    ).toEqual([
      ['created', null, 'new', null, 'Admin'],
      ['status', 'new', 'qualifying', null, 'Admin'],
      ['status', 'qualifying', 'disqualified', 'No budget this year', 'Admin'],
    ]);
    const stranger = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    expect((await stranger.get(`/api/v1/leads/${lead.id}/events`)).status).toBe(404);
  });
});

describe('qualification criteria', () => {
  it('starts with the five, lets admins rename them and require some', async () => {
    const { admin, manager } = await setup();
    const defaults = (await admin.get('/api/v1/lead-criteria')).body.data;
    expect(defaults.map((c: { key: string }) => c.key)).toEqual([
      'fit',
      'budget',
      'authority',
      'need',
      'timing',
    ]);
    const renamed = defaults.map((c: { key: string; label: string }) => ({
      ...c,
      label: c.key === 'budget' ? 'Ngân sách' : c.label,
      required: c.key === 'budget' || c.key === 'authority',
    }));
    const put = await admin.put('/api/v1/lead-criteria', { criteria: renamed });
    expect(put.status).toBe(200);
    expect(put.body.data[1]).toEqual({ key: 'budget', label: 'Ngân sách', required: true });
    expect((await manager.put('/api/v1/lead-criteria', { criteria: renamed })).status).toBe(403);
    const twice = [...renamed.slice(0, 4), renamed[0]];
    const dup = await admin.put('/api/v1/lead-criteria', { criteria: twice });
    expect([dup.status, dup.body.error.field]).toEqual([400, 'criteria']);
  });
});

describe('converting a lead', () => {
  it('makes a contact, a company and a deal in the first stage, in one go, once', async () => {
    const { admin, workspaceId } = await setup();
    const sales = await salesPipeline(admin);
    const lead = await newLead(admin, {
      email: 'an@phuhung.vn',
      companyName: 'Phú Hưng Foods',
      website: 'https://www.phuhung.vn',
      jobTitle: 'CFO',
      source: 'Referral',
    });
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      value: 150_000_000,
      currency: 'VND',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ companyCreated: true, contactCreated: true });
    expect(res.body.lead).toMatchObject({
      status: 'qualified',
      convertedDealId: res.body.dealId,
      convertedContactId: res.body.contactId,
      convertedCompanyId: res.body.companyId,
    });
    const deal = (await admin.get(`/api/v1/deals/${res.body.dealId}`)).body;
    expect(deal).toMatchObject({
      title: 'Phú Hưng Foods',
      stageId: sales.stages[0]?.id,
      value: 150_000_000,
      currency: 'VND',
      source: 'Referral',
      companyId: res.body.companyId,
    });
    const contact = (await admin.get(`/api/v1/contacts/${res.body.contactId}`)).body;
    expect(contact).toMatchObject({
      email: 'an@phuhung.vn',
      jobTitle: 'CFO',
      companyId: res.body.companyId,
    });
    const again = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      version: res.body.lead.version,
    });
    expect(again.status).toBe(409);
    expect(await count('deals', workspaceId)).toBe(1);
  });

  it('reuses the company with the same web domain and the contact with the same email', async () => {
    const { admin, workspaceId } = await setup();
    const company = await companyFactory(admin, { name: 'Gia Bảo Land', website: 'giabao.vn' });
    const contact = await contactFactory(admin, { name: 'Chị Lan', email: 'lan@giabao.vn' });
    const lead = await newLead(admin, {
      name: 'Lan',
      email: 'LAN@giabao.vn',
      companyName: 'Gia Bao Land JSC',
      website: 'http://giabao.vn/about',
    });
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.body).toMatchObject({
      companyId: company.id,
      contactId: contact.id,
      companyCreated: false,
      contactCreated: false,
    });
    expect(await count('companies', workspaceId)).toBe(1);
    expect(await count('contacts', workspaceId)).toBe(1);
  });

  it('refuses while a required criterion is not yes, naming it; managers may override', async () => {
    const { admin, rep, manager, repUser } = await setup();
    const criteria = (await admin.get('/api/v1/lead-criteria')).body.data.map(
      (c: { key: string }) => ({ ...c, required: c.key === 'budget' || c.key === 'authority' }),
    );
    await admin.put('/api/v1/lead-criteria', { criteria });
    const lead = await newLead(admin, {
      ownerId: repUser.id,
      criteria: { authority: { state: 'yes', note: 'CEO decides' } },
    });
    const refused = await rep.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      skipCriteria: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      field: 'criteria.budget',
      details: { missing: ['budget'] },
    });
    const viRefusal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      headers: { ...repUser.headers, 'accept-language': 'vi' },
      payload: { version: lead.version },
    });
    expect(viRefusal.json().error.message).toBe('Các tiêu chí đánh giá bắt buộc chưa được đáp ứng');
    const overridden = await manager.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      skipCriteria: true,
    });
    expect(overridden.status).toBe(200);
  });

  it('leaves everything as it was when the deal cannot be made', async () => {
    const { admin, workspaceId } = await setup();
    const sales = await salesPipeline(admin);
    const first = sales.stages[0] as { id: string };
    const stage = (await admin.get(`/api/v1/pipelines/${sales.id}`)).body.stages[0];
    const req = await admin.patch(`/api/v1/stages/${first.id}`, {
      version: stage.version,
      requiredFields: ['value'],
    });
    expect(req.status).toBe(200);
    const lead = await newLead(admin, { email: 'x@newco.vn', companyName: 'NewCo' });
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('stage_requirements');
    expect(await count('companies', workspaceId)).toBe(0);
    expect(await count('contacts', workspaceId)).toBe(0);
    expect(await count('deals', workspaceId)).toBe(0);
    const after = (await admin.get(`/api/v1/leads/${lead.id}`)).body;
    expect(after).toMatchObject({ status: 'new', convertedAt: null, version: lead.version });
  });
});

describe('referrals', () => {
  it('credits the referring customer with leads, conversions and won deals in the period', async () => {
    const { admin, workspaceId } = await setup();
    await t.db
      .updateTable('workspaces')
      .set({ timezone: 'Asia/Ho_Chi_Minh' })
      .where('id', '=', workspaceId)
      .execute();
    const customer = (await admin.post('/api/v1/companies', { name: 'Happy Customer JSC' })).body;
    const referred = await newLead(admin, { name: 'Friend', referrerCompanyId: customer.id });
    expect(referred).toMatchObject({
      source: 'Referral',
      referrerCompanyId: customer.id,
      referrerCompanyName: 'Happy Customer JSC',
    });
    await newLead(admin, { name: 'Another friend', referrerCompanyId: customer.id });
    await newLead(admin, { name: 'Not referred' });
    const converted = await admin.post(`/api/v1/leads/${referred.id}/convert`, {
      version: referred.version,
      value: 50_000_000,
      currency: 'VND',
    });
    const deal = (await admin.get(`/api/v1/deals/${converted.body.dealId}`)).body;
    await admin.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, status: 'won' });
    // Today in Ho Chi Minh City, whatever the UTC date.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    const credit = await admin.get(`/api/v1/referrals?from=${today}&to=${today}`);
    expect(credit.body.data).toEqual([
      {
        companyId: customer.id,
        name: 'Happy Customer JSC',
        leadsReferred: 2,
        leadsConverted: 1,
        dealsWon: 1,
        wonValue: { VND: 50_000_000 },
      },
    ]);
    const before = await admin.get('/api/v1/referrals?from=2020-01-01&to=2020-12-31');
    expect(before.body.data).toEqual([]);
    const backwards = await admin.get(`/api/v1/referrals?from=${today}&to=2020-01-01`);
    expect([backwards.status, backwards.body.error.field]).toEqual([400, 'to']);
    const bad = await admin.post('/api/v1/leads', {
      name: 'X',
      referrerCompanyId: '00000000-0000-4000-8000-000000000000',
    });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'referrerCompanyId']);
  });
});
