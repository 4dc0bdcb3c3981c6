// How long each report takes over the seeded Sales pipeline (default 100,000 deals) on one
// engine, through the real app in-process, one request at a time. Writes
// results/reports-<engine>.json. Run: npx tsx bench/reports.ts [--deals N] [--engine pglite|postgres] [--rounds N] [--skip a,b]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { addDays, localDate } from '../src/domain/local-day.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { DEFAULT_ADMIN_URL, openBenchDatabase } from './bench-db.js';
import { log, timed } from './log.js';
import { writeResult } from './report.js';
import { seed } from './seed.js';
import { latencyOf } from './timing.js';

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'pglite' },
    rounds: { type: 'string', default: '3' },
    skip: { type: 'string', default: '' },
  },
});
// Reports to leave out, comma-separated (e.g. one that does not finish at this size).
const skipped = new Set(values.skip.split(',').filter(Boolean));
const deals = Number(values.deals);
const rounds = Number(values.rounds);
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';

// What the deal seed leaves out and the reports read: a status event beside each move into Won
// or Lost (closings are status events), the created events' data, leads with sources, a year of spend and USD rates.
async function addReportFacts(db: Kysely<DB>, ws: string) {
  // The server writes the currency, owner and status of a new deal into its created event.
  await sql`update deal_events e set data = jsonb_build_object('currency', d.currency,
      'ownerId', d.owner_id, 'status', 'open', 'expectedCloseDate', d.expected_close_date)
    from deals d where e.deal_id = d.id and e.type = 'created' and d.workspace_id = ${ws}`.execute(
    db,
  );
  await sql`insert into deal_events (workspace_id, deal_id, type, occurred_at, actor_id,
      from_text, to_text)
    select workspace_id, id, 'status', stage_entered_at, owner_id, 'open', status
    from deals where workspace_id = ${ws} and status <> 'open'`.execute(db);
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
  await sql`analyze`.execute(db);
}

const started = performance.now();
const database = await openBenchDatabase(
  engine,
  process.env.PIPEWRIGHT_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
);
try {
  const { db } = database;
  const seeded = await seed(db, deals);
  await timed('report facts', () => addReportFacts(db, seeded.workspaceId));
  const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }) });
  await app.ready();
  const today = localDate(new Date(), 'UTC');
  const period = { pipelineId: seeded.pipelineId, from: addDays(today, -364), to: today };
  const reports: [string, Record<string, string>][] = [
    ['key-numbers', period],
    ['trends', { ...period, unit: 'month' }],
    ['stage-conversion', period],
    ['stage-conversion', { ...period, mode: 'active' }],
    ['waterfall', period],
    ['board-at', { pipelineId: seeded.pipelineId, at: new Date().toISOString() }],
    ['channels', period],
    ['leaderboard', { ...period, by: 'owner' }],
    ['leaderboard', { ...period, by: 'team' }],
  ];
  const results = [];
  for (const [report, query] of reports) {
    if (skipped.has(report)) {
      results.push({ report, query: { ...query, pipelineId: undefined }, skipped: true });
      continue;
    }
    const url = `/api/v1/analytics/${report}?${new URLSearchParams(query)}`;
    const samples: number[] = [];
    let failed: string | null = null;
    // The first request warms caches and is not counted.
    for (let i = 0; i <= rounds && failed === null; i++) {
      const start = performance.now();
      const res = await app.inject({ url, headers: { authorization: seeded.authorization } });
      const taken = performance.now() - start;
      // A failing report is recorded as such, with how long it took to fail, not left out.
      if (res.statusCode !== 200) failed = `HTTP ${res.statusCode} after ${Math.round(taken)} ms`;
      else if (i > 0) samples.push(taken);
    }
    const name = `${report} ${query.mode ?? query.by ?? ''}`.trim();
    const shown = { ...query, pipelineId: undefined };
    if (failed !== null) {
      log(`${name}: failed, ${failed}`);
      results.push({ report, query: shown, failed });
      continue;
    }
    const latency = latencyOf(samples);
    log(`${name}: p50 ${latency.p50Ms.toFixed(0)} ms`);
    results.push({ report, query: shown, ...latency });
  }
  await app.close();
  const file = await writeResult(
    `reports-${engine}.json`,
    JSON.stringify(
      {
        benchmark: 'reports',
        engine,
        deals,
        date: new Date().toISOString(),
        node: process.version,
        cores: os.cpus().length,
        // The machine is shared: the load average says how much else ran meanwhile.
        loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
        method: `app.inject as the admin (every deal visible), period the last 365 days, ${rounds} timed requests after one warm-up, sequential`,
        results,
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
