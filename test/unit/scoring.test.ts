import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random.js';
import { learnScorer, learnedScore, type Outcome } from '../../src/domain/scoring/learned-score.js';
import { auc, predict, train } from '../../src/domain/scoring/logistic.js';
import { DEFAULT_RULES, ruleScore } from '../../src/domain/scoring/rules.js';

describe('logistic regression', () => {
  it('computes AUC as the share of positive-negative pairs ranked right (hand-computed)', () => {
    // Pairs (positive, negative): (.9,.1) right, (.9,.5) right, (.5,.1) right, (.5,.5) tie → 3.5/4.
    expect(
      auc([
        { p: 0.9, y: 1 },
        { p: 0.1, y: 0 },
        { p: 0.5, y: 1 },
        { p: 0.5, y: 0 },
      ]),
    ).toBe(0.875);
    expect(auc([{ p: 0.3, y: 1 }])).toBeNull();
  });

  it('predicts the smoothed base rate without history or without a second class', () => {
    expect(predict(train([], 2), [1, 1])).toBeCloseTo(0.5, 12);
    // 3 wins of 3 → (3 + 1) / (3 + 2) = 0.8 from the intercept alone; weights stay 0.
    const allWon = train(
      [1, 2, 3].map(() => ({ x: [0, 0], y: 1 as const })),
      2,
      { iterations: 0 },
    );
    expect(predict(allWon, [0, 0])).toBeCloseTo(0.8, 12);
  });

  it('learns the sign of a feature that separates the classes, and is deterministic', () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({
      x: [i % 2 === 0 ? 1 : -1, (i % 7) / 7],
      y: (i % 2 === 0 ? 1 : 0) as 0 | 1,
    }));
    const a = train(examples, 2);
    const b = train(examples, 2);
    expect(a).toEqual(b);
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(predict(a, [1, 0])).toBeGreaterThan(0.8);
    expect(predict(a, [-1, 0])).toBeLessThan(0.2);
  });

  it('always gives a probability between 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (x, intercept) => {
          const p = predict({ intercept, weights: [1e-3, -2, 5] }, x);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

/** Referral leads with the criteria answered yes win four times in five; cold ads leads rarely. */
function syntheticHistory(seed: number, n: number): Outcome[] {
  const rng = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const good = rng.chance(0.5);
    return {
      id: `deal-${seed}-${i}`,
      source: good ? 'Referral' : 'Ads',
      ownerId: rng.pick(['u1', 'u2', 'u3']),
      value: rng.int(10, 500) * 1_000_000,
      criteriaYes: good ? rng.int(3, 5) : rng.int(0, 2),
      criteriaNo: good ? 0 : rng.int(0, 2),
      activities: rng.int(0, 10),
      hasCompany: rng.chance(0.7),
      won: rng.chance(good ? 0.8 : 0.15),
    };
  });
}

describe('the learned score', () => {
  const history = syntheticHistory(7, 400);
  const scorer = learnScorer(history);

  it('measures itself on the held-back fifth and ranks clearly better leads above worse ones', () => {
    expect(scorer.trainedOn).toBe(400);
    expect(scorer.heldOut).toBeGreaterThan(50);
    expect(scorer.heldOut).toBeLessThan(110);
    expect(scorer.heldOutAuc).toBeGreaterThan(0.75);
    const better = learnedScore(scorer, {
      source: 'referral',
      ownerId: 'u1',
      value: 100_000_000,
      criteriaYes: 5,
      criteriaNo: 0,
      activities: 4,
      hasCompany: true,
    });
    const worse = learnedScore(scorer, {
      source: 'Ads',
      ownerId: 'u1',
      value: 100_000_000,
      criteriaYes: 0,
      criteriaNo: 2,
      activities: 4,
      hasCompany: true,
    });
    expect(better.probability).toBeGreaterThan(0.6);
    expect(worse.probability).toBeLessThan(0.3);
    expect(better.reasons.length).toBeGreaterThan(0);
    expect(better.reasons[0]?.effect).toBeGreaterThan(0);
  });

  it('gives the same scores for the same history, whatever else ran before', () => {
    const again = learnScorer(syntheticHistory(7, 400));
    expect(again).toEqual(scorer);
  });

  it('ranks the synthetic good leads above the bad ones across seeds', () => {
    for (const seed of [1, 2, 3]) {
      const s = learnScorer(syntheticHistory(seed, 300));
      const test = syntheticHistory(seed + 100, 200);
      const scored = test.map((o) => ({
        p: learnedScore(s, o).probability,
        y: (o.source === 'Referral' ? 1 : 0) as 0 | 1,
      }));
      expect(auc(scored)).toBeGreaterThan(0.9);
    }
  });
});

describe('rule points', () => {
  const now = new Date('2026-05-20T00:00:00Z');
  it('adds each rule that applies and lists it (hand-computed)', () => {
    const result = ruleScore(
      DEFAULT_RULES,
      {
        criteriaYes: 3,
        criteriaNo: 1,
        source: ' REFERRAL ',
        lastActivityAt: new Date('2026-05-06T00:00:00Z'),
        hasCompany: true,
        hasEmail: false,
      },
      now,
    );
    // 3 x 10 − 1 x 10 + 20 (referral) + 15 (activity exactly 14 days ago) + 5 (company) = 60.
    expect(result.points).toBe(60);
    expect(result.reasons).toEqual([
      { rule: 'criteriaYes', points: 30 },
      { rule: 'criteriaNo', points: -10 },
      { rule: 'source:referral', points: 20 },
      { rule: 'recentActivity', points: 15 },
      { rule: 'hasCompany', points: 5 },
    ]);
  });

  it('gives nothing for an activity one millisecond past the window or an unknown source', () => {
    const result = ruleScore(
      DEFAULT_RULES,
      {
        criteriaYes: 0,
        criteriaNo: 0,
        source: 'Cold call',
        lastActivityAt: new Date(now.getTime() - 14 * 86_400_000 - 1),
        hasCompany: false,
        hasEmail: false,
      },
      now,
    );
    expect(result).toEqual({ points: 0, reasons: [] });
  });
});
