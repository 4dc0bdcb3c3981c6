import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dueDigests,
  queueDigests,
  type DigestKey,
} from '../../src/server/modules/notifications/digest-schedule.js';
import { sendDigest } from '../../src/server/modules/notifications/digest.service.js';
import { createMailer } from '../../src/server/modules/notifications/mailer.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

async function person(timezone: string, digestHour = 8, locale: 'en' | 'vi' = 'en') {
  const { workspaceId } = await workspaceFactory(t.db);
  const user = await userFactory(t.db, workspaceId);
  await t.db
    .updateTable('users')
    .set({ timezone, digest_hour: digestHour, locale, name: 'Lan' })
    .where('id', '=', user.id)
    .execute();
  return { ...user, workspaceId };
}

const dueFor = async (userId: string, now: string) =>
  (await dueDigests(t.db, new Date(now))).filter((d) => d.userId === userId);

describe('when the daily digest is due', () => {
  it('goes at 08:00 on the local clock in Ho Chi Minh City (UTC+7), dated the local day', async () => {
    const lan = await person('Asia/Ho_Chi_Minh');
    expect(await dueFor(lan.id, '2026-03-10T00:59:59Z')).toEqual([]);
    expect(await dueFor(lan.id, '2026-03-10T01:00:00Z')).toEqual([
      { userId: lan.id, localDate: '2026-03-10' },
    ]);
    // 20:00 UTC is already 03:00 the next day there, before the digest hour.
    expect(await dueFor(lan.id, '2026-03-10T20:00:00Z')).toEqual([]);
  });

  it('follows daylight saving in New York: 08:00 EDT is 12:00 UTC on the day clocks go forward', async () => {
    const ny = await person('America/New_York');
    expect(await dueFor(ny.id, '2026-03-08T11:59:00Z')).toEqual([]);
    expect(await dueFor(ny.id, '2026-03-08T12:00:00Z')).toEqual([
      { userId: ny.id, localDate: '2026-03-08' },
    ]);
    // The day before, still on EST, 08:00 was 13:00 UTC.
    expect(await dueFor(ny.id, '2026-03-07T12:30:00Z')).toEqual([]);
  });

  it('leaves out people who turned it off, inactive people, demo workspaces and days already sent', async () => {
    const off = await person('UTC', 0);
    await t.db
      .updateTable('users')
      .set({ digest_enabled: false })
      .where('id', '=', off.id)
      .execute();
    const gone = await person('UTC', 0);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', gone.id).execute();
    const demo = await person('UTC', 0);
    await t.db
      .updateTable('workspaces')
      .set({ is_demo: true })
      .where('id', '=', demo.workspaceId)
      .execute();
    const sent = await person('UTC', 0);
    await t.db
      .insertInto('digest_deliveries')
      .values({ user_id: sent.id, local_date: '2026-05-01', status: 'sent' })
      .execute();
    for (const p of [off, gone, demo, sent]) {
      expect(await dueFor(p.id, '2026-05-01T10:00:00Z')).toEqual([]);
    }
    expect(await dueFor(sent.id, '2026-05-02T10:00:00Z')).toHaveLength(1);
  });

  it('queues each digest once when two workers tick at the same moment', async () => {
    const p = await person('UTC', 0);
    const keys = await dueFor(p.id, '2026-06-01T09:00:00Z');
    const queued: DigestKey[] = [];
    const enqueue = async (_trx: unknown, key: DigestKey) => {
      queued.push(key);
    };
    const [a, b] = await Promise.all([
      queueDigests(t.db, keys, enqueue),
      queueDigests(t.db, keys, enqueue),
    ]);
    expect(a.length + b.length).toBe(1);
    expect(queued).toEqual([{ userId: p.id, localDate: '2026-06-01' }]);
  });
});

describe('sending the digest', () => {
  const mailer = () => createMailer(sink.url, 'Pipewright <digest@pipewright.test>');

  async function dueActivity(p: { id: string; workspaceId: string }, subject: string, at: string) {
    await t.db
      .insertInto('activities')
      .values({
        workspace_id: p.workspaceId,
        type: 'call',
        subject,
        due_at: new Date(at),
        owner_id: p.id,
      })
      .execute();
  }

  it('mails today’s and overdue work once, in the person’s language', async () => {
    const lan = await person('Asia/Ho_Chi_Minh', 8, 'vi');
    await dueActivity(lan, 'Gọi lại anh Minh', '2026-04-02T03:00:00Z');
    await dueActivity(lan, 'Send the quote', '2026-04-01T03:00:00Z');
    const key = { userId: lan.id, localDate: '2026-04-02' };
    await queueDigests(t.db, [key], async () => undefined);
    const before = sink.messages.length;
    const now = new Date('2026-04-02T01:30:00Z');
    expect(await sendDigest(t.db, mailer(), 'https://crm.example.vn', key, now)).toBe('sent');
    expect(await sendDigest(t.db, mailer(), 'https://crm.example.vn', key, now)).toBe(
      'not-claimed',
    );
    const mine = sink.messages.slice(before).filter((m) => m.to.includes(lan.email));
    expect(mine).toHaveLength(1);
    const raw = mine[0]?.raw ?? '';
    const decoded = decodeMime(raw);
    expect(decoded).toContain('Gọi lại anh Minh');
    expect(decoded).toContain('Send the quote');
    expect(decoded).toContain('Quá hạn');
    expect(decoded).toContain('https://crm.example.vn/my-day');
    const row = await t.db
      .selectFrom('digest_deliveries')
      .selectAll()
      .where('user_id', '=', lan.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
  });

  it('skips an empty day without sending', async () => {
    const idle = await person('UTC', 0);
    const key = { userId: idle.id, localDate: '2026-04-03' };
    await queueDigests(t.db, [key], async () => undefined);
    const before = sink.messages.length;
    expect(
      await sendDigest(t.db, mailer(), 'http://x', key, new Date('2026-04-03T09:00:00Z')),
    ).toBe('skipped');
    expect(sink.messages.length).toBe(before);
  });

  it('puts a digest back for a retry when the SMTP server cannot be reached', async () => {
    const p = await person('UTC', 0);
    await dueActivity(p, 'Follow up', '2026-04-04T09:00:00Z');
    const key = { userId: p.id, localDate: '2026-04-04' };
    await queueDigests(t.db, [key], async () => undefined);
    const down = createMailer('smtp://127.0.0.1:1', 'x@example.test');
    await expect(
      sendDigest(t.db, down, 'http://x', key, new Date('2026-04-04T10:00:00Z')),
    ).rejects.toThrow();
    const failed = await t.db
      .selectFrom('digest_deliveries')
      .selectAll()
      .where('user_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('pending');
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    expect(
      await sendDigest(t.db, mailer(), 'http://x', key, new Date('2026-04-04T10:00:00Z')),
    ).toBe('sent');
  });
});

/** Undoes quoted-printable and base64 bodies enough to search the text. */
function decodeMime(raw: string): string {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const b64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)]
    .map((m) => Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${b64}`;
}
