import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import {
  companyFactory,
  contactFactory,
  dealFactory,
  salesPipeline,
} from '../helpers/factories.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A strict RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field || row.length) throw new Error('last record has no CRLF');
  return rows;
}

async function exportCsv(api: Api, query = '') {
  const res = await api.get(`/api/v1/deals/export.csv${query}`);
  return res;
}

const rawExport = async (headers: Record<string, string>, query = '') => {
  const res = await t.app.inject({ url: `/api/v1/deals/export.csv${query}`, headers });
  return { res, rows: res.statusCode === 200 ? parseCsv(res.body.replace(/^\uFEFF/, '')) : [] };
};

describe('CSV export of deals', () => {
  it('writes a UTF-8 file with BOM and CRLF, quoting and defusing what needs it', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const company = await companyFactory(api, { name: 'Công ty Cổ phần Sữa Việt Nam' });
    const lan = await contactFactory(api, { name: 'Nguyễn Thị Lan' });
    const an = await contactFactory(api, { name: 'Trần Văn An' });
    await dealFactory(api, {
      title: 'Phần mềm kế toán, gói "Pro"\nnăm 2026',
      value: 150_000_000,
      currency: 'VND',
      companyId: company.id,
      contactIds: [an.id, lan.id],
      expectedCloseDate: '2026-06-30',
      source: '=HYPERLINK("http://evil.test")',
    });
    await dealFactory(api, { title: '@risk', value: 123_456, currency: 'USD' });
    const columns = 'title,value,currency,company,contacts,expectedCloseDate,source,status';
    const { res, rows } = await rawExport(
      admin.headers,
      `?sort=title&order=asc&columns=${columns}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="deals-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.endsWith('\r\n')).toBe(true);
    expect(rows).toEqual([
      [
        'Title',
        'Value',
        'Currency',
        'Company',
        'Contacts',
        'Expected close date',
        'Source',
        'Status',
      ],
      ["'@risk", '1234.56', 'USD', '', '', '', '', 'open'],
      [
        'Phần mềm kế toán, gói "Pro"\nnăm 2026',
        '150000000',
        'VND',
        'Công ty Cổ phần Sữa Việt Nam',
        'Nguyễn Thị Lan; Trần Văn An',
        '2026-06-30',
        '\'=HYPERLINK("http://evil.test")',
        'open',
      ],
    ]);
  });

  it('has a sensible default set of columns, Vietnamese headers on request, and names a bad column', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const sales = await salesPipeline(api);
    await dealFactory(api, { title: 'Only', stageId: sales.stage('Proposal').id, value: 5 });
    const { rows } = await rawExport(admin.headers);
    expect(rows[0]).toEqual([
      'Title',
      'Company',
      'Value',
      'Currency',
      'Stage',
      'Owner',
      'Expected close date',
      'Status',
      'Created at',
    ]);
    expect(rows[1]?.slice(0, 6)).toEqual(['Only', '', '0.05', 'USD', 'Proposal', 'Admin']);
    expect(rows[1]?.[8]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const vi = await rawExport(admin.headers, '?lang=vi&columns=title,pipeline,stage,probability');
    expect(vi.rows).toEqual([
      ['Tên giao dịch', 'Quy trình bán hàng', 'Giai đoạn', 'Xác suất (%)'],
      ['Only', 'Sales', 'Proposal', '60'],
    ]);
    for (const query of ['?columns=title,password', '?columns=', '?columns=,']) {
      const bad = await exportCsv(api, query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.field, query).toBe('columns');
    }
    const badLang = await exportCsv(api, '?lang=fr');
    expect(badLang.body.error.field).toBe('lang');
    const badSort = await exportCsv(api, '?sort=secret');
    expect(badSort.body.error.field).toBe('sort');
  });

  it('applies the list filters and the caller’s visibility', async () => {
    const ws = await workspaceFactory(t.db);
    const api = apiAs(t.app, ws.admin.headers);
    const sales = await salesPipeline(api);
    const rep = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
    await dealFactory(api, { title: 'won big', value: 900, stageId: sales.stage('Won').id });
    await dealFactory(api, { title: 'open small', value: 10 });
    await dealFactory(api, { title: 'rep deal', value: 500, ownerId: rep.id });
    const titles = async (headers: Record<string, string>, query: string) =>
      (await rawExport(headers, query)).rows.slice(1).map((r) => r[0]);
    expect(await titles(ws.admin.headers, '?status=won&columns=title')).toEqual(['won big']);
    expect(
      await titles(ws.admin.headers, '?valueMin=100&sort=value&order=asc&columns=title'),
    ).toEqual(['rep deal', 'won big']);
    const settings = (await api.get('/api/v1/workspace')).body;
    await api.patch('/api/v1/workspace', { version: settings.version, dealVisibility: 'own' });
    expect(await titles(rep.headers, '?columns=title')).toEqual(['rep deal']);
    const stranger = await workspaceFactory(t.db);
    expect(await titles(stranger.admin.headers, '?columns=title')).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/deals/export.csv' })).statusCode).toBe(401);
  });

  it('pages through thousands of deals in batches without losing or repeating one', async () => {
    const ws = await workspaceFactory(t.db);
    const api = apiAs(t.app, ws.admin.headers);
    const sales = await salesPipeline(api);
    const total = 2_345;
    const rows = Array.from({ length: total }, (_, i) => ({
      workspace_id: ws.workspaceId,
      title: `Bulk ${String(i).padStart(4, '0')}`,
      pipeline_id: sales.id,
      stage_id: sales.stage('Prospecting').id,
      position: i,
      // Many equal values and one created_at per insert: ties that only the id can break.
      value_minor: (i % 7) * 100,
      currency: 'VND',
      owner_id: ws.admin.id,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await t.db
        .insertInto('deals')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    for (const query of [
      '?sort=value&order=asc&columns=title,value',
      '?sort=createdAt&order=desc&columns=title,value',
      '?sort=title&order=desc&columns=title,value',
    ]) {
      const csv = (await rawExport(ws.admin.headers, query)).rows.slice(1);
      expect(csv, query).toHaveLength(total);
      expect(new Set(csv.map((r) => r[0])).size, query).toBe(total);
      if (query.includes('sort=value')) {
        const values = csv.map((r) => Number(r[1]));
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }
      if (query.includes('sort=title')) expect(csv[0]?.[0]).toBe('Bulk 2344');
    }
  });
});
