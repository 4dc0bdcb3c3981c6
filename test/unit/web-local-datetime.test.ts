import { describe, expect, it } from 'vitest';
import { localToUtcIso, utcToLocalParts } from '../../src/web/features/records/local-datetime.js';

describe('localToUtcIso', () => {
  it('converts a Ho Chi Minh City wall time (UTC+7, no DST)', () => {
    expect(localToUtcIso('2026-03-10', '10:00', 'Asia/Ho_Chi_Minh')).toBe(
      '2026-03-10T03:00:00.000Z',
    );
    // Early morning local is the previous day in UTC.
    expect(localToUtcIso('2026-01-01', '06:30', 'Asia/Ho_Chi_Minh')).toBe(
      '2025-12-31T23:30:00.000Z',
    );
  });

  it('uses the offset in force on that day in a DST zone', () => {
    expect(localToUtcIso('2026-01-15', '09:00', 'America/New_York')).toBe(
      '2026-01-15T14:00:00.000Z',
    );
    expect(localToUtcIso('2026-07-15', '09:00', 'America/New_York')).toBe(
      '2026-07-15T13:00:00.000Z',
    );
    expect(localToUtcIso('2026-03-29', '12:00', 'Europe/Berlin')).toBe('2026-03-29T10:00:00.000Z');
  });

  it('pushes a time skipped by spring-forward past the jump', () => {
    // 02:30 does not exist in New York on 2026-03-08: it is 03:30 EDT.
    expect(localToUtcIso('2026-03-08', '02:30', 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of a time repeated by fall-back', () => {
    // 01:30 happens twice in New York on 2026-11-01: first in EDT (UTC-4).
    expect(localToUtcIso('2026-11-01', '01:30', 'America/New_York')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('refuses malformed input', () => {
    expect(localToUtcIso('2026-3-1', '10:00', 'UTC')).toBeNull();
    expect(localToUtcIso('2026-03-01', '', 'UTC')).toBeNull();
  });

  it('round-trips with utcToLocalParts', () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/Berlin']) {
      const iso = localToUtcIso('2026-10-25', '18:45', zone) ?? '';
      expect(utcToLocalParts(iso, zone)).toEqual({ date: '2026-10-25', time: '18:45' });
    }
  });
});
