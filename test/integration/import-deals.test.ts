import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../helpers/import.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function newWorkspace() {
  const { workspaceId, admin } = await workspaceFactory(t.db);
  const rep = await userFactory(t.db, workspaceId, {
    name: 'Lan Nguyễn',
    email: `lan-${workspaceId.slice(0, 8)}@example.test`,
  });
  return { workspaceId, actorId: admin.id, rep };
}

const countDeals = async (workspaceId: string) =>
  Number(
    (
      await t.db
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function historyOf(workspaceId: string, title: string) {
  return t.db
    .selectFrom('deal_events')
    .innerJoin('deals', 'deals.id', 'deal_events.deal_id')
    .leftJoin('stages as s', 's.id', 'deal_events.to_stage_id')
    .select([
      'deal_events.type',
      'deal_events.occurred_at',
      's.name as stage',
      'deal_events.to_text',
    ])
    .where('deals.workspace_id', '=', workspaceId)
    .where('deals.title', '=', title)
    .orderBy('deal_events.occurred_at')
    .orderBy('deal_events.id')
    .execute();
}

// Times without an offset are the workspace's (Asia/Ho_Chi_Minh, UTC+7).
const DEALS = [
  'Id;Title;Stage;Status;Value;Currency;Owner;Company;Created at;Entered stage at;Closed at;Lost reason',
  'D1;Kế toán cho Vinamilk;Won;;"1.234,50";USD;Lan Nguyễn;Vinamilk;2024-01-10;;2024-03-05 09:30;',
  'D2;ERP cho FPT;Proposal;;500;USD;;FPT;2024-02-01;2024-02-20 08:00;;',
  'D3;CRM cho Viettel;Negotiation & Commitment;lost;250000;VND;;;2024-01-15;;2024-04-01;Price',
  'D4;Website;;;0;;;;;;;',
].join('\r\n');

describe('importing deals', () => {
  it('writes each deal with the history it had: created, stage reached and closed on their dates', async () => {
    const ws = await newWorkspace();
    const report = await importText(t.db, ws, 'deals', DEALS, { chunk: 7 });
    expect(report).toMatchObject({ rows: 4, created: 4, problemCount: 0 });

    const won = await t.db
      .selectFrom('deals')
      .selectAll()
      .where('workspace_id', '=', ws.workspaceId)
      .where('title', '=', 'Kế toán cho Vinamilk')
      .executeTakeFirstOrThrow();
    expect(won).toMatchObject({
      status: 'won',
      value_minor: 123450,
      currency: 'USD',
      owner_id: ws.rep.id,
    });
    expect(won.created_at.toISOString()).toBe('2024-01-09T17:00:00.000Z');
    expect(won.closed_at?.toISOString()).toBe('2024-03-05T02:30:00.000Z');
    expect(await historyOf(ws.workspaceId, 'Kế toán cho Vinamilk')).toEqual([
      {
        type: 'created',
        occurred_at: new Date('2024-01-09T17:00:00Z'),
        stage: 'Prospecting',
        to_text: 'open',
      },
      { type: 'stage', occurred_at: new Date('2024-03-05T02:30:00Z'), stage: 'Won', to_text: null },
      {
        type: 'status',
        occurred_at: new Date('2024-03-05T02:30:00Z'),
        stage: null,
        to_text: 'won',
      },
    ]);
    // Entered its stage after it was created: it came from the pipeline's first stage.
    expect(
      (await historyOf(ws.workspaceId, 'ERP cho FPT')).map((e) => [
        e.type,
        e.stage,
        e.occurred_at.toISOString(),
      ]),
    ).toEqual([
      ['created', 'Prospecting', '2024-01-31T17:00:00.000Z'],
      ['stage', 'Proposal', '2024-02-20T01:00:00.000Z'],
    ]);
    // Lost from the open stage it was written with; the lost reason rides on the status event.
    const lost = await historyOf(ws.workspaceId, 'CRM cho Viettel');
    expect(lost.map((e) => [e.type, e.stage ?? e.to_text])).toEqual([
      ['created', 'Negotiation & Commitment'],
      ['stage', 'Lost'],
      ['status', 'lost'],
    ]);
    const viettel = await t.db
      .selectFrom('deals')
      .select(['value_minor', 'currency', 'lost_reason', 'company_id'])
      .where('title', '=', 'CRM cho Viettel')
      .where('workspace_id', '=', ws.workspaceId)
      .executeTakeFirstOrThrow();
    expect(viettel).toEqual({
      value_minor: 250000,
      currency: 'VND',
      lost_reason: 'Price',
      company_id: null,
    });
    const companies = await t.db
      .selectFrom('companies')
      .select('name')
      .where('workspace_id', '=', ws.workspaceId)
      .orderBy('name')
      .execute();
    expect(companies.map((c) => c.name)).toEqual(['FPT', 'Vinamilk']);
    // No owner column value: the importing admin owns the deal.
    const website = await t.db
      .selectFrom('deals')
      .select(['owner_id', 'status'])
      .where('title', '=', 'Website')
      .where('workspace_id', '=', ws.workspaceId)
      .executeTakeFirstOrThrow();
    expect(website).toEqual({ owner_id: ws.actorId, status: 'open' });
  });

  it('is idempotent: the same file again creates nothing, and neither does a dry run', async () => {
    const ws = await newWorkspace();
    await importText(t.db, ws, 'deals', DEALS);
    const events = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from deal_events where workspace_id = ${ws.workspaceId}`.execute(
            t.db,
          )
        ).rows[0]?.n,
      );
    const before = { deals: await countDeals(ws.workspaceId), events: await events() };
    const again = await importText(t.db, ws, 'deals', DEALS, { batchSize: 2 });
    expect(again).toMatchObject({ created: 0, alreadyImported: 4, batchIds: [] });
    const dry = await importText(t.db, ws, 'deals', `${DEALS}\r\nD5;New one;;;1;;;;;;;`, {
      dryRun: true,
    });
    expect(dry).toMatchObject({ rows: 5, created: 1, alreadyImported: 4, problemCount: 0 });
    expect({ deals: await countDeals(ws.workspaceId), events: await events() }).toEqual(before);
  });

  it('keeps identical rows of a file without ids apart, and still finds them on a re-run', async () => {
    const ws = await newWorkspace();
    const file = 'Title,Value\nCall back,10\nCall back,10\nOther,10\n';
    expect(await importText(t.db, ws, 'deals', file)).toMatchObject({ created: 3 });
    expect(await importText(t.db, ws, 'deals', file)).toMatchObject({
      created: 0,
      alreadyImported: 3,
    });
    expect(await countDeals(ws.workspaceId)).toBe(3);
  });

  it('names the row and column of every problem, and writes nothing at all', async () => {
    const ws = await newWorkspace();
    const bad = [
      'Id,Title,Stage,Value,Owner,Created at,Closed at,Expected close date',
      'B1,Fine,Prospecting,10,,2024-01-01,,',
      'B2,,Prospecting,10,,,,',
      'B3,Money,Prospecting,12.345,,,,',
      'B4,Stage,Nowhere,1,,,,',
      'B5,Owner,Prospecting,1,nobody@example.test,,,',
      'B6,Dates,Won,1,,2024-05-01,2024-04-01,',
      'B7,Day,Prospecting,1,,,,2024-02-30',
      'B1,Again,Prospecting,1,,,,',
      'B9,Short',
    ].join('\n');
    const report = await importText(t.db, ws, 'deals', bad);
    const where = report.problems.map((p) => [p.row, p.column]);
    expect(where).toEqual([
      [3, 'Title'],
      [4, 'Value'],
      [5, 'Stage'],
      [6, 'Owner'],
      [7, 'Closed at'],
      [8, 'Expected close date'],
      [9, 'Id'],
      [10, null],
    ]);
    expect(report.problems[1]?.message).toMatch(/more decimals than the currency has \(2\)/);
    expect(report.problems[2]?.message).toMatch(
      /"Nowhere" is not a stage of pipeline "Sales".*--create-stages/,
    );
    expect(report.problems[6]?.message).toBe('repeats the id "B1" of row 2');
    expect(report.problems[7]?.message).toMatch(/has 2 fields but the header has 8/);
    expect(await countDeals(ws.workspaceId)).toBe(0);
  });

  it('maps unknown stages when told to, or creates them when the user chooses', async () => {
    const ws = await newWorkspace();
    const file = 'Title,Stage\nA,Discovery\nB,Qualified\n';
    const mapped = await importText(t.db, ws, 'deals', file, {
      source: 'mapped',
      deals: {
        stageMap: new Map([
          ['discovery', 'Qualification'],
          ['qualified', 'Qualification'],
        ]),
        createStages: false,
      },
    });
    expect(mapped).toMatchObject({ created: 2, problemCount: 0, newStages: [] });
    const created = await importText(t.db, ws, 'deals', file, {
      source: 'created',
      deals: { stageMap: new Map(), createStages: true },
    });
    expect(created).toMatchObject({ created: 2, newStages: ['Discovery', 'Qualified'] });
    const stages = await t.db
      .selectFrom('stages')
      .innerJoin('pipelines', 'pipelines.id', 'stages.pipeline_id')
      .select(['stages.name', 'stages.kind'])
      .where('pipelines.workspace_id', '=', ws.workspaceId)
      .where('pipelines.name', '=', 'Sales')
      .orderBy('stages.position')
      .execute();
    expect(stages.map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Demo / Meeting',
      'Proposal',
      'Negotiation & Commitment',
      'Discovery',
      'Qualified',
      'Won',
      'Lost',
    ]);
  });
});
