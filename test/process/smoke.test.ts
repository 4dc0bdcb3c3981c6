import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { randomPort, root, tempDataDir } from '../helpers/processes.js';

const runSmoke = (env: NodeJS.ProcessEnv) =>
  spawnSync('bash', [join(root, 'scripts/smoke.sh')], {
    env: { ...process.env, PORT: String(randomPort()), ...env },
    encoding: 'utf8',
    timeout: 200_000,
  });

// The definition of done: curl alone, on the embedded database and on PostgreSQL.
describe('curl smoke script', () => {
  it('passes on the embedded database', () => {
    const result = runSmoke({ PIPEWRIGHT_DATA_DIR: tempDataDir(), DATABASE_URL: '' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('smoke: ok');
  }, 240_000);

  const adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;
  it.runIf(adminUrl)(
    'passes on PostgreSQL',
    async () => {
      const name = `pw_smoke_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(adminUrl as string);
        url.pathname = `/${name}`;
        const result = runSmoke({ DATABASE_URL: url.toString() });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain('smoke: ok');
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});
