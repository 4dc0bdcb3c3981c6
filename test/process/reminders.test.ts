import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, randomPort, startServe, tempDataDir } from '../helpers/processes.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

// Background work as the issues ask: two app processes on one PostgreSQL ring each bell once,
// send one digest and create one renewal; processes killed before activities fall due lose none.
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink?.close());

const email = 'lan@reminders.test';

// Tests read arbitrary JSON; zod on the server already checked its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function clientFor(port: number, token: string) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    get: async (path: string) => (await fetch(base + path, { headers })).json() as Promise<Json>,
    send: async (method: string, path: string, body: unknown) => {
      const res = await fetch(base + path, { method, headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Json>;
    },
  };
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

let dealId = '';

/**
 * Sets up, through a jobs-off server, a user whose digest is due now, with `overdue` + `soon`
 * activities, and a won deal whose renewal is due.
 */
async function prepare(env: NodeJS.ProcessEnv, soon: number) {
  expect(
    cli(
      ['user', 'create', '--email', email, '--password', 'long enough password', '--role', 'admin'],
      env,
    ).status,
  ).toBe(0);
  const token = cli(['token', 'create', '--email', email], env).stdout.trim();
  const port = randomPort();
  const setup = await startServe({ ...env, PIPEWRIGHT_JOBS: 'off' }, port);
  try {
    const api = clientFor(port, token);
    const me = await api.get('/auth/me');
    const user = await api.get(`/users/${me.id}`);
    await api.send('PATCH', `/users/${me.id}`, {
      version: user.version,
      digestHour: 0,
      timezone: 'UTC',
    });
    await api.send('POST', '/activities', {
      type: 'task',
      subject: 'Already overdue',
      dueAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    // A won deal whose contract ends within the renewal lead days: its renewal is due at once.
    const deal = await api.send('POST', '/deals', { title: 'Annual licence', value: 1_200_00 });
    const won = await api.send('PATCH', `/deals/${deal.id}`, {
      version: deal.version,
      status: 'won',
    });
    const ends = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await api.send('PUT', `/deals/${won.id}/contract`, { startsOn: '2026-01-01', endsOn: ends });
    dealId = won.id;
    for (let i = 0; i < soon; i++) {
      await api.send('POST', '/activities', {
        type: 'call',
        subject: `Soon ${i}`,
        dueAt: new Date(Date.now() + 8_000 + i * 300).toISOString(),
      });
    }
  } finally {
    await stop(setup, 'SIGTERM');
  }
  return token;
}

const jobEnv = () => ({ SMTP_URL: sink.url, PIPEWRIGHT_JOB_POLL_SECONDS: '0.5' });
const mailsTo = () => sink.messages.filter((m) => m.to.includes(email));

describe('reminders across processes', () => {
  const adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;

  it.runIf(adminUrl)(
    'two processes on one PostgreSQL: each activity rings once, one digest, none lost across SIGKILL',
    async () => {
      const name = `pw_remind_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl as string);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), ...jobEnv() };
      const children: ChildProcess[] = [];
      try {
        const before = mailsTo().length;
        const token = await prepare(env, 5);
        const [portA, portB] = [randomPort(), randomPort()];
        children.push(...(await Promise.all([startServe(env, portA), startServe(env, portB)])));
        const api = clientFor(portB, token);
        const bell = async () =>
          (await api.get('/notifications?limit=100')).data as { activity: { subject: string } }[];
        // Six activities, and the renewal's task, due at once because the contract ends soon.
        const rung = await until(bell, (l) => l.length >= 7);
        expect(rung).toHaveLength(7);
        await until(
          async () => mailsTo().length - before,
          (n) => n >= 1,
        );
        const renewals = async () =>
          ((await api.get(`/deals/${dealId}/links`)).children as { kind: string }[]).filter(
            (c) => c.kind === 'renewal',
          );
        await until(renewals, (r) => r.length >= 1);
        // Both processes keep polling: give a duplicate every chance to appear.
        await new Promise((r) => setTimeout(r, 3_000));
        expect(await bell()).toHaveLength(7);
        expect(mailsTo().length - before).toBe(1);
        expect(await renewals()).toHaveLength(1);

        // Three more fall due while every process is dead; a restart must still ring them.
        const a = clientFor(portA, token);
        for (let i = 0; i < 3; i++) {
          await a.send('POST', '/activities', {
            type: 'call',
            subject: `While down ${i}`,
            dueAt: new Date(Date.now() + 2_000).toISOString(),
          });
        }
        await Promise.all(children.splice(0).map((c) => stop(c, 'SIGKILL')));
        await new Promise((r) => setTimeout(r, 3_000));
        const portC = randomPort();
        children.push(await startServe(env, portC));
        const c = clientFor(portC, token);
        const all = await until(
          async () => (await c.get('/notifications?limit=100')).data as unknown[],
          (l) => l.length >= 10,
        );
        expect(all).toHaveLength(10);
        expect(mailsTo().length - before).toBe(1);
        const links = (await c.get(`/deals/${dealId}/links`)).children as { kind: string }[];
        expect(links.filter((l) => l.kind === 'renewal')).toHaveLength(1);
      } finally {
        await Promise.all(children.map((c) => stop(c, 'SIGKILL')));
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );

  it('the embedded database: a restart in between loses no reminder', async () => {
    const env = { PIPEWRIGHT_DATA_DIR: tempDataDir(), DATABASE_URL: '', ...jobEnv() };
    const token = await prepare(env, 2);
    // Every reminder falls due while no process runs.
    await new Promise((r) => setTimeout(r, 9_000));
    const port = randomPort();
    const server = await startServe(env, port);
    try {
      const api = clientFor(port, token);
      const list = await until(
        async () => (await api.get('/notifications')).data as { activity: { subject: string } }[],
        (l) => l.length >= 4,
      );
      // The three activities, and the renewal task the start-up created for the ending contract.
      expect(list.map((n) => n.activity.subject).sort()).toEqual([
        'Already overdue',
        expect.stringMatching(/^Renewal: talk to the customer before \d{4}-\d{2}-\d{2}$/),
        'Soon 0',
        'Soon 1',
      ]);
    } finally {
      await stop(server, 'SIGTERM');
    }
  }, 240_000);

  it('pipewright digest previews a digest, and sends it now with --send', async () => {
    const env = { PIPEWRIGHT_DATA_DIR: tempDataDir(), DATABASE_URL: '' };
    await prepare(env, 0);
    const preview = cli(['digest', '--email', email], env);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toContain(`To: ${email}`);
    expect(preview.stdout).toContain('Already overdue');

    const noSmtp = cli(['digest', '--email', email, '--send'], env);
    expect(noSmtp.status).toBe(2);
    expect(noSmtp.stderr).toContain('SMTP_URL');
    const badDate = cli(['digest', '--email', email, '--date', '2026-13-01'], env);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--date');
    const nobody = cli(['digest', '--email', 'nobody@example.test'], env);
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('--email');

    const before = mailsTo().length;
    const sent = await cliAsync(['digest', '--email', email, '--send'], {
      ...env,
      SMTP_URL: sink.url,
    });
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toContain(`Sent to ${email}`);
    expect(mailsTo().length - before).toBe(1);
  }, 240_000);
});
