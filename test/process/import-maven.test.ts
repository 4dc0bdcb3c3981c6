import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, tempDataDir } from '../helpers/processes.js';
import {
  expectedFromCsv,
  expectedLeadersFromCsv,
  hasMaven,
  leadersInDatabase,
  MAVEN,
  numbersInDatabase,
} from './maven-expected.js';

function workspaceWithAdmin() {
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
  if (created.status !== 0) throw new Error(created.stderr);
  return env;
}

describe.runIf(hasMaven)('pipewright import maven-crm', () => {
  it('imports the data set: counts per stage, won value and per-agent totals equal the CSV; a re-run adds nothing', async () => {
    const env = workspaceWithAdmin();
    const expected = expectedFromCsv();
    const first = cli(['import', 'maven-crm', MAVEN], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('deals (sales_pipeline.csv): 8800 imported');
    // Not a terminal: plain progress lines, not a redrawn bar.
    expect(first.stderr).toMatch(/^Importing deals: 100% of the file, 8800 rows$/m);
    const stored = await numbersInDatabase(env.PIPEWRIGHT_DATA_DIR);
    expect(stored.numbers).toEqual(expected);
    const closed = (expected.perStage.Won ?? 0) + (expected.perStage.Lost ?? 0);
    // created for every deal; a stage and a status event for every closed one.
    expect(stored.events).toBe(8800 + 2 * closed);
    // The reports on the imported history give the data set's own numbers per agent.
    expect(await leadersInDatabase(env.PIPEWRIGHT_DATA_DIR)).toEqual(expectedLeadersFromCsv());

    const again = cli(['import', 'maven-crm', MAVEN], env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      'deals (sales_pipeline.csv): 0 imported, 8800 already imported before',
    );
    expect(await numbersInDatabase(env.PIPEWRIGHT_DATA_DIR)).toEqual(stored);
  }, 300_000);

  it('finishes after being killed halfway: nothing duplicated, nothing lost', async () => {
    const env = workspaceWithAdmin();
    // The TypeScript entry itself (not bin/), so that SIGKILL hits the importing process.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'src/cli/main.ts'),
        'import',
        'maven-crm',
        MAVEN,
        '--batch-size',
        '100',
      ],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const killedAt = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const m = /Importing deals: (\d+)% of the file, (\d+) rows/.exec(
          text.split('\n').at(-2) ?? '',
        );
        if (m && Number(m[2]) >= 2000) {
          child.kill('SIGKILL');
          resolve(m[0]);
        }
      });
      child.once('exit', () =>
        reject(new Error(`the import ended before it could be killed:\n${text}`)),
      );
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve),
    );
    expect(child.signalCode).toBe('SIGKILL');
    const partial = await numbersInDatabase(env.PIPEWRIGHT_DATA_DIR);
    expect(partial.deals, killedAt).toBeGreaterThanOrEqual(2000);
    expect(partial.deals).toBeLessThan(8800);
    // Whole batches only: every deal has its import record and no record lacks its deal.
    expect(partial.records).toBe(partial.deals);

    const rerun = cli(['import', 'maven-crm', MAVEN, '--batch-size', '100'], env);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(
      `deals (sales_pipeline.csv): ${8800 - partial.deals} imported, ${partial.deals} already imported before`,
    );
    const after = await numbersInDatabase(env.PIPEWRIGHT_DATA_DIR);
    expect(after.numbers).toEqual(expectedFromCsv());
    expect(after.deals).toBe(8800);
    expect(after.records).toBe(8800);
  }, 300_000);
});
