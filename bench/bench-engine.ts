import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Engine } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openBenchDatabase } from './bench-db.js';
import { profileEngine } from './engine-profile.js';
import { log, timed } from './log.js';
import { checkMoveParity, checkParity } from './parity.js';
import { explainBoard } from './plans.js';
import { writeResult } from './report.js';
import { benchBoard, benchMove, benchRead, type Plans, type Target } from './scenarios.js';
import { seed } from './seed.js';

export type EngineOptions = { engine: Engine; deals: number; adminUrl: string; plans: Plans };

/** Seeds a fresh database, measures board, move and read, profiles them, writes api-<engine>.json. */
export async function benchEngine({
  engine,
  deals,
  adminUrl,
  plans,
}: EngineOptions): Promise<string> {
  const started = performance.now();
  log(`${engine}: opening a fresh database`);
  const database = await openBenchDatabase(engine, adminUrl);
  try {
    const { db } = database;
    const seeded = await seed(db, deals);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({ db, config });
    await app.ready();
    const t: Target = { db, app, seeded };
    const seconds: Record<string, number> = {};
    const loadAverageBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
    try {
      await checkParity(t, deals);
      await checkMoveParity(t);
      const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
        const { value, seconds: taken } = await timed(`${engine}: ${name}`, run);
        seconds[name] = taken;
        return value;
      };
      const board = await step('board', () => benchBoard(t, plans.board));
      const move = await step('move', () => benchMove(t, plans.move));
      const read = await step('read', () => benchRead(t, plans.read));
      const profile = await step('profile', () => profileEngine(t, config));
      if (engine === 'postgres') {
        await timed('postgres: explain analyze', async () =>
          writeResult('board-plans-postgres.txt', await explainBoard(db, seeded)),
        );
      }
      const version = await sql<{ v: string }>`select version() as v`.execute(db);
      const result = {
        benchmark: 'api',
        engine,
        deals,
        date: new Date().toISOString(),
        node: process.version,
        cores: os.cpus().length,
        // Other work on the machine skews every number; both sides share it, the ratios less so.
        loadAverage: {
          before: loadAverageBefore,
          after: os.loadavg().map((n) => Math.round(n * 100) / 100),
        },
        cpu: os.cpus()[0]?.model ?? 'unknown',
        platform: `${os.platform()} ${os.release()}`,
        database: { version: version.rows[0]?.v ?? 'unknown', location: database.location },
        method: {
          transport: 'in-process app.inject with a bearer API token (admin: every deal visible)',
          concurrency: 'sequential, one operation at a time on both sides',
          alternation: plans,
        },
        board,
        move,
        read,
        seconds: {
          ...seeded.loadSeconds,
          ...seconds,
          total: Math.round((performance.now() - started) / 100) / 10,
        },
        profile,
      };
      const file = await writeResult(`api-${engine}.json`, JSON.stringify(result, null, 2));
      log(`${engine}: wrote ${file}`);
      return file;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
