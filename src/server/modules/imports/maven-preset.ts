import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { readCsv } from '../../../domain/csv-reader.js';
import { foldText } from '../../../domain/normalise.js';
import { MappingError } from './column-mapping.js';
import { csvRowSource } from './csv-rows.js';
import type { ImportField } from './import-fields.js';
import type { Lookups } from './import-lookups.js';
import { runImport, type ImportReport } from './import-runner.js';
import { importMavenOrg, MAVEN_SOURCE, mavenPipeline, type SalesTeamRow } from './maven-org.js';
import { mavenDealRows, productKey } from './maven-deal-rows.js';

export type MavenRequest = {
  workspaceId: string;
  actorId: string;
  folder: string;
  dryRun: boolean;
  batchSize: number;
  now?: Date | undefined;
  onProgress?:
    | ((step: 'companies' | 'deals', phase: 'checking' | 'importing', rows: number) => void)
    | undefined;
  /** Bytes of sales_pipeline.csv read so far in the current pass. */
  onBytes?: ((bytes: number) => void) | undefined;
};

export type MavenReport = {
  people: number;
  usersCreated: number;
  companies: ImportReport;
  deals: ImportReport;
};

const FILES = ['sales_pipeline.csv', 'accounts.csv', 'products.csv', 'sales_teams.csv'];

/** A small file read whole, as objects by header name; missing columns are refused by name. */
export async function readSmallCsv(path: string, columns: string[]) {
  const records = [];
  for await (const r of readCsv(createReadStream(path))) records.push(r);
  const header = records.shift()?.fields.map((h) => h.trim()) ?? [];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length)
    throw new MappingError([`${path} has no column ${missing.map((m) => `"${m}"`).join(', ')}`]);
  return records.map(
    (r) =>
      Object.fromEntries(
        columns.map((c) => [c, (r.fields[header.indexOf(c)] ?? '').trim()]),
      ) as Record<string, string>,
  );
}

/**
 * The Maven Analytics "CRM Sales Opportunities" folder: sales teams (people and teams), accounts
 * (companies), then the opportunities (deals with their history), products pricing open deals.
 */
export async function importMavenCrm(db: Kysely<DB>, req: MavenRequest): Promise<MavenReport> {
  // Every file is checked before anything is written, so a bad row leaves the workspace as it was
  // (people and pipeline included).
  if (!req.dryRun) {
    const check = await importMavenCrm(db, { ...req, dryRun: true });
    if (check.companies.problemCount > 0 || check.deals.problemCount > 0) return check;
  }
  const missing = FILES.filter((f) => !existsSync(join(req.folder, f)));
  if (missing.length)
    throw new MappingError([
      `${req.folder} has no ${missing.join(', ')} (a Maven CRM folder has ${FILES.join(', ')})`,
    ]);
  const teams: SalesTeamRow[] = (
    await readSmallCsv(join(req.folder, 'sales_teams.csv'), [
      'sales_agent',
      'manager',
      'regional_office',
    ])
  ).map((r) => ({
    agent: r.sales_agent as string,
    manager: r.manager as string,
    office: r.regional_office as string,
  }));
  const products = await readSmallCsv(join(req.folder, 'products.csv'), ['product', 'sales_price']);
  const prices = new Map(
    products.map((p) => [productKey(p.product as string), p.sales_price as string]),
  );

  let people = new Set(teams.flatMap((t) => [t.agent, t.manager])).size;
  let usersCreated = 0;
  if (!req.dryRun)
    ({ people, usersCreated } = await importMavenOrg(db, req.workspaceId, req.actorId, teams));
  // A dry run writes nothing, so it checks the rows against the people and pipeline to come.
  const planned = (lookups: Lookups) => {
    if (!req.dryRun) return;
    for (const t of teams)
      for (const name of [t.agent, t.manager])
        if (!lookups.usersByName.get(foldText(name)))
          lookups.usersByName.set(foldText(name), `planned:${name}`);
    if (!lookups.pipelines.some((p) => p.name === mavenPipeline.name))
      lookups.pipelines.push({
        id: 'planned',
        name: mavenPipeline.name,
        stages: mavenPipeline.stages.map((s, i) => ({
          id: `planned:${s.name}`,
          name: s.name,
          kind: s.kind,
          position: i,
          probability: s.probability,
          required_fields: [],
        })),
      });
  };
  const common = {
    workspaceId: req.workspaceId,
    actorId: req.actorId,
    source: MAVEN_SOURCE,
    dryRun: req.dryRun,
    batchSize: req.batchSize,
    now: req.now,
    adjustLookups: planned,
    deals: { stageMap: new Map(), createStages: false },
  };
  const accountsPath = join(req.folder, 'accounts.csv');
  const accountMap = new Map<string, ImportField | ''>([
    ['account', 'name'],
    ['sector', 'industry'],
    ['office_location', 'address'],
    ['year_established', ''],
    ['revenue', ''],
    ['employees', ''],
    ['subsidiary_of', ''],
  ]);
  const companies = await runImport(db, {
    ...common,
    entity: 'companies',
    fileName: 'accounts.csv',
    rows: csvRowSource(() => createReadStream(accountsPath), 'companies', accountMap),
    onProgress: (phase, rows) => req.onProgress?.('companies', phase, rows),
  });
  if (companies.problemCount > 0) return { people, usersCreated, companies, deals: emptyReport() };
  const pipelinePath = join(req.folder, 'sales_pipeline.csv');
  const deals = await runImport(db, {
    ...common,
    entity: 'deals',
    fileName: 'sales_pipeline.csv',
    rows: mavenDealRows(pipelinePath, prices, req.onBytes),
    onProgress: (phase, rows) => req.onProgress?.('deals', phase, rows),
  });
  return { people, usersCreated, companies, deals };
}

const emptyReport = (): ImportReport => ({
  rows: 0,
  created: 0,
  alreadyImported: 0,
  problems: [],
  problemCount: 0,
  newStages: [],
  batchIds: [],
});
