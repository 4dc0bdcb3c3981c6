import { describe, expect, it } from 'vitest';
import {
  periodHolding,
  periodStartOf,
  todayIn,
} from '../../src/web/features/forecast/lib/periods.js';
import { parseTarget } from '../../src/web/features/forecast/lib/targets.js';

describe('the forecast forms’ periods', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01'],
    ['month', '2026-12-31', '2026-12-01'],
    ['quarter', '2026-11-20', '2026-10-01'],
    ['quarter', '2026-03-31', '2026-01-01'],
    ['quarter', '2026-04-01', '2026-04-01'],
    ['year', '2026-07-01', '2026-01-01'],
  ] as const)('the %s holding %s starts on %s', (unit, day, start) => {
    expect(periodStartOf(periodHolding(unit, day))).toBe(start);
  });

  it('takes today in the workspace’s zone', () => {
    // 23:30 on 31 March in UTC is already April in Ho Chi Minh City: a new month and quarter.
    const day = todayIn('Asia/Ho_Chi_Minh', new Date('2026-03-31T17:30:00Z'));
    expect(day).toBe('2026-04-01');
    expect(periodStartOf(periodHolding('quarter', day))).toBe('2026-04-01');
  });
});

describe('quota targets as typed', () => {
  it('reads amounts in minor units of the currency and counts as whole deals', () => {
    expect(parseTarget('1.500.000', 'amount', 'VND')).toBe(1_500_000);
    expect(parseTarget('1,234.56', 'amount', 'USD')).toBe(123_456);
    expect(parseTarget('12', 'count', 'USD')).toBe(12);
    expect(parseTarget('2.5', 'count', 'USD')).toBeNull();
    expect(parseTarget('-3', 'count', 'USD')).toBeNull();
    expect(parseTarget('abc', 'amount', 'USD')).toBeNull();
  });
});
