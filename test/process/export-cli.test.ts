import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../helpers/processes.js';

const env = { PIPEWRIGHT_DATA_DIR: tempDataDir() };
const out = tempDataDir();

beforeAll(() => {
  const seeded = cli(['seed', '--demo', '--deals', '40', '--seed', '5'], env);
  expect(seeded.status, seeded.stderr).toBe(0);
}, 120_000);

describe('pipewright export', () => {
  it('writes each entity as CSV and the workspace as JSON, with the rows it counted', () => {
    const deals = cli(['export', 'deals', '--out', join(out, 'deals.csv')], env);
    expect(deals.status, deals.stderr).toBe(0);
    expect(deals.stderr).toMatch(/^40 rows in .* s/m);
    const bytes = readFileSync(join(out, 'deals.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Id,Title,Pipeline,Stage,Created in stage,Status,Value/);
    expect(lines).toHaveLength(41);

    const ws = cli(['export', 'workspace', '--out', join(out, 'ws.json')], env);
    expect(ws.status, ws.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'ws.json'), 'utf8')) as {
      tables: Record<string, unknown[]>;
    };
    expect(doc.tables.deals).toHaveLength(40);

    const stdout = cli(['export', 'companies'], env);
    expect(stdout.status).toBe(0);
    expect(stdout.stdout.split('\r\n')[0]).toBe(
      '\uFEFFId,Name,Website,Phone,Industry,Address,Owner',
    );
  }, 60_000);

  it('refuses an unknown entity and an existing file without --force, exit 2', () => {
    const unknown = cli(['export', 'users'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('<what>');
    const exists = cli(['export', 'deals', '--out', join(out, 'deals.csv')], env);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain('--force');
  }, 60_000);
});
