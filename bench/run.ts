import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/db/database.js';
import { DEFAULT_ADMIN_URL } from './bench-db.js';
import { benchEngine } from './bench-engine.js';
import { log } from './log.js';
import { benchReports, REPLAYED } from './reports.js';
import { writeSummary } from './report.js';
import { defaultPlans, type Plans } from './scenarios.js';
import { benchWeb, defaultWebPlan, type WebPlan } from './web-bench.js';

const usage = `Usage: npm run bench -- [--only api|web|reports] [--deals N] [--engine pglite|postgres|both] [--quick]
  --only    run one benchmark: api (the HTTP API against raw SQL), web (the web app in
            headless Chromium) or reports (the analytics reports over a deal history against
            naive SQL over the raw events: 1,000,000 deals on PostgreSQL, 100,000 on PGlite);
            default api and web
  --deals   deals in the Sales pipeline for the api benchmark (default 100000)
  --engine  which database the api benchmark measures (default both)
  --quick   a tenth of the iterations (api), fewer loads and moves (web), for trying it out
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
  const only = values.only;
  const validOnly = only === undefined || only === 'api' || only === 'web' || only === 'reports';
  if (values.help || !Number.isInteger(deals) || deals < 1000 || !engines || !validOnly) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  return {
    deals,
    engines,
    quick: values.quick,
    api: only === undefined || only === 'api',
    web: only === undefined || only === 'web',
    reports: only === 'reports',
  };
}

const tenth = (plans: Plans): Plans => {
  const scale = (p: Plans['board']) => ({ ...p, rounds: Math.max(2, Math.round(p.rounds / 10)) });
  return { board: scale(plans.board), move: scale(plans.move), read: scale(plans.read) };
};
const quickWeb: WebPlan = { ...defaultWebPlan, loads: 3, moves: 5, warmupMoves: 1 };

const { deals, engines, quick, api, web, reports } = parse();
const adminUrl = process.env.PIPEWRIGHT_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const started = performance.now();
if (api) {
  for (const engine of engines) {
    await benchEngine({
      engine,
      deals,
      adminUrl,
      plans: quick ? tenth(defaultPlans) : defaultPlans,
    });
  }
}
if (web) await benchWeb(quick ? quickWeb : defaultWebPlan);
if (reports) {
  // The sizes; --quick runs a tenth of them.
  for (const engine of engines) {
    const size = (engine === 'postgres' ? 1_000_000 : 100_000) / (quick ? 10 : 1);
    await benchReports({
      engine,
      deals: size,
      rounds: quick ? 2 : 5,
      adminUrl,
      // At a million deals the reports that still replay would hold every event in the heap.
      skip:
        engine === 'postgres' && size >= 1_000_000
          ? Object.fromEntries(REPLAYED.map((r) => [r, 'still replays every event in memory']))
          : {},
    });
  }
}
log(`summary: ${await writeSummary()}`);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
