import type { Command } from 'commander';
import { z } from 'zod';
import { migrateDatabase } from '../server/jobs/embedded-vacuum.js';
import { openDatabase } from '../server/open-database.js';
import { configOrExit, describeDatabase, UsageError, withDatabase } from './context.js';
import { progressReporter } from './progress.js';
import { ensureWebBuild } from '../server/web-build.js';

const positiveInt = (flag: string, max: number) => (raw: string) => {
  const parsed = z.coerce.number().int().min(1).max(max).safeParse(raw);
  if (!parsed.success) throw new UsageError(`${flag}: must be a whole number from 1 to ${max}`);
  return parsed.data;
};

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the server (PORT, DATABASE_URL, PIPEWRIGHT_DATA_DIR from the environment)')
    .option('--demo-if-empty', 'create the demo workspace when the database has no workspace yet')
    .option('--build-web', 'build the web app first if it is missing or older than its sources')
    .action(async (opts: { demoIfEmpty?: boolean; buildWeb?: boolean }) => {
      const config = configOrExit();
      // Loaded here, not above: other commands need neither the HTTP app nor the demo seed.
      const { startServer } = await import('../server/server.js');
      const { seedDemo, DEMO_PASSWORD } = await import('../demo/seed-demo.js');
      if (opts.buildWeb) await ensureWebBuild((line) => process.stdout.write(`${line}\n`));
      const database = openDatabase(config);
      let demoLogin: string | undefined;
      const server = await startServer(config, database, async (db) => {
        if (!opts.demoIfEmpty) return;
        const any = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
        if (any) return;
        process.stdout.write('First start: creating the demo workspace...\n');
        const demo = await seedDemo(db, {
          deals: 600,
          seed: 1,
          onProgress: progressReporter('Demo deals'),
        });
        demoLogin = `${demo.adminEmail} / ${DEMO_PASSWORD}`;
      });
      const demo = await database.db
        .selectFrom('workspaces')
        .innerJoin('users', 'users.workspace_id', 'workspaces.id')
        .select('users.email')
        .where('workspaces.is_demo', '=', true)
        .where('users.role', '=', 'admin')
        .executeTakeFirst();
      process.stdout.write(
        `\nPipewright is running at ${server.url}  (database: ${describeDatabase(config)})\n`,
      );
      process.stdout.write(`API docs: ${server.url}/docs\n`);
      if (demoLogin ?? demo)
        process.stdout.write(`Demo login: ${demoLogin ?? `${demo?.email} / ${DEMO_PASSWORD}`}\n`);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const config = configOrExit();
      const database = openDatabase(config);
      try {
        const applied = await migrateDatabase(database);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date\n',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Create a demo workspace with realistic, deterministic data')
    .requiredOption('--demo', 'seed the demo workspace (the only kind of seed there is)')
    .option('--deals <n>', 'number of deals', positiveInt('--deals', 1_000_000), 600)
    .option(
      '--seed <s>',
      'random seed; the same seed gives the same data',
      positiveInt('--seed', 2 ** 31 - 1),
      1,
    )
    .action(async (opts: { deals: number; seed: number }) => {
      const { seedDemo, DEMO_PASSWORD } = await import('../demo/seed-demo.js');
      await withDatabase(async ({ db }) => {
        const demo = await seedDemo(db, {
          deals: opts.deals,
          seed: opts.seed,
          onProgress: progressReporter('Demo deals'),
        });
        process.stdout.write(
          `Demo workspace ${demo.workspaceId}: ${demo.counts.deals} deals, ${demo.counts.events} events, ${demo.counts.activities} activities, ${demo.counts.users} users\n` +
            `Login: ${demo.adminEmail} / ${DEMO_PASSWORD}\n`,
        );
      });
    });
}
