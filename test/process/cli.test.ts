import { describe, expect, it } from 'vitest';
import { cli, randomPort, startServe, tempDataDir } from '../helpers/processes.js';

describe('the pipewright command', () => {
  it('prints help for the command and each subcommand, exit 0', () => {
    const top = cli(['--help']);
    expect(top.status).toBe(0);
    for (const name of ['serve', 'migrate', 'seed', 'user', 'token'])
      expect(top.stdout).toContain(name);
    const create = cli(['user', 'create', '--help']);
    expect(create.status).toBe(0);
    expect(create.stdout).toContain('--role');
  });

  it('answers bad arguments with a clear message and exit code 2', () => {
    const dir = tempDataDir();
    const env = { PIPEWRIGHT_DATA_DIR: dir };
    const unknown = cli(['frobnicate'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/i);
    const badEmail = cli(
      ['user', 'create', '--email', 'nope', '--password', 'long enough password'],
      env,
    );
    expect(badEmail.status).toBe(2);
    expect(badEmail.stderr).toContain('--email');
    const badRole = cli(
      [
        'user',
        'create',
        '--email',
        'a@b.co',
        '--password',
        'long enough password',
        '--role',
        'king',
      ],
      env,
    );
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role');
    const badDeals = cli(['seed', '--demo', '--deals', 'many'], env);
    expect(badDeals.status).toBe(2);
    expect(badDeals.stderr).toContain('--deals');
    const missing = cli(['token', 'create'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--email');
    const badEnv = cli(['migrate'], { ...env, PORT: 'eighty' });
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr).toContain('PORT');
  });

  it('creates a user and prints a token that works, and refuses an unknown email', () => {
    const env = { PIPEWRIGHT_DATA_DIR: tempDataDir() };
    const created = cli(
      [
        'user',
        'create',
        '--email',
        'boss@example.com',
        '--password',
        'long enough password',
        '--role',
        'admin',
      ],
      env,
    );
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created workspace/);
    const rep = cli(
      ['user', 'create', '--email', 'rep@example.com', '--password', 'long enough password'],
      env,
    );
    expect(rep.stdout).toMatch(/Created rep rep@example.com/);
    const dup = cli(
      ['user', 'create', '--email', 'rep@example.com', '--password', 'long enough password'],
      env,
    );
    expect(dup.status).toBe(2);
    expect(dup.stderr).toMatch(/already exists/);
    const token = cli(['token', 'create', '--email', 'boss@example.com'], env);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^pw_[A-Za-z0-9_-]{20,}$/);
    const nobody = cli(['token', 'create', '--email', 'nobody@example.com'], env);
    expect(nobody.status).toBe(2);
    // Five CLI runs, each opening the embedded database: minutes on a busy machine.
  }, 120_000);
});

describe('the embedded data folder', () => {
  it('refuses a second process while the server holds it', async () => {
    const env = { PIPEWRIGHT_DATA_DIR: tempDataDir() };
    const server = await startServe(env, randomPort());
    try {
      const second = cli(['migrate'], env);
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/in use by process/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    expect(cli(['migrate'], env).status).toBe(0);
  }, 120_000);
});
