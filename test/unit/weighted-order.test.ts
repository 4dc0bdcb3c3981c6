import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byWeightedValue, type WeightedMoney } from '../../src/domain/weighted-order.js';

const m = (currency: string, valueMinor: number, probability: number): WeightedMoney => ({
  currency,
  valueMinor,
  probability,
});

describe('byWeightedValue', () => {
  it('puts the default currency first, others by code, each by value x probability; no deal last', () => {
    const items = [
      null,
      m('EUR', 900, 50),
      m('VND', 1_000_000, 10),
      m('USD', 100, 90),
      m('AUD', 1, 1),
      m('VND', 5_000_000, 10),
      m('VND', 2_000_000, 100),
    ];
    expect(items.sort(byWeightedValue('VND'))).toEqual([
      m('VND', 2_000_000, 100),
      m('VND', 5_000_000, 10),
      m('VND', 1_000_000, 10),
      m('AUD', 1, 1),
      m('EUR', 900, 50),
      m('USD', 100, 90),
      null,
    ]);
  });

  it('is a consistent order (antisymmetric)', () => {
    const money = fc.option(
      fc.record({
        currency: fc.constantFrom('USD', 'VND', 'EUR'),
        valueMinor: fc.integer({ min: 0, max: 1e9 }),
        probability: fc.integer({ min: 0, max: 100 }),
      }),
    );
    const compare = byWeightedValue('USD');
    fc.assert(
      fc.property(money, money, (a, b) => {
        expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)) || 0);
      }),
    );
  });
});
