import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportableEntity } from '../../src/server/modules/imports/import-fields.js';
import { apiAs } from '../helpers/api.js';
import { importText } from '../helpers/import.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

// Each CRM's export files (test/fixtures/crm-exports, hand-written from the documented layouts)
// imported with the preset detected from their headers: organizations, then people (linked to
// them), then deals (linked to both), every field checked. Times without an offset are the
// workspace's (Asia/Ho_Chi_Minh, UTC+7); Salesforce writes UTC.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'crm-exports');

async function importFiles(crm: string, files: [ImportableEntity, string][]) {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  const lan = await userFactory(t.db, workspaceId, { name: 'Lan Nguyễn' });
  const minh = await userFactory(t.db, workspaceId, { name: 'Minh Trần' });
  const target = { workspaceId, actorId: admin.id };
  for (const [entity, file] of files) {
    const text = readFileSync(join(fixtures, crm, file));
    const report = await importText(t.db, target, entity, text, { preset: 'auto', source: file });
    expect(report.problems, `${crm}/${file}`).toEqual([]);
  }
  const who = new Map([
    [admin.id, 'admin'],
    [lan.id, 'lan'],
    [minh.id, 'minh'],
  ]);
  return { workspaceId, target, owner: (id: string | null) => (id ? who.get(id) : null) };
}

async function companiesOf(ws: Awaited<ReturnType<typeof importFiles>>) {
  const rows = await t.db
    .selectFrom('companies')
    .select(['name', 'domain', 'phone', 'industry', 'address', 'owner_id'])
    .where('workspace_id', '=', ws.workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(({ owner_id, ...r }) => ({ ...r, owner: ws.owner(owner_id) }));
}

async function contactsOf(ws: Awaited<ReturnType<typeof importFiles>>) {
  const rows = await t.db
    .selectFrom('contacts')
    .leftJoin('companies', 'companies.id', 'contacts.company_id')
    .select([
      'contacts.name',
      'contacts.email',
      'contacts.phone',
      'contacts.job_title',
      'companies.name as company',
      'contacts.owner_id',
    ])
    .where('contacts.workspace_id', '=', ws.workspaceId)
    .orderBy('contacts.name')
    .execute();
  return rows.map(({ owner_id, ...r }) => ({ ...r, owner: ws.owner(owner_id) }));
}

async function dealsOf(ws: Awaited<ReturnType<typeof importFiles>>) {
  const rows = await t.db
    .selectFrom('deals')
    .innerJoin('stages', 'stages.id', 'deals.stage_id')
    .leftJoin('companies', 'companies.id', 'deals.company_id')
    .select([
      'deals.id',
      'deals.title',
      'stages.name as stage',
      'deals.status',
      'deals.value_minor',
      'deals.currency',
      'deals.owner_id',
      'companies.name as company',
      'deals.created_at',
      'deals.stage_entered_at',
      'deals.closed_at',
      'deals.expected_close_date',
      'deals.probability',
      'deals.lost_reason',
      'deals.source',
    ])
    .where('deals.workspace_id', '=', ws.workspaceId)
    .orderBy('deals.title')
    .execute();
  const out = [];
  for (const { id, owner_id, ...deal } of rows) {
    const people = await t.db
      .selectFrom('deal_contacts')
      .innerJoin('contacts', 'contacts.id', 'deal_contacts.contact_id')
      .select('contacts.name')
      .where('deal_contacts.deal_id', '=', id)
      .orderBy('contacts.name')
      .execute();
    const history = await t.db
      .selectFrom('deal_events')
      .leftJoin('stages', 'stages.id', 'deal_events.to_stage_id')
      .select(['deal_events.type', 'stages.name as stage', 'deal_events.to_text', 'occurred_at'])
      .where('deal_id', '=', id)
      .orderBy('occurred_at')
      .orderBy(sql`deal_events.id`)
      .execute();
    out.push({
      ...deal,
      owner: ws.owner(owner_id),
      contacts: people.map((p) => p.name),
      history: history.map((e) =>
        [e.type, e.stage ?? e.to_text, e.occurred_at.toISOString()].join(' '),
      ),
    });
  }
  return out;
}

const at = (iso: string) => new Date(iso);

describe('Pipedrive export files', () => {
  it('import organizations, persons and deals with owners by name, stages, won and lost times and links by id', async () => {
    const ws = await importFiles('pipedrive', [
      ['companies', 'organizations.csv'],
      ['contacts', 'persons.csv'],
      ['deals', 'deals.csv'],
    ]);
    expect(await companiesOf(ws)).toEqual([
      {
        name: 'FPT Software',
        domain: null,
        phone: null,
        industry: null,
        address: '17 Duy Tân, Cầu Giấy, Hà Nội',
        owner: 'minh',
      },
      {
        name: 'Viettel',
        domain: null,
        phone: null,
        industry: null,
        address: null,
        owner: null,
      },
      {
        name: 'Vinamilk',
        domain: null,
        phone: null,
        industry: null,
        address: '10 Tân Trào, Quận 7, Hồ Chí Minh',
        owner: 'lan',
      },
    ]);
    expect(await contactsOf(ws)).toEqual([
      {
        name: 'Hà Phạm',
        email: 'ha.pham@vinamilk.example',
        phone: '+842854155555',
        job_title: null,
        company: 'Vinamilk',
        owner: 'lan',
      },
      {
        name: 'Mai Võ',
        email: 'mai.vo@freelance.example',
        phone: null,
        job_title: null,
        company: null,
        owner: 'lan',
      },
      {
        name: 'Tuấn Lê',
        // The work e-mail is read (the home one ignored); the empty work phone gives way to the mobile.
        email: 'tuan.le@fpt.example',
        phone: '+84912345678',
        job_title: null,
        company: 'FPT Software',
        owner: 'minh',
      },
    ]);
    expect(await dealsOf(ws)).toEqual([
      {
        title: 'FPT cloud migration',
        stage: 'Proposal',
        status: 'open',
        value_minor: 1250050,
        currency: 'USD',
        owner: 'minh',
        company: 'FPT Software',
        contacts: ['Tuấn Lê'],
        created_at: at('2024-04-02T01:15:00Z'),
        stage_entered_at: at('2024-05-06T03:00:00Z'),
        closed_at: null,
        expected_close_date: '2024-07-15',
        probability: 60,
        lost_reason: null,
        source: null,
        history: [
          'created Prospecting 2024-04-02T01:15:00.000Z',
          'stage Proposal 2024-05-06T03:00:00.000Z',
        ],
      },
      {
        title: 'Freelance CRM setup',
        stage: 'Lost',
        status: 'lost',
        value_minor: 80000,
        currency: 'EUR',
        owner: 'lan',
        company: null,
        contacts: ['Mai Võ'],
        created_at: at('2024-01-15T04:00:00Z'),
        stage_entered_at: at('2024-02-01T02:45:00Z'),
        closed_at: at('2024-02-01T02:45:00Z'),
        expected_close_date: null,
        probability: null,
        lost_reason: 'Budget cut',
        source: null,
        history: [
          'created Qualification 2024-01-15T04:00:00.000Z',
          'stage Lost 2024-02-01T02:45:00.000Z',
          'status lost 2024-02-01T02:45:00.000Z',
        ],
      },
      {
        title: 'Viettel training',
        stage: 'Prospecting',
        status: 'open',
        value_minor: 200000,
        currency: 'USD',
        owner: 'minh',
        company: 'Viettel',
        contacts: [],
        created_at: at('2024-05-20T06:00:00Z'),
        stage_entered_at: at('2024-05-20T06:00:00Z'),
        closed_at: null,
        expected_close_date: null,
        probability: 10,
        lost_reason: null,
        source: null,
        history: ['created Prospecting 2024-05-20T06:00:00.000Z'],
      },
      {
        title: 'Vinamilk ERP rollout',
        stage: 'Won',
        status: 'won',
        value_minor: 150000000,
        currency: 'VND',
        owner: 'lan',
        company: 'Vinamilk',
        contacts: ['Hà Phạm'],
        created_at: at('2024-02-01T02:00:00Z'),
        stage_entered_at: at('2024-03-20T09:30:00Z'),
        closed_at: at('2024-03-20T09:30:00Z'),
        expected_close_date: '2024-03-31',
        probability: null,
        lost_reason: null,
        source: null,
        history: [
          'created Negotiation & Commitment 2024-02-01T02:00:00.000Z',
          'stage Won 2024-03-20T09:30:00.000Z',
          'status won 2024-03-20T09:30:00.000Z',
        ],
      },
    ]);
    // The same file again: every deal is found by its Pipedrive id.
    const again = await importText(
      t.db,
      ws.target,
      'deals',
      readFileSync(join(fixtures, 'pipedrive', 'deals.csv')),
      { preset: 'auto', source: 'deals.csv' },
    );
    expect(again).toMatchObject({ rows: 4, created: 0, alreadyImported: 4 });
  });

  it('names a deal whose person was never imported, on its row and column', async () => {
    const ws = await importFiles('pipedrive', []);
    const report = await importText(
      t.db,
      ws.target,
      'deals',
      readFileSync(join(fixtures, 'pipedrive', 'deals.csv')),
      { preset: 'pipedrive', dryRun: true },
    );
    expect(report.problems[0]).toEqual({
      row: 2,
      line: 2,
      column: 'Deal - Contact person ID',
      message:
        'no contact was imported with the id "21"; import that file first, or ignore the column',
    });
  });
});

describe('HubSpot export files', () => {
  it('import companies, contacts and deals with Closed Won / Lost stages, close dates and associations by id', async () => {
    const ws = await importFiles('hubspot', [
      ['companies', 'companies.csv'],
      ['contacts', 'contacts.csv'],
      ['deals', 'deals.csv'],
    ]);
    expect(await companiesOf(ws)).toEqual([
      {
        name: 'FPT Software',
        domain: 'fpt-software.com',
        phone: null,
        industry: 'Computer Software',
        address: '17 Duy Tân',
        owner: 'minh',
      },
      {
        name: 'Vinamilk',
        domain: 'vinamilk.com.vn',
        phone: '+842854155555',
        industry: 'Food Production',
        address: '10 Tân Trào, Quận 7',
        owner: 'lan',
      },
    ]);
    expect(await contactsOf(ws)).toEqual([
      {
        name: 'Hà Phạm',
        email: 'ha.pham@vinamilk.example',
        phone: '+842854155555',
        job_title: 'Purchasing Manager',
        company: 'Vinamilk',
        owner: 'lan',
      },
      {
        name: 'Mai Võ',
        email: 'mai.vo@freelance.example',
        phone: null,
        job_title: null,
        company: null,
        owner: 'lan',
      },
      {
        name: 'Tuấn Lê',
        email: 'tuan.le@fpt.example',
        phone: '+84912345678',
        job_title: 'CTO',
        company: 'FPT Software',
        owner: 'minh',
      },
    ]);
    const deals = await dealsOf(ws);
    expect(deals.map((d) => [d.title, d.stage, d.status, d.owner, d.company, d.contacts])).toEqual([
      [
        'FPT cloud migration',
        'Negotiation & Commitment',
        'open',
        'minh',
        'FPT Software',
        ['Mai Võ', 'Tuấn Lê'],
      ],
      ['Freelance CRM setup', 'Lost', 'lost', 'lan', null, ['Mai Võ']],
      ['Vinamilk ERP rollout', 'Won', 'won', 'lan', 'Vinamilk', ['Hà Phạm']],
    ]);
    const [fpt, freelance, vinamilk] = deals;
    // An open deal's Close Date is when it is expected to close.
    expect(fpt).toMatchObject({
      value_minor: 1250050,
      currency: 'USD',
      created_at: at('2024-04-02T01:15:00Z'),
      closed_at: null,
      expected_close_date: '2024-07-15',
      history: ['created Negotiation & Commitment 2024-04-02T01:15:00.000Z'],
    });
    // US dates (2/1/2024 is 1 February), and a closed deal's Close Date is when it closed.
    expect(freelance).toMatchObject({
      value_minor: 80000,
      currency: 'EUR',
      created_at: at('2024-01-15T04:00:00Z'),
      closed_at: at('2024-01-31T17:00:00Z'),
      expected_close_date: null,
      lost_reason: 'Budget cut',
      history: [
        'created Prospecting 2024-01-15T04:00:00.000Z',
        'stage Lost 2024-01-31T17:00:00.000Z',
        'status lost 2024-01-31T17:00:00.000Z',
      ],
    });
    expect(vinamilk).toMatchObject({
      value_minor: 150000000,
      currency: 'VND',
      created_at: at('2024-02-01T02:00:00Z'),
      closed_at: at('2024-03-20T09:30:00Z'),
      history: [
        'created Prospecting 2024-02-01T02:00:00.000Z',
        'stage Won 2024-03-20T09:30:00.000Z',
        'status won 2024-03-20T09:30:00.000Z',
      ],
    });
  });
});

describe('Salesforce Data Export files', () => {
  it('import accounts, contacts and opportunities by their API field names, with IsWon / IsClosed and AccountId', async () => {
    const ws = await importFiles('salesforce', [
      ['companies', 'Account.csv'],
      ['contacts', 'Contact.csv'],
      ['deals', 'Opportunity.csv'],
    ]);
    expect(await companiesOf(ws)).toEqual([
      {
        name: 'FPT Software',
        domain: 'fpt-software.com',
        phone: null,
        industry: 'Technology',
        address: '17 Duy Tân',
        owner: null,
      },
      {
        name: 'Vinamilk',
        domain: 'vinamilk.com.vn',
        phone: '+842854155555',
        industry: 'Food & Beverage',
        address: '10 Tân Trào, Quận 7',
        owner: null,
      },
    ]);
    expect(await contactsOf(ws)).toEqual([
      {
        name: 'Hà Phạm',
        email: 'ha.pham@vinamilk.example',
        phone: '+842854155555',
        job_title: 'Purchasing Manager',
        company: 'Vinamilk',
        owner: null,
      },
      {
        name: 'Tuấn Lê',
        email: 'tuan.le@fpt.example',
        phone: null,
        job_title: 'CTO',
        company: 'FPT Software',
        owner: null,
      },
    ]);
    const deals = await dealsOf(ws);
    // OwnerId is a Salesforce user id: the deals are the importing admin's.
    expect(
      deals.map((d) => [d.title, d.stage, d.status, d.owner, d.company, d.contacts, d.source]),
    ).toEqual([
      [
        'FPT cloud migration',
        'Negotiation & Commitment',
        'open',
        'admin',
        'FPT Software',
        ['Tuấn Lê'],
        'Partner Referral',
      ],
      ['Freelance CRM setup', 'Lost', 'lost', 'admin', null, [], null],
      ['Vinamilk ERP rollout', 'Won', 'won', 'admin', 'Vinamilk', ['Hà Phạm'], 'Web'],
      ['Vinamilk licence top-up', 'Won', 'won', 'admin', 'Vinamilk', [], null],
    ]);
    const [fpt, freelance, erp, topUp] = deals;
    expect(fpt).toMatchObject({
      value_minor: 1250050,
      currency: 'USD',
      probability: 90,
      expected_close_date: '2024-07-15',
      stage_entered_at: at('2024-05-06T03:00:00Z'),
      history: [
        'created Prospecting 2024-04-02T01:15:00.000Z',
        'stage Negotiation & Commitment 2024-05-06T03:00:00.000Z',
      ],
    });
    // CloseDate is a day: its start in the workspace's zone.
    expect(freelance).toMatchObject({
      value_minor: 80000,
      currency: 'EUR',
      probability: 0,
      closed_at: at('2024-01-31T17:00:00Z'),
    });
    expect(erp).toMatchObject({
      value_minor: 150000000,
      currency: 'VND',
      probability: 100,
      created_at: at('2024-02-01T02:00:00Z'),
      closed_at: at('2024-03-19T17:00:00Z'),
      expected_close_date: null,
    });
    // Created and closed on the same day: the close is not before the creation.
    expect(topUp).toMatchObject({
      value_minor: 40000000,
      created_at: at('2024-05-10T06:00:00Z'),
      closed_at: at('2024-05-10T06:00:00Z'),
    });
  });
});

describe('the web wizard with a CRM export', () => {
  it('preselects the detected layout, which the user may change, and runs with it', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    await userFactory(t.db, workspaceId, { name: 'Lan Nguyễn' });
    await userFactory(t.db, workspaceId, { name: 'Minh Trần' });
    const api = apiAs(t.app, admin.headers);
    const csv = readFileSync(join(fixtures, 'pipedrive', 'persons.csv'), 'utf8');
    const preview = await api.post('/api/v1/imports/contacts/preview', {
      fileName: 'persons.csv',
      csv,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.preset).toBe('pipedrive');
    expect(preview.body.mapping).toMatchObject({
      'Person - Name': 'name',
      'Person - Email - Work': 'email',
      'Person - Email - Home': null,
      'Person - Phone - Work': 'phone',
      'Person - Organization': 'company',
      'Person - Label': null,
    });
    const plain = await api.post('/api/v1/imports/contacts/preview', {
      fileName: 'persons.csv',
      csv,
      preset: 'none',
    });
    expect(plain.body).toMatchObject({ preset: null, mapping: { 'Person - Name': null } });

    // The user keeps the mapping but ignores the owners (not users here yet).
    const map = Object.fromEntries(
      Object.entries(preview.body.mapping as Record<string, string | null>).map(([h, f]) => [
        h,
        h === 'Person - Owner' ? '' : (f ?? ''),
      ]),
    );
    const run = await api.post('/api/v1/imports/contacts', {
      fileName: 'persons.csv',
      csv,
      map,
      preset: preview.body.preset,
    });
    expect(run.body).toMatchObject({ rows: 3, created: 3, problemCount: 0 });
    const tuan = await t.db
      .selectFrom('contacts')
      .select(['phone', 'owner_id'])
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', 'Tuấn Lê')
      .executeTakeFirstOrThrow();
    expect(tuan).toEqual({ phone: '+84912345678', owner_id: null });
  });
});
