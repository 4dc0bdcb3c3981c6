import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openBenchDatabase } from './bench-db.js';
import { setUpWorkspace, writeDealsCsv } from './import-data.js';
import { log } from './log.js';
import { writeResult } from './report.js';

// Rows per second importing generated deals on PostgreSQL through `pipewright import deals` in a
// child process (so its peak memory is its own), beside a COPY of the very rows it wrote into the
// same tables. Writes results/import-postgres.json.

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const MEMORY_LIMIT_MB = 300;
// What an import writes, parents first: the COPY loads the same rows in this order.
const TABLES = ['companies', 'deals', 'deal_events', 'import_batches', 'import_records'] as const;

type Run = { status: number | null; stdout: string; stderr: string; seconds: number };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const load = () => os.loadavg().map((n) => round(n, 2));

async function importOnce(rows: number, dir: string, adminUrl: string, batchSize: number) {
  const file = path.join(dir, `deals-${rows}.csv`);
  const bytes = await writeDealsCsv(file, rows, 20261127);
  log(`import: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV`);
  const database = await openBenchDatabase('postgres', adminUrl);
  try {
    const workspaceId = await setUpWorkspace(database.db);
    const loadBefore = load();
    const cli = await run(
      process.execPath,
      [
        // PW_BENCH_NODE_ARGS adds Node options to the child, e.g. --cpu-prof to profile it.
        ...(process.env.PW_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        '--import',
        './bench/max-rss.ts',
        'src/cli/main.ts',
        'import',
        'deals',
        file,
        '--batch-size',
        String(batchSize),
      ],
      { DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    );
    const loadAfter = load();
    if (cli.status !== 0)
      throw new Error(`the import failed (${cli.status}):\n${cli.stderr.slice(-2000)}`);
    const maxRssKb = Number(/\[max-rss-kb\] (\d+)/.exec(cli.stderr)?.[1]);
    const pace = /(\d+) rows in ([\d.]+) s/.exec(cli.stderr);
    const importSeconds = pace ? Number(pace[2]) : cli.seconds;
    const counts = await countRows(database.db, workspaceId);
    log(
      `import: ${importSeconds.toFixed(1)} s in the command (${cli.seconds.toFixed(1)} s with start-up), peak ${Math.round(maxRssKb / 1024)} MB`,
    );

    const copy = await copyBack(database.url as string, database.db, workspaceId, dir);
    const again = await countRows(database.db, workspaceId);
    if (JSON.stringify(again) !== JSON.stringify(counts))
      throw new Error(
        `COPY loaded ${JSON.stringify(again)}, the import wrote ${JSON.stringify(counts)}`,
      );
    log(`copy: ${copy.toFixed(1)} s for the same rows`);
    const importerRate = rows / importSeconds;
    const copyRate = rows / copy;
    return {
      rows,
      csvBytes: bytes,
      batchSize,
      tableRows: counts,
      importer: {
        seconds: round(importSeconds),
        wallSecondsWithStartup: round(cli.seconds),
        rowsPerSec: Math.round(importerRate),
        maxRssMb: round(maxRssKb / 1024),
      },
      copy: { seconds: round(copy, 2), rowsPerSec: Math.round(copyRate) },
      ratio: round(importerRate / copyRate, 3),
      memoryWithinLimit: maxRssKb / 1024 < MEMORY_LIMIT_MB,
      loadAverage: { before: loadBefore, after: loadAfter },
    };
  } finally {
    await database.close();
  }
}

async function countRows(
  db: import('kysely').Kysely<import('../src/db/schema.js').DB>,
  workspaceId: string,
) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(
      db,
    );
    counts[table] = Number(r.rows[0]?.n);
  }
  return counts;
}

/** Saves what the import wrote, empties the tables, and times COPY loading it back (psql). */
async function copyBack(
  url: string,
  db: import('kysely').Kysely<import('../src/db/schema.js').DB>,
  workspaceId: string,
  dir: string,
) {
  const columns: Record<string, string> = {};
  const out: string[] = [];
  const into: string[] = [];
  for (const table of TABLES) {
    const r = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`.execute(db);
    columns[table] = r.rows.map((c) => `"${c.name}"`).join(', ');
    const file = path.join(dir, `${table}.copy`);
    out.push(
      `\\copy (select ${columns[table]} from ${table} where workspace_id = '${workspaceId}') to '${file}'`,
    );
    into.push(`\\copy ${table} (${columns[table]}) from '${file}'`);
  }
  const save = await run('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', out.join('\n')]);
  if (save.status !== 0) {
    await writeFile(path.join(dir, 'out.sql'), out.join('\n'));
    const again = await run('psql', [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-f',
      path.join(dir, 'out.sql'),
    ]);
    if (again.status !== 0) throw new Error(`saving the rows failed: ${again.stderr}`);
  }
  await sql`truncate ${sql.join(TABLES.map((t) => sql.table(t)))} cascade`.execute(db);
  await writeFile(path.join(dir, 'in.sql'), into.join('\n'));
  const loaded = await run('psql', [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
    '-1',
    '-f',
    path.join(dir, 'in.sql'),
  ]);
  if (loaded.status !== 0) throw new Error(`COPY failed: ${loaded.stderr}`);
  return loaded.seconds;
}

export type ImportBenchPlan = { sizes: number[]; batchSize: number };

export async function benchImport(adminUrl: string, plan: ImportBenchPlan): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-import-bench-'));
  try {
    const runs = [];
    for (const rows of plan.sizes) runs.push(await importOnce(rows, dir, adminUrl, plan.batchSize));
    const result = {
      engine: 'postgres',
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      memoryLimitMb: MEMORY_LIMIT_MB,
      machine:
        'A shared 2-core machine: other work (tests and benchmarks of parallel sessions) ran at the same time, so the load averages are part of every number here.',
      method:
        "`pipewright import deals FILE` (node --import tsx src/cli/main.ts) in a child process against a fresh PostgreSQL database holding one workspace with its 20 owners; seconds as the command reports them (both passes: the check and the batched write), start-up and migration check excluded; peak memory is the child process's maxRSS. COPY: the rows the import wrote to companies, deals, deal_events, import_batches and import_records, saved, the tables emptied, and loaded back with psql \\copy in one transaction. Ratio: importer rows/s over COPY rows/s.",
      runs,
    };
    return await writeResult('import-postgres.json', JSON.stringify(result, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
