import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, type DealHistory } from '../../src/domain/analytics/history.js';
import { DAY_MS } from '../../src/domain/analytics/stages.js';
import {
  eventualWin,
  expectedNewWins,
  fitModel,
  winWithin,
  type Rates,
} from '../../src/domain/forecast/learned-model.js';
import { Deal, STAGES, t } from './analytics-fixtures.js';

const day = (n: number) => t('2026-01-01T00:00:00Z') + n * DAY_MS;
const usd = (h: DealHistory, at: number) => {
  const s = replay(h, at);
  return s.exists ? s.value : null;
};

describe('fitting the learned model', () => {
  // Three deals reach Proposal (60%) on day 0 or 50: one won on day 10, one lost on day 30, one
  // still open at the cutoff on day 100 (50 days at risk). Wins 1, losses 1, 90 days at risk.
  const histories = [
    new Deal('w', day(0), 'prop', 100).move(day(10), 'won').build(),
    new Deal('l', day(0), 'prop', 100).move(day(30), 'lost').build(),
    new Deal('o', day(50), 'prop', 100).build(),
    // After the cutoff: unknown to the model.
    new Deal('late', day(101), 'prop', 100).move(day(102), 'won').build(),
  ];
  const model = fitModel(histories, 'P', STAGES, day(100), usd);
  const prop = model.byStage.get('prop') as Rates;

  it('counts wins, losses and time at risk before the cutoff only', () => {
    expect(prop.wins).toBe(1);
    expect(prop.losses).toBe(1);
    expect(prop.exposureMs).toBe(90 * DAY_MS);
  });

  it('adds two pseudo-deals at the stage probability over 90 days each', () => {
    // λw = (1 + 2·0.6) / (90 + 180) days, λl = (1 + 2·0.4) / 270 days.
    expect(prop.winRate * DAY_MS).toBeCloseTo(2.2 / 270, 12);
    expect(prop.lossRate * DAY_MS).toBeCloseTo(1.8 / 270, 12);
    expect(eventualWin(prop)).toBeCloseTo(0.55, 12);
  });

  it('gives P(win within a 30-day period starting now) = π(1 − e^(−Λ·30 days))', () => {
    const p = winWithin(prop, day(100), day(100), day(130));
    expect(p).toBeCloseTo(0.55 * (1 - Math.exp((-4 / 270) * 30)), 12);
    // A period that starts 10 days later: survive 10 days open first.
    const later = winWithin(prop, day(100), day(110), day(140));
    expect(later).toBeCloseTo(0.55 * (Math.exp((-4 / 270) * 10) - Math.exp((-4 / 270) * 40)), 12);
    expect(winWithin(prop, day(100), day(50), day(90))).toBe(0);
  });

  it('falls back to the stage probability where there is no history', () => {
    expect(eventualWin(model.byStage.get('qual') as Rates)).toBeCloseTo(0.3, 12);
  });

  it('learns the creation rate and new-deal values from the lookback', () => {
    // Three deals created in the 180 days before the cutoff; one won (value 100).
    expect(model.creationRate * 180 * DAY_MS).toBeCloseTo(3, 9);
    expect(model.newValues).toEqual([100]);
  });
});

describe('expected wins from deals not yet created', () => {
  const rates = (w: number, l: number): Rates => ({
    wins: 0,
    losses: 0,
    exposureMs: 0,
    winRate: w,
    lossRate: l,
  });
  // The integral of c·winWithin(u) over creation instants u, by the midpoint rule.
  const numeric = (c: number, r: Rates, from: number, start: number, end: number) => {
    const steps = 4000;
    const h = (end - from) / steps;
    let sum = 0;
    for (let i = 0; i < steps; i++) {
      const u = from + (i + 0.5) * h;
      sum += c * winWithin(r, u, start, end) * h;
    }
    return sum;
  };

  it('matches numeric integration, also for periods that start later', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 90 }),
        (w, l, gap, length) => {
          const r = rates(w, l);
          const model = {
            cutoff: 0,
            byStage: new Map(),
            newDeal: r,
            creationRate: 0.5,
            newValues: [],
          };
          const exact = expectedNewWins(model, 0, gap, gap + length);
          expect(exact).toBeCloseTo(numeric(0.5, r, 0, gap, gap + length), 3);
        },
      ),
      { numRuns: 40 },
    );
  });
});
