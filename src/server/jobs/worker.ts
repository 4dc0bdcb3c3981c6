import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import {
  dueDigests,
  queueDigests,
  type DigestKey,
} from '../modules/notifications/digest-schedule.js';
import { recordForecastAccuracy } from '../modules/forecast/accuracy.service.js';
import { takeForecastSnapshots } from '../modules/forecast/snapshot.service.js';
import { sendDigest } from '../modules/notifications/digest.service.js';
import type { Mailer } from '../modules/notifications/mailer.js';
import {
  deliverReminder,
  sweepDueReminders,
  type ReminderJob,
} from '../modules/notifications/reminders.js';
import { createDueRenewals } from '../modules/post-purchase/renewals.service.js';
import { EMBEDDED_VACUUM_CRON, vacuumDatabase } from './embedded-vacuum.js';
import { digestJob, jobQueueOf, QUEUES, type JobQueue } from './queue.js';

export type JobsOptions = {
  database: Database;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Work jobs in this process; when false it only enqueues (another process works them). */
  work: boolean;
  mailer: Mailer | null;
  /** The app's address for links in e-mails (known only once the server listens). */
  appUrl: () => string;
  pollingIntervalSeconds?: number;
  /** How often the sweeps run (cron, UTC). */
  tickCron?: string;
};

export type Jobs = { queue: JobQueue; stop: () => Promise<void> };

const isDeadlock = (e: unknown) => (e as { code?: string }).code === '40P01';

/** createQueue on a fresh schema deadlocks when two processes race; look first, retry on 40P01. */
async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name);
      return;
    } catch (e) {
      if (!isDeadlock(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}

/** Starts pg-boss on the app's database (same PostgreSQL, or the same PGlite) and its workers. */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { database, log, work, mailer, appUrl } = options;
  const db: Kysely<DB> = database.db;
  const connection = database.queueConnection;
  const boss = new PgBoss({
    ...('connectionString' in connection
      ? { connectionString: connection.connectionString, max: 3 }
      : { db: { executeSql: connection.executeSql as PgBoss.Db['executeSql'] } }),
    schema: 'pgboss',
    supervise: work,
    schedule: work,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) await ensureQueue(boss, name);

  if (work) {
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work<ReminderJob>(QUEUES.reminder, { ...polling, batchSize: 20 }, async (jobs) => {
      for (const job of jobs) await deliverReminder(db, job.data);
    });
    await boss.work(QUEUES.reminderSweep, polling, async () => {
      const created = await sweepDueReminders(db);
      if (created > 0) log.info({ created }, 'reminder sweep rang the bell for missed activities');
    });
    await boss.work(QUEUES.digestTick, polling, async () => {
      if (!mailer) return;
      const queued = await queueDigests(db, await dueDigests(db, new Date()), (trx, key) =>
        digestJob(trx, boss, key).then(() => undefined),
      );
      if (queued.length > 0) log.info({ digests: queued.length }, 'daily digests queued');
    });
    await boss.work<DigestKey>(QUEUES.digest, polling, async (jobs) => {
      if (!mailer) return;
      for (const job of jobs) await sendDigest(db, mailer, appUrl(), job.data);
    });
    await boss.work(QUEUES.renewals, polling, async () => {
      const created = await createDueRenewals(db);
      if (created.length > 0) {
        log.info({ renewals: created.length }, 'renewal deals created');
        // A renewal whose call is already due rings now, not at the next sweep.
        await sweepDueReminders(db);
      }
    });
    await boss.work(QUEUES.forecastSnapshot, polling, async () => {
      const taken = await takeForecastSnapshots(db);
      log.info({ taken }, 'weekly forecast snapshots taken');
    });
    await boss.work(QUEUES.forecastAccuracy, polling, async () => {
      const recorded = await recordForecastAccuracy(db);
      if (recorded > 0) log.info({ recorded }, 'forecast accuracy of closed periods stored');
    });
    if (database.engine === 'pglite') {
      await boss.work(QUEUES.embeddedVacuum, polling, async () => {
        const start = Date.now();
        await vacuumDatabase(db);
        log.info({ ms: Date.now() - start }, 'embedded database vacuumed');
      });
      await boss.schedule(QUEUES.embeddedVacuum, EMBEDDED_VACUUM_CRON);
    }
    // Mondays 01:00 UTC; one snapshot per pipeline, period and week, so a retry adds nothing.
    await boss.schedule(QUEUES.forecastSnapshot, '0 1 * * 1');
    // Hourly, so a period is scored soon after it closes in any zone; each once only.
    await boss.schedule(QUEUES.forecastAccuracy, '17 * * * *');
    const cron = options.tickCron ?? '*/5 * * * *';
    await boss.schedule(QUEUES.reminderSweep, cron);
    await boss.schedule(QUEUES.digestTick, cron);
    await boss.schedule(QUEUES.renewals, cron);
    // Catch up at once after a start instead of waiting for the next tick; all are idempotent.
    await boss.send(QUEUES.reminderSweep, {});
    await boss.send(QUEUES.digestTick, {});
    await boss.send(QUEUES.renewals, {});
    // This week's snapshot if it was missed while no process ran, and periods closed meanwhile.
    await boss.send(QUEUES.forecastSnapshot, {});
    await boss.send(QUEUES.forecastAccuracy, {});
  }

  return {
    queue: jobQueueOf(boss),
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      mailer?.close();
    },
  };
}
