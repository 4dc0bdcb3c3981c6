import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEdgeRows, adminUrl, fingerprint, freshPostgres } from '../helpers/installation.js';
import { cli, tempDataDir } from '../helpers/processes.js';

// One seeded PGlite installation, backed up and restored, and copied, on both engines.
const source = tempDataDir();
const file = join(tempDataDir(), 'install.backup');
let expected: Record<string, string>;

beforeAll(() => {
  const seeded = cli(['seed', '--demo', '--deals', '150', '--seed', '3'], {
    PIPEWRIGHT_DATA_DIR: source,
  });
  expect(seeded.status, seeded.stderr).toBe(0);
}, 120_000);

describe('backup and restore', () => {
  it('restores every row of every table into an empty PGlite installation', async () => {
    await addEdgeRows(source);
    expected = await fingerprint({ dataDir: source });
    expect(expected.leads).toMatch(/^1:/);
    const backup = cli(['backup', file], { PIPEWRIGHT_DATA_DIR: source });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/rows in .* s/);
    const again = cli(['backup', file], { PIPEWRIGHT_DATA_DIR: source });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');

    const target = tempDataDir();
    const restore = cli(['restore', file], { PIPEWRIGHT_DATA_DIR: target });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await fingerprint({ dataDir: target })).toEqual(expected);

    const refused = cli(['restore', file], { PIPEWRIGHT_DATA_DIR: target });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not empty \(.*workspaces: 1,/);
    const forced = cli(['restore', '--force', file], { PIPEWRIGHT_DATA_DIR: target });
    expect(forced.status, forced.stderr).toBe(0);
    expect(await fingerprint({ dataDir: target })).toEqual(expected);
  }, 120_000);

  it('refuses a truncated backup and leaves the target empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = join(tempDataDir(), 'cut.backup');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n'));
    const target = tempDataDir();
    const restore = cli(['restore', cut], { PIPEWRIGHT_DATA_DIR: target });
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/truncated/);
    const after = await fingerprint({ dataDir: target });
    expect(Object.values(after).every((v) => v.startsWith('0:'))).toBe(true);
    const notBackup = join(tempDataDir(), 'x.backup');
    writeFileSync(notBackup, 'hello');
    expect(cli(['restore', notBackup], { PIPEWRIGHT_DATA_DIR: target }).stderr).toMatch(
      /not a Pipewright backup/,
    );
  }, 120_000);

  it.skipIf(!adminUrl)(
    'restores a PGlite backup into PostgreSQL and back',
    async () => {
      const pgTarget = await freshPostgres();
      try {
        const restore = cli(['restore', file], { DATABASE_URL: pgTarget.url });
        expect(restore.status, restore.stderr).toBe(0);
        expect(await fingerprint({ databaseUrl: pgTarget.url })).toEqual(expected);
        const fromPg = join(tempDataDir(), 'pg.backup');
        const backup = cli(['backup', fromPg], { DATABASE_URL: pgTarget.url });
        expect(backup.status, backup.stderr).toBe(0);
        const back = tempDataDir();
        expect(cli(['restore', fromPg], { PIPEWRIGHT_DATA_DIR: back }).status).toBe(0);
        expect(await fingerprint({ dataDir: back })).toEqual(expected);
      } finally {
        await pgTarget.drop();
      }
    },
    120_000,
  );
});

describe.skipIf(!adminUrl)('db copy', () => {
  it('moves a PGlite installation into a fresh PostgreSQL database and verifies it', async () => {
    const pgTarget = await freshPostgres();
    try {
      const bad = cli(['db', 'copy', '--to', 'mysql://x'], { PIPEWRIGHT_DATA_DIR: source });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--to');
      const copy = cli(['db', 'copy', '--to', pgTarget.url], { PIPEWRIGHT_DATA_DIR: source });
      expect(copy.status, copy.stderr).toBe(0);
      expect(copy.stdout).toMatch(/deals\s+150 ->\s+150 {2}same/);
      expect(copy.stdout).not.toContain('DIFFERENT');
      expect(await fingerprint({ databaseUrl: pgTarget.url })).toEqual(expected);
      const again = cli(['db', 'copy', '--to', pgTarget.url], { PIPEWRIGHT_DATA_DIR: source });
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/not empty/);
      // Identity sequences continue after the copied rows: a new row gets the next id.
      const client = new pg.Client({ connectionString: pgTarget.url });
      await client.connect();
      try {
        const before = await client.query<{ max: number }>(
          'select max(id)::int as max from login_failures',
        );
        const added = await client.query<{ id: number }>(
          "insert into login_failures (email, ip) values ('y@example.com', '10.0.0.2') returning id::int",
        );
        expect(before.rows[0]!.max).toBeGreaterThan(0);
        expect(added.rows[0]!.id).toBe(before.rows[0]!.max + 1);
      } finally {
        await client.end();
      }
    } finally {
      await pgTarget.drop();
    }
  }, 120_000);
});
