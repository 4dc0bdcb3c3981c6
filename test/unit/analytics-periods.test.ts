import { describe, expect, it } from 'vitest';
import { periodContaining, periodsBetween } from '../../src/domain/analytics/periods.js';
import { t } from './analytics-fixtures.js';

const iso = (p: { start: number; end: number }) => [
  new Date(p.start).toISOString(),
  new Date(p.end).toISOString(),
];
const HCM = 'Asia/Ho_Chi_Minh'; // UTC+7, no daylight saving
const NY = 'America/New_York';

describe('periods in Asia/Ho_Chi_Minh', () => {
  it('puts 23:30 local on the last day of a month (16:30 UTC) in that month', () => {
    // 2026-01-31 23:30 +07:00 = 2026-01-31 16:30 UTC; January starts 2025-12-31 17:00 UTC.
    expect(iso(periodContaining('month', t('2026-01-31T16:30:00Z'), HCM))).toEqual([
      '2025-12-31T17:00:00.000Z',
      '2026-01-31T17:00:00.000Z',
    ]);
    // 00:30 local on 1 February (17:30 UTC on 31 January) is already February.
    expect(iso(periodContaining('month', t('2026-01-31T17:30:00Z'), HCM))[0]).toBe(
      '2026-01-31T17:00:00.000Z',
    );
  });

  it('starts weeks on Monday, quarters and years on their first local midnight', () => {
    // Sunday 2026-03-08 10:00 local -> week Monday 2 March .. Monday 9 March, 00:00 local.
    expect(iso(periodContaining('week', t('2026-03-08T03:00:00Z'), HCM))).toEqual([
      '2026-03-01T17:00:00.000Z',
      '2026-03-08T17:00:00.000Z',
    ]);
    expect(iso(periodContaining('quarter', t('2026-05-15T00:00:00Z'), HCM))).toEqual([
      '2026-03-31T17:00:00.000Z',
      '2026-06-30T17:00:00.000Z',
    ]);
    expect(iso(periodContaining('year', t('2026-12-31T16:59:59.999Z'), HCM))).toEqual([
      '2025-12-31T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ]);
    expect(iso(periodContaining('day', t('2026-12-31T17:00:00Z'), HCM))).toEqual([
      '2026-12-31T17:00:00.000Z',
      '2027-01-01T17:00:00.000Z',
    ]);
  });
});

describe('periods in America/New_York', () => {
  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    // 2026-03-08: EST (-5) until 02:00, then EDT (-4). Midnight = 05:00 UTC, next = 04:00 UTC.
    const spring = periodContaining('day', t('2026-03-08T12:00:00Z'), NY);
    expect(iso(spring)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    // 2026-11-01: EDT until 02:00, then EST. Midnight = 04:00 UTC, next = 05:00 UTC.
    const fall = periodContaining('day', t('2026-11-01T12:00:00Z'), NY);
    expect((fall.end - fall.start) / 3_600_000).toBe(25);
  });

  it('gives the DST month its local boundaries and chains periods without gaps', () => {
    // March 2026: 1 March 00:00 EST = 05:00 UTC; 1 April 00:00 EDT = 04:00 UTC.
    expect(iso(periodContaining('month', t('2026-03-15T00:00:00Z'), NY))).toEqual([
      '2026-03-01T05:00:00.000Z',
      '2026-04-01T04:00:00.000Z',
    ]);
    const weeks = periodsBetween('week', t('2026-02-20T00:00:00Z'), t('2026-03-20T00:00:00Z'), NY);
    // Mondays 16 Feb, 23 Feb, 2 Mar, 9 Mar, 16 Mar.
    expect(weeks).toHaveLength(5);
    weeks.slice(1).forEach((w, i) => expect(w.start).toBe(weeks[i]?.end));
    expect(new Date(weeks[3]?.start ?? 0).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('starts a week on Monday when the instant is a Monday at local midnight', () => {
    const monday = t('2026-03-09T04:00:00Z');
    expect(periodContaining('week', monday, NY).start).toBe(monday);
    expect(periodContaining('week', monday - 1, NY).end).toBe(monday);
  });
});
