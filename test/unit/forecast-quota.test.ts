import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../src/domain/analytics/periods.js';
import { elapsedShare, quotaStatus, teamQuota } from '../../src/domain/forecast/quota.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const t = (iso: string) => Date.parse(iso);

describe('quota status in Ho Chi Minh City', () => {
  const march = periodContaining('month', t('2026-03-10T00:00:00Z'), ZONE);

  it('paces March from 28 Feb 17:00 UTC to 31 Mar 17:00 UTC', () => {
    expect(march).toEqual({ start: t('2026-02-28T17:00:00Z'), end: t('2026-03-31T17:00:00Z') });
    // Start of 17 March local: 16 of 31 days have passed.
    const s = quotaStatus({
      target: 3_100_000,
      achieved: 1_000_000,
      openWeighted: 1_050_000,
      period: march,
      now: t('2026-03-16T17:00:00Z'),
    });
    expect(s.elapsed).toBeCloseTo(16 / 31, 12);
    expect(s.expectedByNow).toBeCloseTo(1_600_000, 6);
    expect(s.pace).toBeCloseTo(-600_000, 6);
    expect(s.attainment).toBeCloseTo(1 / 3.1, 12);
    expect(s.gap).toBe(2_100_000);
    expect(s.coverage).toBe(0.5);
  });

  it('puts 23:59 local on 31 March in March and 00:00 on 1 April in April', () => {
    const late = t('2026-03-31T16:59:59.999Z');
    expect(periodContaining('month', late, ZONE)).toEqual(march);
    expect(elapsedShare(march, late)).toBeLessThan(1);
    const april = periodContaining('month', t('2026-03-31T17:00:00Z'), ZONE);
    expect(april.start).toBe(t('2026-03-31T17:00:00Z'));
    expect(elapsedShare(april, april.start)).toBe(0);
    expect(elapsedShare(march, april.start)).toBe(1);
  });

  it('paces a quarter of 90 days (Q1 2026) and a year', () => {
    const q1 = periodContaining('quarter', t('2026-02-01T00:00:00Z'), ZONE);
    expect(q1).toEqual({ start: t('2025-12-31T17:00:00Z'), end: t('2026-03-31T17:00:00Z') });
    // 45 of 90 days.
    const s = quotaStatus({
      target: 90,
      achieved: 50,
      openWeighted: 0,
      period: q1,
      now: t('2026-02-14T17:00:00Z'),
    });
    expect(s.expectedByNow).toBeCloseTo(45, 9);
    expect(s.pace).toBeCloseTo(5, 9);
    expect(s.coverage).toBe(0);
    const year = periodContaining('year', t('2026-07-01T00:00:00Z'), ZONE);
    expect(year.start).toBe(t('2025-12-31T17:00:00Z'));
    expect(year.end).toBe(t('2026-12-31T17:00:00Z'));
  });

  it('has no attainment for a zero target and no coverage once the quota is met', () => {
    const s = quotaStatus({
      target: 0,
      achieved: 5,
      openWeighted: 10,
      period: march,
      now: march.end,
    });
    expect(s.attainment).toBeNull();
    expect(s.coverage).toBeNull();
    expect(s.gap).toBe(0);
    const over = quotaStatus({
      target: 10,
      achieved: 12,
      openWeighted: 3,
      period: march,
      now: march.start,
    });
    expect(over.gap).toBe(0);
    expect(over.attainment).toBe(1.2);
    expect(over.elapsed).toBe(0);
  });

  it('keeps gap + what is won of the target equal to the target, and pace inside the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: march.start - 1e9, max: march.end + 1e9 }),
        (target, achieved, now) => {
          const s = quotaStatus({ target, achieved, openWeighted: 0, period: march, now });
          expect(s.gap + Math.min(achieved, target)).toBe(target);
          expect(s.elapsed).toBeGreaterThanOrEqual(0);
          expect(s.elapsed).toBeLessThanOrEqual(1);
          expect(s.expectedByNow).toBeLessThanOrEqual(target);
        },
      ),
    );
  });
});

describe('team quota', () => {
  it('takes the team’s own quota over its members’', () => {
    expect(teamQuota({ kind: 'amount', target: 5 }, [{ kind: 'amount', target: 7 }])).toEqual({
      kind: 'amount',
      target: 5,
    });
  });
  it('else sums the members who have one', () => {
    expect(
      teamQuota(null, [{ kind: 'count', target: 3 }, null, { kind: 'count', target: 4 }]),
    ).toEqual({ kind: 'count', target: 7 });
  });
  it('is null with no quota anywhere and "mixed" when members’ kinds differ', () => {
    expect(teamQuota(null, [null, null])).toBeNull();
    expect(
      teamQuota(null, [
        { kind: 'count', target: 3 },
        { kind: 'amount', target: 4 },
      ]),
    ).toBe('mixed');
  });
});
