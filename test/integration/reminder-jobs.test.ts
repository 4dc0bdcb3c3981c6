import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { TypedApp } from '../../src/server/app-context.js';
import { loadConfig } from '../../src/server/config.js';
import { EMBEDDED_VACUUM_CRON } from '../../src/server/jobs/embedded-vacuum.js';
import { QUEUES } from '../../src/server/jobs/queue.js';
import { startJobs, type Jobs } from '../../src/server/jobs/worker.js';
import { weekStartOf } from '../../src/domain/forecast/weeks.js';
import { addDays, localDate } from '../../src/domain/local-day.js';
import { takeForecastSnapshots } from '../../src/server/modules/forecast/snapshot.service.js';
import { createMailer } from '../../src/server/modules/notifications/mailer.js';
import { apiAs, type Api } from '../helpers/api.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { workspaceFactory } from '../helpers/test-app.js';

// The whole path on a real queue: the API enqueues in its transaction, pg-boss runs the job when
// the activity falls due, the bell rings once; the start-up tick sends the digest once.
let database: Database;
let app: TypedApp;
let jobs: Jobs | undefined;
let api: Api;
let adminEmail: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
  app = await buildApp({
    db: database.db,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    // Before the worker starts nothing is queued: the start-up sweep must find that work.
    jobs: {
      scheduleReminder: async (trx, job) => {
        if (jobs) await jobs.queue.scheduleReminder(trx, job);
      },
    },
  });
  await app.ready();
  const { admin } = await workspaceFactory(database.db);
  adminEmail = admin.email;
  api = apiAs(app, admin.headers);
  // Digest at local midnight, so it is due whenever this runs; with work waiting for it.
  await database.db
    .updateTable('users')
    .set({ digest_hour: 0, timezone: 'UTC' })
    .where('id', '=', admin.id)
    .execute();
  const overdue = await api.post('/api/v1/activities', {
    type: 'task',
    subject: 'Overdue already',
    dueAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  if (overdue.status !== 201) throw new Error(JSON.stringify(overdue.body));
  // The last snapshots were taken in March 2026; no process ran since.
  await takeForecastSnapshots(database.db, Date.parse('2026-03-02T03:00:00Z'));
  jobs = await startJobs({
    database,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    work: true,
    mailer: createMailer(sink.url, 'Pipewright <digest@pipewright.test>'),
    appUrl: () => 'http://localhost:3000',
    pollingIntervalSeconds: 0.5,
  });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await app?.close();
  await database?.close();
  await sink?.close();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const bell = async () =>
  (await api.get('/api/v1/notifications')).body.data as {
    activity: { id: string; subject: string };
  }[];

describe('reminders on the job queue', () => {
  it('rings the bell when an activity falls due, once', async () => {
    const created = await api.post('/api/v1/activities', {
      type: 'call',
      subject: 'Call Mr Minh back',
      dueAt: new Date(Date.now() + 1_500).toISOString(),
    });
    expect(created.status).toBe(201);
    expect((await bell()).some((n) => n.activity.id === created.body.id)).toBe(false);
    const after = await until(bell, (list) => list.some((n) => n.activity.id === created.body.id));
    expect(after.filter((n) => n.activity.id === created.body.id)).toHaveLength(1);
  });

  it('follows a reschedule: no ring at the old time', async () => {
    const created = await api.post('/api/v1/activities', {
      type: 'call',
      subject: 'Moved call',
      dueAt: new Date(Date.now() + 1_000).toISOString(),
    });
    const moved = await api.patch(`/api/v1/activities/${created.body.id}`, {
      version: created.body.version,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(moved.status).toBe(200);
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await bell()).some((n) => n.activity.id === created.body.id)).toBe(false);
  });

  it('catches up at start-up: the overdue activity rings and the digest goes out once', async () => {
    const list = await until(bell, (l) => l.some((n) => n.activity.subject === 'Overdue already'));
    expect(list.filter((n) => n.activity.subject === 'Overdue already')).toHaveLength(1);
    const mails = await until(
      async () => sink.messages.filter((m) => m.to.includes(adminEmail)),
      (m) => m.length > 0,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.raw).toContain('Overdue already');
  });

  it('catches up at start-up: this week’s forecast snapshot, and the closed periods scored', async () => {
    // The workspace's zone may put its week a day earlier than UTC's.
    const week = weekStartOf(localDate(new Date(), 'UTC'));
    const thisWeek = await until(
      () =>
        database.db
          .selectFrom('forecast_snapshots')
          .select(['pipeline_id', 'period_unit'])
          .where('week_start', '>=', addDays(week, -1))
          .execute(),
      (rows) => rows.length > 0,
    );
    expect(thisWeek.length).toBeGreaterThan(0);
    const scored = await until(
      () =>
        database.db
          .selectFrom('forecast_accuracy')
          .select('method')
          .where('period_start', '=', '2026-03-01')
          .where('period_unit', '=', 'month')
          .execute(),
      (rows) => rows.length > 0,
    );
    // Four methods for each of the workspace's pipelines that was snapshotted in March.
    expect(scored.length % 4).toBe(0);
    expect(scored.length).toBeGreaterThan(0);
  });
});

describe('maintenance on the job queue', () => {
  it('vacuums hourly on the embedded engine, which has no autovacuum, and only there', async () => {
    const { rows } = await sql<{ cron: string }>`select cron from pgboss.schedule
      where name = ${QUEUES.embeddedVacuum}`.execute(database.db);
    expect(rows.map((r) => r.cron)).toEqual(
      database.engine === 'pglite' ? [EMBEDDED_VACUUM_CRON] : [],
    );
  });
});
