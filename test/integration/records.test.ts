import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { companyFactory, contactFactory, dealFactory } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let api: Api;
beforeAll(async () => {
  t = await createTestApp();
  api = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
});
afterAll(() => t?.close());

describe('companies', () => {
  it('normalises website and phone, and warns of same-domain and same-name duplicates', async () => {
    const first = await companyFactory(api, {
      name: 'Công ty Cổ phần FPT',
      website: 'https://www.FPT.com.vn/en',
      phone: '028 7300 7300',
    });
    expect(first).toMatchObject({ domain: 'fpt.com.vn', phone: '+842873007300', duplicates: [] });
    const sameDomain = await companyFactory(api, { name: 'FPT Software', website: 'fpt.com.vn' });
    expect(sameDomain.duplicates).toEqual([
      { id: first.id, name: first.name, matchedOn: 'domain' },
    ]);
    const sameName = await companyFactory(api, { name: 'cong ty co phan fpt' });
    expect(sameName.duplicates.map((d: { matchedOn: string }) => d.matchedOn)).toEqual(['name']);
  });

  it('updates with a version, lists with a cursor and deletes', async () => {
    const c = await companyFactory(api, { name: 'Zeta Ltd' });
    const updated = await api.patch(`/api/v1/companies/${c.id}`, {
      version: 1,
      industry: 'Logistics',
    });
    expect(updated.body).toMatchObject({ industry: 'Logistics', version: 2 });
    expect(
      (await api.patch(`/api/v1/companies/${c.id}`, { version: 1, industry: 'x' })).status,
    ).toBe(409);
    const page1 = (await api.get('/api/v1/companies?limit=2')).body;
    const page2 = (await api.get(`/api/v1/companies?limit=2&cursor=${page1.nextCursor}`)).body;
    const ids = [...page1.data, ...page2.data].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await api.delete(`/api/v1/companies/${c.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/companies/${c.id}`)).status).toBe(404);
  });
});

describe('contacts', () => {
  it('normalises email, links a company and warns of the same email', async () => {
    const company = await companyFactory(api, { name: 'Tiki' });
    const a = await contactFactory(api, {
      name: 'Trần Minh Đức',
      email: 'Duc.Tran@Tiki.vn ',
      companyId: company.id,
      phone: '+84 90 123 4567',
    });
    expect(a).toMatchObject({
      email: 'duc.tran@tiki.vn',
      companyName: 'Tiki',
      phone: '+84901234567',
      duplicates: [],
    });
    const b = await contactFactory(api, { name: 'Duc T.', email: 'duc.tran@tiki.vn' });
    expect(b.duplicates).toEqual([{ id: a.id, name: 'Trần Minh Đức', matchedOn: 'email' }]);
    const bad = await api.post('/api/v1/contacts', { name: 'x', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('email');
    const byCompany = (await api.get(`/api/v1/contacts?companyId=${company.id}`)).body.data;
    expect(byCompany.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('links contacts to deals and filters deals by contact', async () => {
    const c = await contactFactory(api, { name: 'Lê Thu Hà' });
    const deal = await dealFactory(api, { contactIds: [c.id] });
    expect(deal.contactIds).toEqual([c.id]);
    const list = (await api.get(`/api/v1/deals?contactId=${c.id}`)).body.data;
    expect(list.map((d: { id: string }) => d.id)).toEqual([deal.id]);
  });
});

describe('search', () => {
  it('finds deals, contacts and companies by word prefix, ignoring Vietnamese accents', async () => {
    const company = await companyFactory(api, { name: 'Ngân hàng Á Châu' });
    await contactFactory(api, { name: 'Nguyễn Thị Hương', email: 'huong@acb.com.vn' });
    await dealFactory(api, { title: 'Triển khai CRM cho Ngân hàng', companyId: company.id });
    const hits = (await api.get('/api/v1/search?q=ngan hang')).body.data;
    expect(hits.map((h: { type: string }) => h.type).sort()).toEqual(['company', 'deal']);
    const person = (await api.get('/api/v1/search?q=huong')).body.data;
    expect(person).toEqual([
      expect.objectContaining({ type: 'contact', title: 'Nguyễn Thị Hương' }),
    ]);
    const accented = (await api.get('/api/v1/search?q=Hương')).body.data;
    expect(accented).toHaveLength(1);
    expect((await api.get('/api/v1/search?q=')).status).toBe(400);
    expect((await api.get('/api/v1/search?q=%26%7C!')).body.data).toEqual([]);
  });
});
