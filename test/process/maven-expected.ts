import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createApiToken } from '../../src/server/modules/auth/tokens.service.js';

import { hasMaven, MAVEN_DIR } from '../helpers/datasets.js';

export const MAVEN = MAVEN_DIR;
export { hasMaven };

export type PipelineNumbers = {
  perStage: Record<string, number>;
  /** In cents. */
  wonValue: number;
  openValue: number;
  perAgent: Record<string, { deals: number; won: number; wonValue: number }>;
};

/**
 * The numbers straight from the CSV files, computed here without the importer's code: the files
 * hold no quotes (checked), so splitting lines on commas reads them exactly.
 */
export function expectedFromCsv(): PipelineNumbers {
  const read = (file: string) => {
    const text = readFileSync(join(MAVEN, file), 'utf8');
    if (text.includes('"')) throw new Error(`${file} has quotes; this reader cannot read it`);
    const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
    const names = (header as string).split(',');
    return lines.map(
      (l) =>
        Object.fromEntries(l.split(',').map((v, i) => [names[i], v])) as Record<string, string>,
    );
  };
  const squash = (s: string) => s.replace(/\s/g, '').toLowerCase();
  const price = new Map(
    read('products.csv').map((p) => [squash(p.product as string), Number(p.sales_price) * 100]),
  );
  const numbers: PipelineNumbers = { perStage: {}, wonValue: 0, openValue: 0, perAgent: {} };
  for (const r of read('sales_pipeline.csv')) {
    const stage = r.deal_stage as string;
    numbers.perStage[stage] = (numbers.perStage[stage] ?? 0) + 1;
    const agent = (numbers.perAgent[r.sales_agent as string] ??= { deals: 0, won: 0, wonValue: 0 });
    agent.deals++;
    if (stage === 'Won') {
      numbers.wonValue += Number(r.close_value) * 100;
      agent.won++;
      agent.wonValue += Number(r.close_value) * 100;
    }
    if (stage === 'Prospecting' || stage === 'Engaging') {
      const p = price.get(squash(r.product as string));
      if (p === undefined) throw new Error(`no price for ${r.product}`);
      numbers.openValue += p;
    }
  }
  return numbers;
}

/** The same numbers read from the database an import wrote (a PGlite data folder). */
export async function numbersInDatabase(dataDir: string) {
  const database = createDatabase({ dataDir });
  const rows = async <T>(query: ReturnType<typeof sql<T>>) =>
    (await query.execute(database.db)).rows;
  try {
    const perStage = await rows<{ stage: string; n: string }>(sql`
      select s.name as stage, count(*) as n from deals d join stages s on s.id = d.stage_id
      join pipelines p on p.id = d.pipeline_id where p.name = 'Maven CRM' group by s.name`);
    const totals = await rows<{
      won: string | null;
      open: string | null;
      events: string;
      deals: string;
      records: string;
    }>(sql`
      select (select sum(value_minor) from deals where status = 'won') as won,
             (select sum(value_minor) from deals where status = 'open') as open,
             (select count(*) from deal_events) as events,
             (select count(*) from deals) as deals,
             (select count(*) from import_records where entity = 'deals') as records`);
    const perAgent = await rows<{
      name: string;
      deals: string;
      won: string;
      won_value: string | null;
    }>(sql`
      select u.name, count(*) as deals, count(*) filter (where d.status = 'won') as won,
             sum(d.value_minor) filter (where d.status = 'won') as won_value
      from deals d join users u on u.id = d.owner_id group by u.name`);
    const t = totals[0]!;
    return {
      numbers: {
        perStage: Object.fromEntries(perStage.map((r) => [r.stage, Number(r.n)])),
        wonValue: Number(t.won ?? 0),
        openValue: Number(t.open ?? 0),
        perAgent: Object.fromEntries(
          perAgent.map((a) => [
            a.name,
            { deals: Number(a.deals), won: Number(a.won), wonValue: Number(a.won_value ?? 0) },
          ]),
        ),
      } satisfies PipelineNumbers,
      deals: Number(t.deals),
      records: Number(t.records),
      events: Number(t.events),
    };
  } finally {
    await database.close();
  }
}

export type LeaderNumbers = Record<
  string,
  { won: number; lost: number; winRate: number | null; wonValue: number; cycleDays: number | null }
>;

const DAY_MS = 86_400_000;
const round6 = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);

/** Per agent, from the CSV: wins, losses, win rate, won value and mean days from engage to win. */
export function expectedLeadersFromCsv(): LeaderNumbers {
  const text = readFileSync(join(MAVEN, 'sales_pipeline.csv'), 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const names = (header as string).split(',');
  const acc: Record<string, { won: number; lost: number; wonValue: number; days: number }> = {};
  for (const line of lines) {
    const r = Object.fromEntries(line.split(',').map((v, i) => [names[i], v]));
    if (r.deal_stage !== 'Won' && r.deal_stage !== 'Lost') continue;
    const a = (acc[r.sales_agent as string] ??= { won: 0, lost: 0, wonValue: 0, days: 0 });
    if (r.deal_stage === 'Lost') {
      a.lost++;
      continue;
    }
    a.won++;
    a.wonValue += Number(r.close_value) * 100;
    a.days += (Date.parse(r.close_date as string) - Date.parse(r.engage_date as string)) / DAY_MS;
  }
  return Object.fromEntries(
    Object.entries(acc).map(([name, a]) => [
      name,
      {
        won: a.won,
        lost: a.lost,
        winRate: round6(a.won + a.lost ? a.won / (a.won + a.lost) : null),
        wonValue: a.wonValue,
        cycleDays: round6(a.won ? a.days / a.won : null),
      },
    ]),
  );
}

/** The leaderboard report, through the real app, over an imported data folder. */
export async function leadersInDatabase(dataDir: string): Promise<LeaderNumbers> {
  const database = createDatabase({ dataDir });
  const app = await buildApp({ db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }) });
  try {
    const admin = await database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const pipeline = await database.db
      .selectFrom('pipelines')
      .select('id')
      .where('name', '=', 'Maven CRM')
      .executeTakeFirstOrThrow();
    const { token } = await createApiToken(database.db, admin.id, 'test');
    const res = await app.inject({
      url: `/api/v1/analytics/leaderboard?from=2016-01-01&to=2018-12-31&pipelineId=${pipeline.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    const rows = (res.json() as { rows: LeaderRow[] }).rows;
    return Object.fromEntries(
      rows.map((r) => [
        r.name,
        {
          won: r.won,
          lost: r.lost,
          winRate: round6(r.winRate),
          wonValue: r.wonValue.total,
          cycleDays: round6(r.cycleDays),
        },
      ]),
    );
  } finally {
    await app.close();
    await database.close();
  }
}

type LeaderRow = {
  name: string;
  won: number;
  lost: number;
  winRate: number | null;
  wonValue: { total: number };
  cycleDays: number | null;
};
