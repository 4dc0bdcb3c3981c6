import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { companyFactory, contactFactory, dealFactory } from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const raw = (url: string, headers: Record<string, string>) =>
  t.app.inject({ url, headers: { ...headers, 'accept-language': 'vi' } });

describe('GET /api/v1/exports/:entity and /api/v1/workspace/export.json', () => {
  it('give an admin every record of their own workspace only, and refuse others', async () => {
    const a = await workspaceFactory(t.db);
    const b = await workspaceFactory(t.db);
    const apiA = apiAs(t.app, a.admin.headers);
    const company = await companyFactory(apiA, { name: '=Formula & Co' });
    await contactFactory(apiA, { name: 'Ann', email: 'ann@example.test', companyId: company.id });
    const deal = await dealFactory(apiA, { title: 'Alpha' });
    await dealFactory(apiAs(t.app, b.admin.headers), { title: 'Beta (other workspace)' });

    const companies = await raw('/api/v1/exports/companies', a.admin.headers);
    expect(companies.statusCode).toBe(200);
    expect(companies.headers['content-type']).toContain('text/csv');
    expect(companies.body.split('\r\n')[0]).toBe(
      '\uFEFFId,Name,Website,Phone,Industry,Address,Owner',
    );
    expect(companies.body).toContain(`${company.id},'=Formula & Co`);
    const deals = await raw('/api/v1/exports/deals', a.admin.headers);
    expect(deals.body).toContain(`${deal.id},Alpha,`);
    expect(deals.body).not.toContain('Beta');
    expect(deals.body.trim().split('\r\n')).toHaveLength(2);

    const json = await raw('/api/v1/workspace/export.json', a.admin.headers);
    expect(json.statusCode).toBe(200);
    const doc = json.json<{ workspaceId: string; tables: Record<string, { title?: string }[]> }>();
    expect(doc.workspaceId).toBe(a.workspaceId);
    expect(doc.tables.deals!.map((d) => d.title)).toEqual(['Alpha']);
    expect(doc.tables.contacts).toHaveLength(1);
    expect(doc.tables.api_tokens).toBeUndefined();
    expect(json.body).not.toContain('token_hash');

    const rep = await userFactory(t.db, a.workspaceId, { role: 'rep' });
    for (const url of ['/api/v1/exports/deals', '/api/v1/workspace/export.json']) {
      const refused = await raw(url, rep.headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toContain('Chỉ quản trị viên');
    }
    const unknown = await raw('/api/v1/exports/users', a.admin.headers);
    expect(unknown.statusCode).toBe(400);
  });
});
