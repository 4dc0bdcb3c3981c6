import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { webDistDir } from './web-build.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { migrateDatabase } from './jobs/embedded-vacuum.js';
import { startJobs, type Jobs } from './jobs/worker.js';
import { createMailer } from './modules/notifications/mailer.js';

export { openDatabase } from './open-database.js';

export type StartedServer = { url: string; close: () => Promise<void> };

/** Migrates, builds the app and listens; SIGINT/SIGTERM close the server and the database cleanly. */
export async function startServer(
  config: Config,
  database: Database,
  beforeListen?: (db: Kysely<DB>) => Promise<void>,
): Promise<StartedServer> {
  await migrateDatabase(database);
  if (beforeListen) await beforeListen(database.db);
  // The port is known only after listening; links in e-mails need it when no public URL is set.
  let appUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const app = await buildApp({
    db: database.db,
    config,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    webDistDir,
    // Bound below, before the server listens; no request can come in between.
    jobs: { scheduleReminder: (trx, job) => jobs.queue.scheduleReminder(trx, job) },
  });
  const jobs: Jobs = await startJobs({
    database,
    log: app.log,
    work: config.jobs,
    mailer: config.smtpUrl ? createMailer(config.smtpUrl, config.smtpFrom) : null,
    appUrl: () => appUrl,
    pollingIntervalSeconds: config.jobPollSeconds,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  appUrl = url;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    })();
    return closing;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { url, close };
}
