import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertSum, formatRate, parseRate, rateOn, rateTable } from '../../src/domain/exchange.js';

const table = rateTable([
  { currency: 'USD', date: '2026-01-01', rate: '25000' },
  { currency: 'USD', date: '2026-02-01', rate: '25400.5' },
  { currency: 'EUR', date: '2026-01-15', rate: '27000' },
  { currency: 'JPY', date: '2026-01-01', rate: '165.25' },
]);

describe('rates', () => {
  it('parses and prints decimals exactly, refusing what is not a positive rate', () => {
    expect(formatRate(parseRate('27500.5') as bigint)).toBe('27500.5');
    expect(formatRate(parseRate('0.0000401') as bigint)).toBe('0.0000401');
    expect(formatRate(parseRate('25000') as bigint)).toBe('25000');
    for (const bad of ['0', '0.0', '-1', '1e5', '1,5', '', '1.12345678901', 'abc']) {
      expect(parseRate(bad), bad).toBeNull();
    }
  });

  it('takes the latest rate on or before the date', () => {
    expect(rateOn(table, 'USD', '2025-12-31')).toBeNull();
    expect(formatRate(rateOn(table, 'USD', '2026-01-01') as bigint)).toBe('25000');
    expect(formatRate(rateOn(table, 'USD', '2026-01-31') as bigint)).toBe('25000');
    expect(formatRate(rateOn(table, 'USD', '2026-02-01') as bigint)).toBe('25400.5');
    expect(formatRate(rateOn(table, 'USD', '2027-06-01') as bigint)).toBe('25400.5');
    expect(rateOn(table, 'GBP', '2026-03-01')).toBeNull();
  });
});

describe('converting to the base currency', () => {
  it('converts each amount at its date and rounds the total once (hand-computed)', () => {
    // $10.00 on 10 Jan at 25,000 = 250,000 ₫; $0.01 on 2 Feb at 25,400.5 = 254.005 ₫;
    // again $0.01 = 254.005 ₫; 1,000,000 ₫ as is. Exact sum 1,250,508.01 → 1,250,508 ₫.
    const result = convertSum(
      [
        { minor: 1000, currency: 'USD', date: '2026-01-10' },
        { minor: 1, currency: 'USD', date: '2026-02-02' },
        { minor: 1, currency: 'USD', date: '2026-02-03' },
        { minor: 1_000_000, currency: 'VND', date: '2026-02-03' },
      ],
      'VND',
      table,
    );
    expect(result).toEqual({ total: 1_250_508, missing: [] });
    // Rounding each amount first would give 250,000 + 254 + 254 + 1,000,000 = 1,250,508 too, but
    // three amounts of 254.5 show the difference: 763.5 → 764, not 3 × 255 = 765.
    const halves = convertSum(
      [1, 2, 3].map(() => ({ minor: 1, currency: 'JPY', date: '2026-01-02' })),
      'VND',
      rateTable([{ currency: 'JPY', date: '2026-01-01', rate: '254.5' }]),
    );
    expect(halves.total).toBe(764);
  });

  it('converts into a currency with cents (VND → USD) and from one with none', () => {
    const usd = rateTable([{ currency: 'VND', date: '2026-01-01', rate: '0.00004' }]);
    // 2,500,000 ₫ x 0.00004 = $100.00 = 10,000 cents.
    expect(
      convertSum([{ minor: 2_500_000, currency: 'VND', date: '2026-05-01' }], 'USD', usd),
    ).toEqual({ total: 10_000, missing: [] });
  });

  it('reports what it could not convert instead of guessing', () => {
    const result = convertSum(
      [
        { minor: 500, currency: 'EUR', date: '2026-01-10' },
        { minor: 700, currency: 'EUR', date: '2026-01-20' },
        { minor: 100, currency: 'GBP', date: '2026-03-01' },
      ],
      'VND',
      table,
    );
    // Only the 20 January euros have a rate: €7.00 x 27,000 = 189,000 ₫.
    expect(result.total).toBe(189_000);
    expect(result.missing).toEqual([
      { currency: 'EUR', minor: 500, firstDate: '2026-01-10' },
      { currency: 'GBP', minor: 100, firstDate: '2026-03-01' },
    ]);
  });

  it('never drifts: the total is the exact sum rounded once, whatever the order', () => {
    const amount = fc.record({
      minor: fc.integer({ min: -1e9, max: 1e9 }),
      currency: fc.constantFrom('USD', 'EUR', 'JPY', 'VND'),
      date: fc.constantFrom('2026-01-15', '2026-02-01', '2026-03-01'),
    });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (amounts) => {
        const forward = convertSum(amounts, 'VND', table);
        const backward = convertSum([...amounts].reverse(), 'VND', table);
        expect(backward.total).toBe(forward.total);
        // Splitting the list and adding the exact halves matches; rounded halves may differ by 1.
        const half = Math.floor(amounts.length / 2);
        const a = convertSum(amounts.slice(0, half), 'VND', table).total;
        const b = convertSum(amounts.slice(half), 'VND', table).total;
        expect(Math.abs(a + b - forward.total)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('leaves base-currency amounts exactly as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 30 }), (minors) => {
        const result = convertSum(
          minors.map((minor) => ({ minor, currency: 'VND', date: '2026-01-01' })),
          'VND',
          table,
        );
        expect(result.total).toBe(minors.reduce((s, m) => s + m, 0));
      }),
    );
  });
});
