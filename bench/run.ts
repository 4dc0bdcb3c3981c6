import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/db/database.js';
import { DEFAULT_ADMIN_URL } from './bench-db.js';
import { benchEngine } from './bench-engine.js';
import { log } from './log.js';
import { writeSummary } from './report.js';
import { defaultPlans, type Plans } from './scenarios.js';

const usage = `Usage: npm run bench -- [--deals N] [--engine pglite|postgres|both] [--quick]
  --deals   deals in the Sales pipeline (default 100000)
  --engine  which database to measure (default both)
  --quick   a tenth of the iterations, for trying the benchmark out
PostgreSQL: PIPEWRIGHT_BENCH_DATABASE_URL (default ${DEFAULT_ADMIN_URL}) is an admin URL; the
benchmark creates its own pw_bench_* database there and drops it afterwards.`;

function parse() {
  const { values } = parseArgs({
    options: {
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
  if (values.help || !Number.isInteger(deals) || deals < 1000 || !engines) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  return { deals, engines, quick: values.quick };
}

const tenth = (plans: Plans): Plans => {
  const scale = (p: Plans['board']) => ({ ...p, rounds: Math.max(2, Math.round(p.rounds / 10)) });
  return { board: scale(plans.board), move: scale(plans.move), read: scale(plans.read) };
};

const { deals, engines, quick } = parse();
const adminUrl = process.env.PIPEWRIGHT_BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const started = performance.now();
for (const engine of engines) {
  await benchEngine({ engine, deals, adminUrl, plans: quick ? tenth(defaultPlans) : defaultPlans });
}
log(`summary: ${await writeSummary()}`);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
