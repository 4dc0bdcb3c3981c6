import { describe, expect, it } from 'vitest';
import { cli, randomPort, startServe, tempDataDir } from '../helpers/processes.js';

// PGlite never calls fsync; committed data must still survive a killed process, because the
// operating system already holds the writes. (A power cut is another matter: see the README.)
describe('embedded database durability', () => {
  it('keeps a committed deal after the server is killed with SIGKILL', async () => {
    const env = { PIPEWRIGHT_DATA_DIR: tempDataDir() };
    expect(
      cli(
        [
          'user',
          'create',
          '--email',
          'k@example.com',
          '--password',
          'long enough password',
          '--role',
          'admin',
        ],
        env,
      ).status,
    ).toBe(0);
    const token = cli(['token', 'create', '--email', 'k@example.com'], env).stdout.trim();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const port = randomPort();
    const server = await startServe(env, port);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/deals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Survives SIGKILL', value: 42_00, currency: 'USD' }),
    });
    expect(created.status).toBe(201);
    const deal = (await created.json()) as { id: string };
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));

    const again = randomPort();
    const restarted = await startServe(env, again);
    try {
      const read = await fetch(`http://127.0.0.1:${again}/api/v1/deals/${deal.id}`, { headers });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { title: string }).title).toBe('Survives SIGKILL');
      const history = await fetch(`http://127.0.0.1:${again}/api/v1/deals/${deal.id}/history`, {
        headers,
      });
      expect(((await history.json()) as { data: unknown[] }).data).toHaveLength(1);
    } finally {
      restarted.kill('SIGTERM');
    }
  }, 240_000);
});
