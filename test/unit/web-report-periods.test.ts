import { describe, expect, it } from 'vitest';
import { presetRange, todayIn } from '../../src/web/features/reports/model/report-periods.js';

describe('report period presets', () => {
  it.each([
    ['thisMonth', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['thisMonth', '2028-02-29', '2028-02-01', '2028-02-29'],
    ['lastMonth', '2026-01-31', '2025-12-01', '2025-12-31'],
    ['thisQuarter', '2026-11-20', '2026-10-01', '2026-12-31'],
    ['lastQuarter', '2026-02-03', '2025-10-01', '2025-12-31'],
    ['thisYear', '2026-07-01', '2026-01-01', '2026-12-31'],
    ['last12Months', '2026-11-20', '2025-12-01', '2026-11-30'],
    ['last12Months', '2026-01-05', '2025-02-01', '2026-01-31'],
  ] as const)('%s around %s is %s to %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });

  it('takes today from the user’s zone, not from UTC', () => {
    const lateEvening = new Date('2026-03-31T17:30:00Z');
    expect(todayIn('Asia/Ho_Chi_Minh', lateEvening)).toBe('2026-04-01');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-03-31');
  });
});
