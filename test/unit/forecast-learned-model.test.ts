import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, type DealHistory } from '../../src/domain/analytics/history.js';
import { DAY_MS } from '../../src/domain/analytics/stages.js';
import {
  advance,
  expectedNewWins,
  fitModel,
  winWithin,
  type LearnedModel,
} from '../../src/domain/forecast/learned-model.js';
import { Deal, STAGES, t } from './analytics-fixtures.js';

const day = (n: number) => t('2026-01-01T00:00:00Z') + n * DAY_MS;
const usd = (h: DealHistory, at: number) => {
  const s = replay(h, at);
  return s.exists ? s.value : null;
};
const perDay = (r: number | undefined) => (r ?? NaN) * DAY_MS;

/** A hand-made chain: rates per day between named states; 'won' and 'lost' close. */
function chain(
  open: string[],
  perDayRates: Record<string, number>,
  extra: Partial<LearnedModel> = {},
) {
  const states = [...open, 'won', 'lost'];
  return {
    cutoff: 0,
    states,
    rates: open.map((from) => states.map((to) => (perDayRates[`${from}>${to}`] ?? 0) / DAY_MS)),
    counts: open.map(() => states.map(() => 0)),
    exposureMs: open.map(() => 0),
    entryMix: states.map((_, i) => (i === 0 ? 1 : 0)),
    creationRate: 0,
    newValues: [],
    ...extra,
  } satisfies LearnedModel;
}

describe('fitting the stage chain', () => {
  // By the cutoff on day 100: w and l sat in Proposal 10 and 30 days and were won and lost; o has
  // been there 50 days; m moved from Lead to Qualified on day 20 and is still there (80 days).
  const histories = [
    new Deal('w', day(0), 'prop', 100).move(day(10), 'won').build(),
    new Deal('l', day(0), 'prop', 100).move(day(30), 'lost').build(),
    new Deal('o', day(50), 'prop', 100).build(),
    new Deal('m', day(0), 'lead', 100).move(day(20), 'qual').build(),
    // After the cutoff: unknown to the model.
    new Deal('late', day(101), 'prop', 100).move(day(102), 'won').build(),
  ];
  const model = fitModel(histories, 'P', STAGES, day(100), usd);
  const [lead, qual, prop] = [0, 1, 2];
  const [WON, LOST] = [3, 4];

  it('counts moves and time in each stage before the cutoff only', () => {
    expect(model.states).toEqual(['lead', 'qual', 'prop', 'won', 'lost']);
    expect(model.counts[prop]).toEqual([0, 0, 0, 1, 1]);
    expect(model.exposureMs[prop]).toBe(90 * DAY_MS);
    expect(model.counts[lead]).toEqual([0, 1, 0, 0, 0]);
    expect(model.exposureMs[lead]).toBe(20 * DAY_MS);
    expect(model.exposureMs[qual]).toBe(80 * DAY_MS);
  });

  it('adds two pseudo-deals per stage that close at its probability over 90 days each', () => {
    // Proposal: won (1 + 2·0.6) / (90 + 180) days, lost (1 + 2·0.4) / 270.
    expect(perDay(model.rates[prop]?.[WON])).toBeCloseTo(2.2 / 270, 12);
    expect(perDay(model.rates[prop]?.[LOST])).toBeCloseTo(1.8 / 270, 12);
    // Lead: to Qualified 1 / (20 + 180); won 0.2 / 200; lost 1.8 / 200.
    expect(perDay(model.rates[lead]?.[qual])).toBeCloseTo(1 / 200, 12);
    expect(perDay(model.rates[lead]?.[WON])).toBeCloseTo(0.2 / 200, 12);
    expect(perDay(model.rates[qual]?.[WON])).toBeCloseTo(0.6 / 260, 12);
  });

  it('gives a Proposal deal P(won within 30 days) = π(1 − e^(−Λ·30)), as one step', () => {
    const p = winWithin(model, 'prop', day(100), day(100), day(130));
    expect(p).toBeCloseTo(0.55 * (1 - Math.exp((-4 / 270) * 30)), 9);
    // A period that starts 10 days later: the deal must stay open 10 days first.
    const later = winWithin(model, 'prop', day(100), day(110), day(140));
    expect(later).toBeCloseTo(0.55 * (Math.exp((-4 / 270) * 10) - Math.exp((-4 / 270) * 40)), 9);
    expect(winWithin(model, 'prop', day(100), day(50), day(90))).toBe(0);
  });

  it('learns the creation rate, where new deals start and what a new win is worth', () => {
    // Four deals created in the 180 days before the cutoff: three in Proposal, one in Lead.
    expect(model.creationRate * 180 * DAY_MS).toBeCloseTo(4, 9);
    expect(model.entryMix).toEqual([0.25, 0, 0.75, 0, 0]);
    expect(model.newValues).toEqual([100]);
  });
});

describe('the chain through time', () => {
  it('matches the two-stage (hypoexponential) closed form', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.005, max: 0.5, noNaN: true }),
        fc.double({ min: 0.005, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (a, b, days) => {
          fc.pre(Math.abs(a - b) > 1e-3);
          const model = chain(['a', 'b'], { 'a>b': a, 'b>won': b });
          const exact = 1 - (b * Math.exp(-a * days) - a * Math.exp(-b * days)) / (b - a);
          expect(winWithin(model, 'a', 0, 0, days * DAY_MS)).toBeCloseTo(exact, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('falls back to the stage probability with no history: p(1 − e^(−t/90 days))', () => {
    const model = fitModel([], 'P', STAGES, day(0), usd);
    expect(winWithin(model, 'qual', day(0), day(0), day(30))).toBeCloseTo(
      0.3 * (1 - Math.exp(-30 / 90)),
      9,
    );
    expect(model.creationRate).toBe(0);
  });

  it('keeps probability: every state’s share adds up to 1 at any time', () => {
    const model = chain(['a', 'b'], { 'a>b': 0.3, 'b>a': 0.1, 'b>won': 0.2, 'a>lost': 0.05 });
    const v = advance(model, [1, 0, 0, 0], 1000 * DAY_MS);
    expect(v.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    expect((v[2] as number) + (v[3] as number)).toBeCloseTo(1, 6);
  });
});

describe('expected wins from deals not yet created', () => {
  // One open stage with direct rates: the closed form of the integral of rate × P.
  const closedForm = (c: number, w: number, l: number, gap: number, length: number) => {
    const lambda = w + l;
    const pi = w / lambda;
    const inside = length - (1 - Math.exp(-lambda * length)) / lambda;
    const before = ((1 - Math.exp(-lambda * gap)) / lambda) * (1 - Math.exp(-lambda * length));
    return c * pi * (inside + before);
  };

  it('matches the closed form for a one-stage chain, also for periods that start later', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 90 }),
        (w, l, gap, length) => {
          const model = chain(['s'], { 's>won': w, 's>lost': l }, { creationRate: 0.5 / DAY_MS });
          const got = expectedNewWins(model, 0, gap * DAY_MS, (gap + length) * DAY_MS);
          const want = closedForm(0.5, w, l, gap, length);
          expect(Math.abs(got - want)).toBeLessThan(1e-3 * Math.max(want, 1e-3));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts deals created already won in the period, and only those', () => {
    const model = chain(['s'], {}, { creationRate: 2 / DAY_MS, entryMix: [0, 1, 0] });
    // Two a day for the 10 days of the period; the 5 days before it win before it.
    expect(expectedNewWins(model, 0, 5 * DAY_MS, 15 * DAY_MS)).toBeCloseTo(20, 6);
  });
});
