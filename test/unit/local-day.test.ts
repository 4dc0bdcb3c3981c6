import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isTimeZone,
  localDate,
  localDayRange,
  startOfLocalDay,
} from '../../src/domain/local-day.js';

const HOUR = 3_600_000;
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / HOUR;

describe('localDate', () => {
  it('puts one instant on different days in Ho Chi Minh City and in UTC', () => {
    const instant = new Date('2026-03-10T17:30:00Z'); // 00:30 on 11 March in Vietnam (UTC+7)
    expect(localDate(instant, 'Asia/Ho_Chi_Minh')).toBe('2026-03-11');
    expect(localDate(instant, 'UTC')).toBe('2026-03-10');
  });

  it('gives an instant at local midnight to the day it starts', () => {
    expect(localDate(new Date('2026-03-10T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-11');
    expect(localDate(new Date('2026-03-10T16:59:59.999Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-10');
  });
});

describe('localDayRange', () => {
  it('is 24 hours in Ho Chi Minh City, starting at 17:00 UTC the day before', () => {
    const day = localDayRange('2026-03-11', 'Asia/Ho_Chi_Minh');
    expect(day.start.toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-03-11T17:00:00.000Z');
  });

  it('is the UTC day in UTC', () => {
    const day = localDayRange('2026-03-11', 'UTC');
    expect(day.start.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(hours(day)).toBe(24);
  });

  it('lasts 23 hours in New York on the spring-forward day and 25 on the fall-back day', () => {
    const spring = localDayRange('2026-03-08', 'America/New_York');
    expect(spring.start.toISOString()).toBe('2026-03-08T05:00:00.000Z'); // EST, UTC-5
    expect(spring.end.toISOString()).toBe('2026-03-09T04:00:00.000Z'); // EDT, UTC-4
    expect(hours(spring)).toBe(23);
    const fall = localDayRange('2026-11-01', 'America/New_York');
    expect(fall.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(fall.end.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(hours(fall)).toBe(25);
  });

  it('starts a day whose midnight the zone skips at the first instant it has', () => {
    // Santiago springs forward at 24:00 on 5 Sep 2026: 6 September begins at 01:00 (UTC-3).
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDate(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date(start.getTime() - 1000), 'America/Santiago')).toBe('2026-09-05');
  });

  it('holds every instant of the day and no other, in any zone', () => {
    const zones = [
      'UTC',
      'Asia/Ho_Chi_Minh',
      'America/New_York',
      'Europe/London',
      'Pacific/Kiritimati',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const day = localDayRange(localDate(instant, zone), zone);
          expect(day.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(day.end.getTime());
          expect(localDate(day.start, zone)).toBe(localDate(instant, zone));
          expect(localDate(new Date(day.start.getTime() - 1), zone)).not.toBe(
            localDate(instant, zone),
          );
        },
      ),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(daysBetween('2026-03-08', '2026-03-01')).toBe(-7);
    // Across New York's spring-forward the calendar still counts whole days.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('Asia/Saigon_City')).toBe(false);
  });
});
