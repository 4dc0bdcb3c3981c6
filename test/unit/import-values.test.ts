import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalAmount } from '../../src/domain/csv.js';
import {
  parseAmountMinor,
  parseDate,
  parseInstant,
  parsePercent,
  parseStatus,
} from '../../src/domain/import-values.js';

const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) =>
  p.ok ? p.value : p.message;

describe('amounts', () => {
  it('reads major units into exact minor units, with thousands separators', () => {
    expect(value(parseAmountMinor('1054', 2))).toBe(105400);
    expect(value(parseAmountMinor('1,054.5', 2))).toBe(105450);
    expect(value(parseAmountMinor('0.05', 2))).toBe(5);
    expect(value(parseAmountMinor('1.10', 2))).toBe(110);
    expect(value(parseAmountMinor('150 000 000', 0))).toBe(150_000_000);
    expect(value(parseAmountMinor('1.234,56', 2, true))).toBe(123456);
    expect(value(parseAmountMinor('12,5', 2, true))).toBe(1250);
    expect(value(parseAmountMinor('2.500', 3))).toBe(2500);
  });

  it('says what is wrong with an amount', () => {
    expect(value(parseAmountMinor('12.345', 2))).toMatch(
      /more decimals than the currency has \(2\)/,
    );
    expect(value(parseAmountMinor('1.5', 0))).toMatch(/more decimals than the currency has \(0\)/);
    expect(value(parseAmountMinor('-5', 2))).toMatch(/negative/);
    // With a comma delimiter a point is the decimal separator: 2.5 dong is refused, not 2500.
    expect(value(parseAmountMinor('2.500', 0))).toMatch(
      /more decimals than the currency has \(0\)/,
    );
    expect(value(parseAmountMinor('$5', 2))).toMatch(/is not an amount/);
    expect(value(parseAmountMinor('1,5', 2))).toMatch(
      /is not an amount \(write it like 1234 or 1,234.56\)/,
    );
    expect(value(parseAmountMinor('99999999999999999', 2))).toMatch(/too large/);
  });

  it('reads back every amount the export writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(0, 2, 3),
        (minor, exponent) => {
          expect(value(parseAmountMinor(decimalAmount(minor, exponent), exponent))).toBe(minor);
        },
      ),
    );
  });
});

describe('dates and times', () => {
  it('reads calendar dates that exist', () => {
    expect(value(parseDate('2024-02-29'))).toBe('2024-02-29');
    expect(value(parseDate('2023-02-29'))).toMatch(/not a date that exists/);
    expect(value(parseDate('01/02/2024'))).toMatch(/YYYY-MM-DD/);
  });

  it('reads wall-clock times in the workspace zone, offsets as written', () => {
    const iso = (text: string, zone: string) => {
      const p = parseInstant(text, zone);
      return p.ok ? p.value.toISOString() : p.message;
    };
    expect(iso('2017-03-01', 'Asia/Ho_Chi_Minh')).toBe('2017-02-28T17:00:00.000Z');
    expect(iso('2025-03-04 12:06:07', 'Asia/Ho_Chi_Minh')).toBe('2025-03-04T05:06:07.000Z');
    expect(iso('2025-03-04T12:06:07+02:00', 'Asia/Ho_Chi_Minh')).toBe('2025-03-04T10:06:07.000Z');
    // Either side of New York's spring change (2 a.m. becomes 3 a.m. on 2024-03-10).
    expect(iso('2024-03-09 12:00', 'America/New_York')).toBe('2024-03-09T17:00:00.000Z');
    expect(iso('2024-03-10 12:00', 'America/New_York')).toBe('2024-03-10T16:00:00.000Z');
    expect(iso('2024-11-03 00:30', 'America/New_York')).toBe('2024-11-03T04:30:00.000Z');
    expect(iso('2024-03-10 25:00', 'UTC')).toMatch(/not a time that exists/);
    expect(iso('yesterday', 'UTC')).toMatch(/not a date or date and time/);
  });
});

describe('percent and status', () => {
  it('reads whole percentages and the three statuses', () => {
    expect(value(parsePercent('40%'))).toBe(40);
    expect(value(parsePercent('101'))).toMatch(/from 0 to 100/);
    expect(value(parseStatus('Won'))).toBe('won');
    expect(value(parseStatus('closed'))).toMatch(/open, won or lost/);
  });
});
