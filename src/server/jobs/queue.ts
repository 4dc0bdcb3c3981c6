import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import type { DB } from '../../db/schema.js';
import type { ReminderJob } from '../modules/notifications/reminders.js';
import type { DigestKey } from '../modules/notifications/digest-schedule.js';

export const QUEUES = {
  reminder: 'activity-reminder',
  reminderSweep: 'reminder-sweep',
  digestTick: 'digest-tick',
  digest: 'digest-send',
  renewals: 'renewal-tick',
  forecastSnapshot: 'forecast-snapshot',
  forecastAccuracy: 'forecast-accuracy',
  embeddedVacuum: 'embedded-vacuum',
} as const;

/** Lets pg-boss write its job row inside one of our transactions: rolled back, no job. */
export function queueDbOf(trx: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

/** What request handlers may enqueue; null where no queue runs (most tests). */
export type JobQueue = {
  scheduleReminder: (trx: Kysely<DB>, job: ReminderJob) => Promise<void>;
};

export function jobQueueOf(boss: PgBoss): JobQueue {
  return {
    scheduleReminder: async (trx, job) => {
      await boss.send(QUEUES.reminder, job, {
        startAfter: new Date(job.dueAt),
        retryLimit: 10,
        retryBackoff: true,
        expireInSeconds: 60,
        db: queueDbOf(trx),
      });
    },
  };
}

export const digestJob = (trx: Kysely<DB>, boss: PgBoss, key: DigestKey) =>
  boss.send(QUEUES.digest, key, {
    retryLimit: 8,
    retryBackoff: true,
    retryDelay: 30,
    expireInSeconds: 120,
    db: queueDbOf(trx),
  });
