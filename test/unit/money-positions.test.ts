import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatMoney,
  isKnownCurrency,
  weightedMinor,
} from '../../src/domain/money.js';
import { POSITION_STEP, positionBetween } from '../../src/domain/positions.js';

describe('money', () => {
  it('knows the minor-unit exponent of VND, USD and EUR', () => {
    expect(currencyExponent('VND')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
  });

  it('formats VND without decimals and USD with two', () => {
    expect(formatMoney(150_000_000, 'VND', 'vi')).toBe('150.000.000\u00a0₫');
    expect(formatMoney(123_456, 'USD', 'en')).toBe('$1,234.56');
  });

  it('accepts ISO codes only', () => {
    expect(isKnownCurrency('VND')).toBe(true);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('ABC')).toBe(false);
  });

  it('weights to a whole minor unit, half away from zero', () => {
    expect(weightedMinor(333, 20)).toBe(67);
    expect(weightedMinor(250, 50)).toBe(125);
    expect(weightedMinor(5, 10)).toBe(1);
    expect(weightedMinor(0, 80)).toBe(0);
  });
});

describe('positions', () => {
  it('puts the first deal at one step and appends or prepends by a step', () => {
    expect(positionBetween(null, null)).toBe(POSITION_STEP);
    expect(positionBetween(null, 1024)).toBe(0);
    expect(positionBetween(2048, null)).toBe(3072);
  });

  it('always lands strictly between two neighbours, or asks for a renumbering', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (a, gap) => {
          const b = a + gap;
          const mid = positionBetween(a, b);
          if (mid === null) return gap <= 1e-6 || (a + b) / 2 <= a || (a + b) / 2 >= b;
          return mid > a && mid < b;
        },
      ),
    );
  });
});
