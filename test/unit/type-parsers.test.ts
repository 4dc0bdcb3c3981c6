import { describe, expect, it } from 'vitest';
import { parseInt8, parseTimestamptz } from '../../src/db/type-parsers.js';
import { decodeCursor, encodeCursor } from '../../src/server/modules/shared/cursor.js';

describe('type parsers', () => {
  it('reads PostgreSQL timestamptz text with short or full offsets', () => {
    expect(parseTimestamptz('2024-01-02 03:04:05.678+00').toISOString()).toBe(
      '2024-01-02T03:04:05.678Z',
    );
    expect(parseTimestamptz('2024-01-02 10:04:05+07').toISOString()).toBe(
      '2024-01-02T03:04:05.000Z',
    );
    expect(parseTimestamptz('2024-01-02 03:04:05.5+05:30').toISOString()).toBe(
      '2024-01-01T21:34:05.500Z',
    );
  });

  it('reads int8 as a number and refuses values beyond 2^53', () => {
    expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });
});

describe('cursors', () => {
  it('round-trips and refuses anything it did not issue', () => {
    const key = { v: 0.1 + 0.2, id: 'b2c1e7e0-0000-4000-8000-000000000000' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('[1,2,3]').toString('base64url'))).toThrow(/cursor/);
  });
});
