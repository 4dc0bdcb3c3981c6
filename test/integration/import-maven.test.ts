import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMavenCrm } from '../../src/server/modules/imports/maven-preset.js';
import { hasMaven, MAVEN_DIR } from '../helpers/datasets.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

const MAVEN = MAVEN_DIR;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A Maven folder with the real teams, accounts and products, and these opportunities. */
function folderWith(pipelineRows: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'maven-'));
  for (const f of ['accounts.csv', 'products.csv', 'sales_teams.csv'])
    copyFileSync(join(MAVEN, f), join(dir, f));
  const header =
    'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
  writeFileSync(join(dir, 'sales_pipeline.csv'), [header, ...pipelineRows].join('\r\n') + '\r\n');
  return dir;
}

const count = async (table: 'users' | 'deals' | 'companies' | 'pipelines', workspaceId: string) =>
  (await t.db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).execute())
    .length;

describe.runIf(hasMaven)('the Maven CRM preset', () => {
  it('checks every file first: one bad opportunity and nothing at all is written', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const folder = folderWith([
      '1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054',
      'ZZZZ0001,Moses Frase,GTX Mega,Cancity,Engaging,2016-10-20,,',
      'ZZZZ0002,Nobody Here,GTX Basic,,Prospecting,,,',
    ]);
    const before = {
      users: await count('users', workspaceId),
      pipelines: await count('pipelines', workspaceId),
    };
    const report = await importMavenCrm(t.db, {
      workspaceId,
      actorId: admin.id,
      folder,
      dryRun: false,
      batchSize: 100,
    });
    expect(report.deals.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        3,
        null,
        'column "product": "GTX Mega" is not in products.csv, so the open deal has no value',
      ],
      [4, 'sales_agent', 'no active user is called "Nobody Here"'],
    ]);
    expect({
      users: await count('users', workspaceId),
      pipelines: await count('pipelines', workspaceId),
    }).toEqual(before);
    expect(await count('companies', workspaceId)).toBe(0);
  });

  it('prices open deals from products (whatever their spacing), dates history from engage and close dates', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const folder = folderWith([
      '1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054',
      'Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Engaging,2016-10-25,,',
      'P0000001,Darcel Schlecht,MG Special,,Prospecting,,,',
    ]);
    const now = new Date('2025-01-01T00:00:00Z');
    const report = await importMavenCrm(t.db, {
      workspaceId,
      actorId: admin.id,
      folder,
      dryRun: false,
      batchSize: 100,
      now,
    });
    expect(report).toMatchObject({
      people: 41,
      usersCreated: 41,
      companies: { created: 85 },
      deals: { created: 3, problemCount: 0 },
    });
    const deals = await t.db
      .selectFrom('deals')
      .innerJoin('stages', 'stages.id', 'deals.stage_id')
      .innerJoin('users', 'users.id', 'deals.owner_id')
      .leftJoin('companies', 'companies.id', 'deals.company_id')
      .select([
        'deals.title',
        'stages.name as stage',
        'deals.value_minor',
        'users.name as owner',
        'companies.name as company',
        'deals.created_at',
        'deals.closed_at',
      ])
      .where('deals.workspace_id', '=', workspaceId)
      .orderBy('deals.title')
      .execute();
    expect(deals).toEqual([
      // Workspace time zone Asia/Ho_Chi_Minh: midnight there is 17:00 UTC the day before.
      {
        title: 'Cancity – GTX Plus Basic',
        stage: 'Won',
        value_minor: 105400,
        owner: 'Moses Frase',
        company: 'Cancity',
        created_at: new Date('2016-10-19T17:00:00Z'),
        closed_at: new Date('2017-02-28T17:00:00Z'),
      },
      {
        title: 'Isdom – GTXPro',
        stage: 'Engaging',
        value_minor: 482100,
        owner: 'Darcel Schlecht',
        company: 'Isdom',
        created_at: new Date('2016-10-24T17:00:00Z'),
        closed_at: null,
      },
      {
        title: 'MG Special (P0000001)',
        stage: 'Prospecting',
        value_minor: 5500,
        owner: 'Darcel Schlecht',
        company: null,
        created_at: now,
        closed_at: null,
      },
    ]);
    const team = await t.db
      .selectFrom('teams')
      .innerJoin('users as m', 'm.id', 'teams.manager_id')
      .select(['teams.name', 'm.role'])
      .where('teams.workspace_id', '=', workspaceId)
      .where('teams.name', '=', 'Central: Dustin Brinkmann')
      .executeTakeFirstOrThrow();
    expect(team.role).toBe('manager');
  });
});
