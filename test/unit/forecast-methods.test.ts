import { describe, expect, it } from 'vitest';
import {
  categoryForecast,
  stageWeighted,
  type ForecastDeal,
} from '../../src/domain/forecast/methods.js';

const period = { start: 1000, end: 2000 };
const deal = (over: Partial<ForecastDeal>): ForecastDeal => ({
  dealId: 'd',
  ownerId: 'u',
  stageId: 's',
  probability: 50,
  category: 'pipeline',
  value: 0,
  expectedCloseAt: 1500,
  ...over,
});

const open = [
  deal({ dealId: 'a', probability: 10, value: 1005, category: 'pipeline' }),
  deal({ dealId: 'b', probability: 60, value: 333, category: 'best_case' }),
  deal({ dealId: 'c', probability: 80, value: 2000, category: 'commit', expectedCloseAt: 1000 }),
  // Outside the period (its end is excluded) and without a date: in neither method.
  deal({ dealId: 'd', probability: 90, value: 5000, category: 'commit', expectedCloseAt: 2000 }),
  deal({ dealId: 'e', probability: 90, value: 7000, category: 'commit', expectedCloseAt: null }),
];
const won = { count: 2, amount: 10_000 };

describe('stage-weighted forecast', () => {
  it('adds p and p × value of the deals expected in the period to what is won', () => {
    // count: 2 + 0.1 + 0.6 + 0.8; amount: 100.5 + 199.8 + 1600 = 1900.3 → 1900.
    const f = stageWeighted(won, open, period);
    expect(f.count).toBeCloseTo(3.5, 12);
    expect(f.amount).toBe(11_900);
  });
  it('is what is won when nothing is expected', () => {
    expect(stageWeighted(won, [], period)).toEqual(won);
  });
});

describe('category forecast', () => {
  it('counts commit into commit, and commit plus best case into best case', () => {
    expect(categoryForecast(won, open, period)).toEqual({
      commit: { count: 3, amount: 12_000 },
      bestCase: { count: 4, amount: 12_333 },
    });
  });
});
