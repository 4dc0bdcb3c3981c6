import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/db/database.js';
import { DEFAULT_ADMIN_URL } from './bench-db.js';
import { benchEngine } from './bench-engine.js';
import { benchBacktest } from './forecast-backtest.js';
import { benchImport } from './import.js';
import { log } from './log.js';
import { benchReports } from './reports.js';
import { writeSummary } from './report.js';
import { defaultPlans, type Plans } from './scenarios.js';
import { benchWeb, defaultWebPlan, type WebPlan } from './web-bench.js';

const BENCHES = ['api', 'web', 'reports', 'import', 'backtest'] as const;
type Bench = (typeof BENCHES)[number];

const usage = `Usage: npm run bench -- [--only ${BENCHES.join('|')}] [--deals N] [--engine pglite|postgres|both] [--quick] [--import-rows N,N]
  --only    run one benchmark (default api and web):
              api       the HTTP API against raw SQL
              web       the web app in headless Chromium
              reports   the analytics reports over a deal history against naive SQL over the raw
                        events: 1,000,000 deals on PostgreSQL, 100,000 on PGlite
              import    pipewright import against COPY of the same rows, on PostgreSQL
              backtest  the forecast methods on the demo's past periods, three seeds
  --deals   deals in the Sales pipeline for the api benchmark (default 100000)
  --engine  which database the api and reports benchmarks measure (default both)
  --quick   a tenth of the iterations (api), fewer loads and moves (web), a tenth of the deals
            (reports), 20,000 rows (import), one seed (backtest): for trying it out
  --import-rows  deal rows per import run (default 100000,1000000)
PostgreSQL: PIPEWRIGHT_BENCH_DATABASE_URL (default ${DEFAULT_ADMIN_URL}) is an admin URL; the
benchmark creates its own pw_bench_* database there and drops it afterwards.
Web: needs /usr/bin/chromium (Debian's); builds the web app first if it is missing or stale.`;

function parse() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      deals: { type: 'string', default: '100000' },
      engine: { type: 'string', default: 'both' },
      quick: { type: 'boolean', default: false },
      'import-rows': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const deals = Number(values.deals);
  const engines: Engine[] | null =
    values.engine === 'both'
      ? ['pglite', 'postgres']
      : values.engine === 'pglite' || values.engine === 'postgres'
        ? [values.engine]
        : null;
  const only = values.only as Bench | undefined;
  const validOnly = only === undefined || BENCHES.includes(only);
  const importRows = (values['import-rows'] ?? (values.quick ? '20000' : '100000,1000000'))
    .split(',')
    .map(Number);
  const validRows = importRows.every((n) => Number.isInteger(n) && n >= 1000);
  const valid = Number.isInteger(deals) && deals >= 1000 && engines && validOnly && validRows;
  if (values.help || !valid) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const runs = (bench: Bench) =>
    only === undefined ? bench === 'api' || bench === 'web' : only === bench;
  return { deals, engines: engines as Engine[], quick: values.quick, runs, importRows };
}

const tenth = (plans: Plans): Plans => {
  const scale = (p: Plans['board']) => ({ ...p, rounds: Math.max(2, Math.round(p.rounds / 10)) });
  return { board: scale(plans.board), move: scale(plans.move), read: scale(plans.read) };
};
const quickWeb: WebPlan = { ...defaultWebPlan, loads: 3, moves: 5, warmupMoves: 1 };

const { deals, engines, quick, runs, importRows } = parse();
const adminUrl = process.env.PIPEWRIGHT_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const started = performance.now();
if (runs('api')) {
  for (const engine of engines) {
    await benchEngine({
      engine,
      deals,
      adminUrl,
      plans: quick ? tenth(defaultPlans) : defaultPlans,
    });
  }
}
if (runs('web')) await benchWeb(quick ? quickWeb : defaultWebPlan);
if (runs('reports')) {
  // The sizes; --quick runs a tenth of them.
  for (const engine of engines) {
    const size = (engine === 'postgres' ? 1_000_000 : 100_000) / (quick ? 10 : 1);
    await benchReports({
      engine,
      deals: size,
      rounds: quick ? 2 : 5,
      adminUrl,
      skip: {},
    });
  }
}
if (runs('import'))
  log(`import: ${await benchImport(adminUrl, { sizes: importRows, batchSize: 2000 })}`);
if (runs('backtest')) log(`backtest: ${await benchBacktest(quick ? { seeds: [1] } : {})}`);
log(`summary: ${await writeSummary()}`);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
