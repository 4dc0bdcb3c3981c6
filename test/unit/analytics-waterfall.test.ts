import { describe, expect, it } from 'vitest';
import { imbalance, waterfall } from '../../src/domain/analytics/waterfall.js';
import { Deal } from './analytics-fixtures.js';
import { MARCH, marchDeals } from './analytics-story.js';

const bar = (amount: number, dealIds: string[] = []) => ({ amount, dealIds });

describe('waterfall of pipeline P over March (story in analytics-story.ts)', () => {
  const result = waterfall(marchDeals(), 'P', MARCH.start, MARCH.end);

  it('explains every USD change with the deals behind it', () => {
    // start: A 1000 + E 400 (created at exactly the start instant: included) + F 800 + K 50 = 2250
    // in:  new B 2000 + C 3000 + G 100 = 5100; increases F +100; reopened G 100; movedIn M 700
    // out: decreases K 20; won A 1000 + G 100 = 1100; lost B 2000 + C 3000 + G 100 = 5100;
    //      currencyOut M 700 (USD -> VND)
    // end: E 400 + F 900 + K 30 = 1330 = 2250 + 5100 + 100 + 100 + 700 - 20 - 1100 - 5100 - 700
    expect(result['USD']).toEqual({
      start: bar(2250, ['A', 'E', 'F', 'K']),
      new: bar(5100, ['B', 'C', 'G']),
      increases: bar(100, ['F']),
      reopened: bar(100, ['G']),
      movedIn: bar(700, ['M']),
      currencyIn: bar(0),
      decreases: bar(20, ['K']),
      won: bar(1100, ['A', 'G']),
      lost: bar(5100, ['B', 'C', 'G']),
      movedOut: bar(0),
      currencyOut: bar(700, ['M']),
      end: bar(1330, ['E', 'F', 'K']),
    });
  });

  it('keeps VND apart, with a new deal counted at the value it was won at', () => {
    // D: created at 5,000,000, raised to 6,000,000 while new, won at 6,000,000.
    // M: currency changed to VND (in 700), then moved to pipeline Q (out 700).
    expect(result['VND']).toMatchObject({
      start: bar(0),
      new: bar(6_000_000, ['D']),
      increases: bar(0),
      currencyIn: bar(700, ['M']),
      won: bar(6_000_000, ['D']),
      movedOut: bar(700, ['M']),
      end: bar(0),
    });
    expect(Object.keys(result).sort()).toEqual(['USD', 'VND']);
    expect(imbalance(result['VND'] as never)).toBe(0);
    expect(imbalance(result['USD'] as never)).toBe(0);
  });

  it('is empty where nothing was ever open', () => {
    expect(
      waterfall(marchDeals(), 'P', Date.parse('2025-01-01'), Date.parse('2025-02-01')),
    ).toEqual({});
  });

  it('counts a deal created straight into Won as neither new nor won', () => {
    const won = new Deal('W', '2026-03-05T00:00:00Z', 'won', 500).build();
    expect(waterfall([won], 'P', MARCH.start, MARCH.end)).toEqual({});
  });

  it('applies a value change made in the same update that closes the deal before closing it', () => {
    // Open at start at 1000; one update raises it to 1200 and wins it: +200 increase, -1200 won.
    const deal = new Deal('X', '2026-02-01T00:00:00Z', 'lead', 1000)
      .value('2026-03-05T00:00:00Z', 1200)
      .move('2026-03-05T00:00:00Z', 'won')
      .build();
    expect(waterfall([deal], 'P', MARCH.start, MARCH.end)['USD']).toMatchObject({
      start: bar(1000, ['X']),
      increases: bar(200, ['X']),
      won: bar(1200, ['X']),
      end: bar(0),
    });
  });

  it("counts a deal moved straight into another pipeline's Won as moved out, not won", () => {
    // Open in P at 300 at the start; moved into Q's Won stage: P loses it as moved out.
    const deal = new Deal('Y', '2026-02-01T00:00:00Z', 'qual', 300)
      .move('2026-03-05T00:00:00Z', 'qwon')
      .build();
    expect(waterfall([deal], 'P', MARCH.start, MARCH.end)['USD']).toMatchObject({
      start: bar(300, ['Y']),
      movedOut: bar(300, ['Y']),
      won: bar(0),
      end: bar(0),
    });
    // In Q it never counted as open, so Q has no bars at all.
    expect(waterfall([deal], 'Q', MARCH.start, MARCH.end)).toEqual({});
  });
});
