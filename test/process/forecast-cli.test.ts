import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { addDays, localDate } from '../../src/domain/local-day.js';
import { cli, tempDataDir } from '../helpers/processes.js';

describe('pipewright forecast backtest', () => {
  it('backtests every method on a seeded history, prints the errors and stores the run', async () => {
    const dir = tempDataDir();
    const env = { PIPEWRIGHT_DATA_DIR: dir };
    expect(cli(['seed', '--demo', '--deals', '150', '--seed', '3'], env).status).toBe(0);

    const bad = cli(
      ['forecast', 'backtest', '--from', '2026-01-01', '--to', '2026-02-01', '--period', 'week'],
      env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period');
    const backwards = cli(
      ['forecast', 'backtest', '--from', '2026-03-01', '--to', '2026-01-01', '--period', 'month'],
      env,
    );
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toContain('must not be before from');

    // The demo's history runs up to today: the last six whole months.
    const today = localDate(new Date(), 'UTC');
    const from = addDays(today, -200);
    const to = addDays(today, -32);
    const run = cli(
      ['forecast', 'backtest', '--from', from, '--to', to, '--period', 'month', '--runs', '300'],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const method of ['stage_weighted', 'commit', 'best_case', 'learned']) {
      expect(run.stdout).toContain(method);
    }
    expect(run.stdout).toContain(
      'Mean absolute error per method (and mean absolute percentage error)',
    );
    expect(run.stdout).toMatch(/stage_weighted +[\d.]+ deals \( *\d+%\)/);
    expect(run.stdout).toMatch(/P10–P90 held the actual in \d+% of periods/);
    // Every printed period's error is its forecast minus its actual.
    const actuals = [...run.stdout.matchAll(/actual (\d+) won/g)].map((m) => Number(m[1]));
    const learned = [...run.stdout.matchAll(/learned\s+([\d.]+) deals .*?error\s+(-?[\d.]+) \//g)];
    expect(actuals.length).toBeGreaterThanOrEqual(5);
    expect(learned).toHaveLength(actuals.length);
    learned.forEach((m, i) =>
      expect(Number(m[1]) - (actuals[i] as number)).toBeCloseTo(Number(m[2]), 1),
    );

    const database = createDatabase({ dataDir: dir });
    try {
      const rows = await database.db.selectFrom('forecast_backtests').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        period_unit: 'month',
        from_date: from,
        to_date: to,
        runs: 300,
      });
      expect((rows[0]?.summary as { method: string }[]).map((s) => s.method)).toEqual([
        'stage_weighted',
        'commit',
        'best_case',
        'learned',
      ]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
