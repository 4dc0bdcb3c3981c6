// How long each report takes over the seeded Sales pipeline on one engine, through the real app
// in-process, one request at a time, beside the same report as naive SQL over the raw events
// where one is written (bench/naive-reports.ts), and what the deal facts cost a move. Writes
// results/reports-<engine>.json. `npm run bench -- --only reports` runs PostgreSQL at 1,000,000
// deals and PGlite at 100,000; alone: npx tsx bench/reports.ts [--deals N] [--engine pglite|postgres]
// [--rounds N] [--skip a,b]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { qualifyingStageIds } from '../src/domain/analytics/closings.js';
import { indexStages } from '../src/domain/analytics/stages.js';
import { addDays, localDate, startOfLocalDay } from '../src/domain/local-day.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { DEFAULT_ADMIN_URL, openBenchDatabase } from './bench-db.js';
import { log, timed } from './log.js';
import { naiveBoardAt, naiveKeyNumbers } from './naive-reports.js';
import { rawMove } from './raw-sql.js';
import { writeResult } from './report.js';
import { seed, type Seeded } from './seed.js';
import { insertHistory } from './seed-history.js';
import { latencyOf, ratio } from './timing.js';

export type ReportsPlan = {
  engine: Engine;
  deals: number;
  rounds: number;
  adminUrl: string;
  /** Reports to leave out, with why (e.g. one that replays every event in memory). */
  skip: Record<string, string>;
};

// What the history seed leaves out and the reports read: leads with sources, a year of spend
// and VND rates.
export async function addReportFacts(db: Kysely<DB>, ws: string, deals: number) {
  await sql`insert into leads (workspace_id, name, source, created_at, converted_at)
    select ${ws}, 'Lead ' || g, (array['web', 'Referral', 'EVENT', 'outbound'])[1 + g % 4],
      now() - (g % 400) * interval '1 day',
      case when g % 3 = 0 then now() - (g % 300) * interval '1 day' end
    from generate_series(1, ${Math.round(deals / 5)}) g`.execute(db);
  await sql`insert into marketing_spend (workspace_id, channel, month, amount_minor, currency)
    select ${ws}, c, (date_trunc('month', now()) - m * interval '1 month')::date, 500000 + m * 1000, 'USD'
    from unnest(array['web', 'referral', 'event', 'outbound']) c, generate_series(0, 13) m`.execute(
    db,
  );
  // The workspace is in USD; a third of the deals are in VND, converted at a rate per month.
  await sql`insert into exchange_rates (workspace_id, currency, date, rate)
    select ${ws}, 'VND', (date_trunc('month', now()) - m * interval '1 month')::date, '0.0000395'
    from generate_series(0, 15) m`.execute(db);
}

async function timeRuns(rounds: number, run: () => Promise<unknown>) {
  const samples: number[] = [];
  // The first run warms caches and is not counted.
  for (let i = 0; i <= rounds; i++) {
    const start = performance.now();
    await run();
    if (i > 0) samples.push(performance.now() - start);
  }
  return latencyOf(samples);
}

/**
 * What the trigger adds to a move: the same raw-SQL moves with the deal-facts trigger on and
 * off, in alternating blocks (the trigger is switched off only for this measurement).
 */
async function factsCostPerMove(db: Kysely<DB>, seeded: Seeded, moves: number) {
  const on: number[] = [];
  const off: number[] = [];
  const open = seeded.openStageIds;
  for (let block = 0; block < 6; block++) {
    const enabled = block % 2 === 0;
    await sql
      .raw(
        `alter table deal_events ${enabled ? 'enable' : 'disable'} trigger deal_events_facts_insert`,
      )
      .execute(db);
    for (let i = 0; i < moves / 6; i++) {
      const k = block * moves + i;
      const dealId = seeded.sampleDealIds[k % seeded.sampleDealIds.length] as string;
      const start = performance.now();
      await rawMove(
        db,
        seeded.workspaceId,
        seeded.adminId,
        dealId,
        open[k % open.length] as string,
        0,
      );
      (enabled ? on : off).push(performance.now() - start);
    }
  }
  await sql`alter table deal_events enable trigger deal_events_facts_insert`.execute(db);
  const [a, b] = [latencyOf(on), latencyOf(off)];
  return {
    withFacts: a,
    withoutFacts: b,
    addedP50Ms: Math.round((a.p50Ms - b.p50Ms) * 1000) / 1000,
  };
}

export async function benchReports(plan: ReportsPlan) {
  const { engine, deals, rounds } = plan;
  const started = performance.now();
  const loadBefore = os.loadavg();
  const database = await openBenchDatabase(engine, plan.adminUrl);
  try {
    const { db } = database;
    const seeded = await seed(db, deals, (d, ws, pipelineId) =>
      insertHistory(d, ws, pipelineId, engine === 'pglite' ? 25_000 : 100_000),
    );
    await timed('leads, spend, rates', () => addReportFacts(db, seeded.workspaceId, deals));
    // A running installation is vacuumed (autovacuum on PostgreSQL, the worker's hourly job on
    // PGlite), which sets the visibility map the reports' index-only scans rely on; freshly
    // loaded, they read the heap as well (decision 0016).
    const vacuum = await timed('vacuum', () => sql`vacuum analyze`.execute(db));
    const counts = await sql<{ events: number; intervals: number; visits: number }>`select
      (select count(*) from deal_events)::int as events,
      (select count(*) from deal_state_intervals)::int as intervals,
      (select count(*) from deal_stage_visits)::int as visits`.execute(db);
    log(`facts: ${JSON.stringify(counts.rows[0])}`);
    const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }) });
    await app.ready();
    const today = localDate(new Date(), 'UTC');
    const period = { pipelineId: seeded.pipelineId, from: addDays(today, -364), to: today };
    const bounds = {
      start: startOfLocalDay(period.from, 'UTC'),
      end: startOfLocalDay(addDays(today, 1), 'UTC'),
    };
    const now = new Date();
    const stages = await db
      .selectFrom('stages')
      .selectAll()
      .where('pipeline_id', '=', seeded.pipelineId)
      .execute();
    const index = indexStages(
      stages.map((s) => ({
        id: s.id,
        pipelineId: s.pipeline_id,
        position: s.position,
        kind: s.kind,
        probability: s.probability,
      })),
    );
    const qualifying = qualifyingStageIds(index, seeded.pipelineId, 1);
    const naive = { ws: seeded.workspaceId, pipelineId: seeded.pipelineId };
    const baselines: Record<string, () => Promise<unknown>> = {
      'key-numbers': () => naiveKeyNumbers(db, naive, bounds, qualifying),
      'board-at': () => naiveBoardAt(db, naive, now),
    };
    const reports: [string, Record<string, string>][] = [
      ['key-numbers', period],
      ['trends', { ...period, unit: 'month' }],
      ['stage-conversion', period],
      ['stage-conversion', { ...period, mode: 'active' }],
      ['waterfall', period],
      ['board-at', { pipelineId: seeded.pipelineId, at: now.toISOString() }],
      ['channels', period],
      ['leaderboard', { ...period, by: 'owner' }],
      ['leaderboard', { ...period, by: 'team' }],
    ];
    const results = [];
    for (const [report, query] of reports) {
      const shown = { ...query, pipelineId: undefined };
      if (plan.skip[report]) {
        results.push({ report, query: shown, skipped: plan.skip[report] });
        continue;
      }
      const url = `/api/v1/analytics/${report}?${new URLSearchParams(query)}`;
      const name = `${report} ${query.mode ?? query.by ?? ''}`.trim();
      let failed: string | null = null;
      const latency = await timeRuns(rounds, async () => {
        if (failed !== null) return;
        const start = performance.now();
        const res = await app.inject({ url, headers: { authorization: seeded.authorization } });
        // A failing report is recorded as such, with how long it took to fail, not left out.
        if (res.statusCode !== 200)
          failed = `HTTP ${res.statusCode} after ${Math.round(performance.now() - start)} ms`;
      });
      if (failed !== null) {
        log(`${name}: failed, ${failed}`);
        results.push({ report, query: shown, failed });
        continue;
      }
      const baseline = baselines[report];
      const naiveSql = baseline ? await timeRuns(Math.min(rounds, 2), baseline) : null;
      log(
        `${name}: p50 ${latency.p50Ms.toFixed(0)} ms${naiveSql ? `, naive SQL ${naiveSql.p50Ms.toFixed(0)} ms` : ''}`,
      );
      results.push({
        report,
        query: shown,
        ...latency,
        meetsAim: latency.p50Ms <= 300,
        ...(naiveSql && {
          naiveSql,
          ratioToNaiveSql: {
            p50: ratio(latency.p50Ms, naiveSql.p50Ms),
            p95: ratio(latency.p95Ms, naiveSql.p95Ms),
          },
        }),
      });
    }
    await app.close();
    const moveCost = await timed('facts cost per move', () => factsCostPerMove(db, seeded, 300));
    const file = await writeResult(
      `reports-${engine}.json`,
      JSON.stringify(
        {
          benchmark: 'reports',
          engine,
          deals,
          ...counts.rows[0],
          date: new Date().toISOString(),
          node: process.version,
          cores: os.cpus().length,
          // The machine is shared with other work (other helpers' tests and benchmarks): the load
          // average before and after says how much ran meanwhile.
          loadAverage: {
            before: loadBefore.map((n) => Math.round(n * 100) / 100),
            after: os.loadavg().map((n) => Math.round(n * 100) / 100),
          },
          aim: 'p50 ≤ 300 ms per report',
          method: `app.inject as the admin (every deal visible), period the last 365 days, vacuumed after seeding as a running installation is, ${rounds} timed requests after one warm-up, sequential; naive SQL (bench/naive-reports.ts) ${Math.min(rounds, 2)} timed runs after one warm-up; ratio = app / naive SQL`,
          seedSeconds: { ...seeded.loadSeconds, vacuum: vacuum.seconds },
          results,
          factsCostPerMove: moveCost.value,
          seconds: Math.round((performance.now() - started) / 100) / 10,
        },
        null,
        2,
      ),
    );
    log(`wrote ${file}`);
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith('reports.ts')) {
  const { values } = parseArgs({
    options: {
      deals: { type: 'string', default: '100000' },
      engine: { type: 'string', default: 'pglite' },
      rounds: { type: 'string', default: '5' },
      skip: { type: 'string', default: '' },
    },
  });
  await benchReports({
    engine: values.engine === 'postgres' ? 'postgres' : 'pglite',
    deals: Number(values.deals),
    rounds: Number(values.rounds),
    adminUrl: process.env.PIPEWRIGHT_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    skip: Object.fromEntries(
      values.skip
        .split(',')
        .filter(Boolean)
        .map((r) => [r, 'left out on the command line']),
    ),
  });
}
