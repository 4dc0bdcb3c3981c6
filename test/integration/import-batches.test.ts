import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoImport } from '../../src/server/modules/imports/import-undo.js';
import { importMavenOrg } from '../../src/server/modules/imports/maven-org.js';
import { apiAs } from '../helpers/api.js';
import { companyFactory, dealFactory } from '../helpers/factories.js';
import { importText } from '../helpers/import.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function newWorkspace() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  return { workspaceId, actorId: admin.id, admin };
}

const count = async (
  table: 'deals' | 'companies' | 'contacts' | 'deal_events' | 'import_records',
  workspaceId: string,
) =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(
        t.db,
      )
    ).rows[0]?.n,
  );

const dealsFile = (n: number) =>
  [
    'External id,Title,Company,Value',
    ...Array.from({ length: n }, (_, i) => `X${i + 1},Deal ${i + 1},Company ${i + 1},${i + 1}`),
  ].join('\n');

describe('batches', () => {
  it('never half-applies: a failing batch leaves none of its rows, and a re-run completes the file', async () => {
    const ws = await newWorkspace();
    // The database refuses one row of the second batch (rows 4-6), after its first row went in.
    await sql`create or replace function refuse_deal() returns trigger language plpgsql as $$
      begin
        if new.title = 'Deal 5' then raise exception 'refused for the test'; end if;
        return new;
      end $$`.execute(t.db);
    await sql`create trigger refuse_deal before insert on deals for each row execute function refuse_deal()`.execute(
      t.db,
    );
    try {
      await expect(importText(t.db, ws, 'deals', dealsFile(8), { batchSize: 3 })).rejects.toThrow(
        /refused for the test/,
      );
    } finally {
      await sql`drop trigger refuse_deal on deals`.execute(t.db);
    }
    const titles = await t.db
      .selectFrom('deals')
      .select('title')
      .where('workspace_id', '=', ws.workspaceId)
      .orderBy('title')
      .execute();
    expect(titles.map((d) => d.title)).toEqual(['Deal 1', 'Deal 2', 'Deal 3']);
    // The companies the failed batch would have created are not there either.
    expect(await count('companies', ws.workspaceId)).toBe(3);
    expect(await count('import_records', ws.workspaceId)).toBe(6);

    const rerun = await importText(t.db, ws, 'deals', dealsFile(8), { batchSize: 3 });
    expect(rerun).toMatchObject({ created: 5, alreadyImported: 3 });
    expect(await count('deals', ws.workspaceId)).toBe(8);
    expect(await count('companies', ws.workspaceId)).toBe(8);
    expect(await count('deal_events', ws.workspaceId)).toBe(8);
  });

  it('writes a batch larger than one statement can carry (65,535 parameters)', async () => {
    const ws = await newWorkspace();
    const rows = Array.from({ length: 7000 }, (_, i) => `Company ${i},IT,Hà Nội`);
    const report = await importText(
      t.db,
      ws,
      'companies',
      ['Name,Industry,Address', ...rows].join('\n'),
      { batchSize: 7000 },
    );
    expect(report).toMatchObject({ created: 7000, batchIds: [expect.any(String)] });
    expect(await count('companies', ws.workspaceId)).toBe(7000);
  });

  it('undoes every batch of a source in one go, history and created companies with it', async () => {
    const ws = await newWorkspace();
    const api = apiAs(t.app, ws.admin.headers);
    const kept = await companyFactory(api, { name: 'Company 2' });
    await importText(t.db, ws, 'deals', dealsFile(5), { batchSize: 2, source: 'crm-a' });
    await importText(t.db, ws, 'deals', 'Title\nOther source\n', { source: 'crm-b' });
    expect(await count('deals', ws.workspaceId)).toBe(6);
    const undone = await undoImport(t.db, ws.workspaceId, { source: 'crm-a' });
    expect(undone.batches).toBe(3);
    const left = await t.db
      .selectFrom('deals')
      .select(['title', 'company_id'])
      .where('workspace_id', '=', ws.workspaceId)
      .execute();
    expect(left.map((d) => d.title)).toEqual(['Other source']);
    // Company 2 existed before the import, so it stays; the four the import created are gone.
    const companies = await t.db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', ws.workspaceId)
      .execute();
    expect(companies.map((c) => c.id)).toEqual([kept.id]);
    expect(await count('deal_events', ws.workspaceId)).toBe(1);
    // Undone ids may be imported again.
    expect(await importText(t.db, ws, 'deals', dealsFile(5), { source: 'crm-a' })).toMatchObject({
      created: 5,
    });
    await expect(undoImport(t.db, ws.workspaceId, { source: 'nothing-here' })).rejects.toThrow(
      /not found/,
    );
  });

  it('refuses to undo people who own records made since, and removes nothing', async () => {
    const ws = await newWorkspace();
    const teams = [{ agent: 'Mai Phạm', manager: 'Hùng Võ', office: 'South' }];
    expect(await importMavenOrg(t.db, ws.workspaceId, ws.actorId, teams)).toEqual({
      usersCreated: 2,
      people: 2,
    });
    // Again: found by their import records, nothing twice.
    expect(await importMavenOrg(t.db, ws.workspaceId, ws.actorId, teams)).toEqual({
      usersCreated: 0,
      people: 2,
    });
    const mai = await t.db
      .selectFrom('users')
      .select(['id', 'email', 'role'])
      .where('workspace_id', '=', ws.workspaceId)
      .where('name', '=', 'Mai Phạm')
      .executeTakeFirstOrThrow();
    expect(mai).toMatchObject({ email: 'mai.pham@maven-crm.invalid', role: 'rep' });
    await dealFactory(apiAs(t.app, ws.admin.headers), { ownerId: mai.id });
    await expect(undoImport(t.db, ws.workspaceId, { source: 'maven-crm' })).rejects.toThrow(
      /still used by records made since/,
    );
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', mai.id).executeTakeFirst(),
    ).toBeDefined();
  });
});

describe('reading back the deals export', () => {
  it('imports an exported file (English or Vietnamese headers) with the same fields, no --map needed', async () => {
    const ws = await newWorkspace();
    const api = apiAs(t.app, ws.admin.headers);
    const company = await companyFactory(api, { name: 'Công ty Sữa, "Vinamilk"' });
    const open = await dealFactory(api, {
      title: 'Hợp đồng\nnhiều dòng',
      value: 1_234_56,
      companyId: company.id,
      expectedCloseDate: '2026-12-31',
      source: 'Referral',
    });
    const won = await dealFactory(api, { title: 'Won one', value: 5_000_000, currency: 'VND' });
    expect(
      (await api.patch(`/api/v1/deals/${won.id}`, { version: won.version, status: 'won' })).status,
    ).toBe(200);
    const columns =
      'title,stage,pipeline,value,currency,owner,company,contacts,expectedCloseDate,source,status,lostReason,createdAt,closedAt,stageEnteredAt,nextStep';
    for (const lang of ['en', 'vi']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/deals/export.csv?lang=${lang}&columns=${columns}`,
        headers: ws.admin.headers,
      });
      expect(res.statusCode).toBe(200);
      const report = await importText(t.db, ws, 'deals', res.rawPayload, {
        source: `export-${lang}`,
        chunk: 5,
      });
      expect(report, JSON.stringify(report.problems)).toMatchObject({
        created: 2,
        problemCount: 0,
      });
      const fields = [
        'title',
        'stage_id',
        'pipeline_id',
        'value_minor',
        'currency',
        'owner_id',
        'company_id',
        'expected_close_date',
        'source',
        'status',
      ] as const;
      const imported = await t.db
        .selectFrom('deals')
        .select(fields)
        .select(['created_at', 'closed_at'])
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('import_records')
            .select('record_id')
            .where('source', '=', `export-${lang}`)
            .where('entity', '=', 'deals'),
        )
        .orderBy('title')
        .execute();
      const originals = await t.db
        .selectFrom('deals')
        .select(fields)
        .select(['created_at', 'closed_at'])
        .where('id', 'in', [open.id, won.id])
        .orderBy('title')
        .execute();
      // The next round exports the originals alone again.
      await undoImport(t.db, ws.workspaceId, { source: `export-${lang}` });
      const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);
      expect(
        imported.map((d) => ({
          ...d,
          created_at: seconds(d.created_at),
          closed_at: seconds(d.closed_at),
        })),
      ).toEqual(
        originals.map((d) => ({
          ...d,
          created_at: seconds(d.created_at),
          closed_at: seconds(d.closed_at),
        })),
      );
    }
  });
});

describe('companies and contacts', () => {
  it('imports companies, then contacts linked to them by name, from UTF-16 and semicolon files', async () => {
    const ws = await newWorkspace();
    const companies =
      'ID\tName\tWebsite\tSector\tPhone\r\nC1\tVinamilk\thttps://www.vinamilk.com.vn\tDairy\t028 5415 5555\r\nC2\tFPT\tfpt.com.vn\tIT\t\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(companies, 'utf16le')]);
    expect(await importText(t.db, ws, 'companies', utf16, { chunk: 3 })).toMatchObject({
      created: 2,
      problemCount: 0,
    });
    const vinamilk = await t.db
      .selectFrom('companies')
      .selectAll()
      .where('workspace_id', '=', ws.workspaceId)
      .where('name', '=', 'Vinamilk')
      .executeTakeFirstOrThrow();
    expect(vinamilk).toMatchObject({
      domain: 'vinamilk.com.vn',
      industry: 'Dairy',
      phone: '+842854155555',
    });

    const contacts =
      '\uFEFFFirst name;Last name;E-mail;Company;Job title\nAn;Trần;AN@Vinamilk.com.vn;vinamilk;CFO\nBình;Lê;not-an-email;FPT;\n';
    const bad = await importText(t.db, ws, 'contacts', contacts);
    expect(bad.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'E-mail', '"not-an-email" is not an email address'],
    ]);
    expect(await count('contacts', ws.workspaceId)).toBe(0);
    const fixed = contacts.replace('not-an-email', 'binh@fpt.com.vn');
    expect(await importText(t.db, ws, 'contacts', fixed)).toMatchObject({ created: 2 });
    const an = await t.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', ws.workspaceId)
      .where('email', '=', 'an@vinamilk.com.vn')
      .executeTakeFirstOrThrow();
    expect(an).toMatchObject({ name: 'An Trần', company_id: vinamilk.id, job_title: 'CFO' });
    expect(await count('companies', ws.workspaceId)).toBe(2);
  });
});
