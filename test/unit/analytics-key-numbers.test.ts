import { describe, expect, it } from 'vitest';
import { keyNumbers } from '../../src/domain/analytics/key-numbers.js';
import { periodContaining } from '../../src/domain/analytics/periods.js';
import { Deal, STAGES, t } from './analytics-fixtures.js';
import { APRIL, MARCH, marchDeals } from './analytics-story.js';

const histories = marchDeals();
const base = { histories, pipelineId: 'P', stages: STAGES, qualificationPosition: 1 };

describe('key numbers of March 2026, pipeline P (story in analytics-story.ts)', () => {
  const march = keyNumbers({ ...base, period: MARCH });

  it('counts created, won and lost deals', () => {
    // Created in March in P: B, C, D, E (1 Mar 00:00, the first instant), G = 5. H is in Q.
    expect(march.created).toBe(5);
    // Won: A, D, G (G was lost on 9 Mar, reopened, won on 30 Mar: its last closing counts). Lost: B, C.
    expect(march.won).toBe(3);
    expect(march.lost).toBe(2);
    expect(march.winRate).toBe(3 / 5);
  });

  it('computes close rate over the deals that first reached Qualified in the period', () => {
    // A (qual 3 Mar), C (created into prop), D (created into qual), G (won 30 Mar) = 4;
    // F and K reached it in February; B, E, M never did. Won at the end of March: A, D, G.
    expect(march.closeRate).toEqual({ qualified: 4, won: 3, rate: 0.75 });
    // Read a month later, C has been won too: 4 / 4.
    expect(keyNumbers({ ...base, period: MARCH, asOf: APRIL.end }).closeRate.rate).toBe(1);
  });

  it('keeps won value per currency, at the value when won', () => {
    // USD: A 1000, G 100 -> total 1100, mean 550, median (100 + 1000) / 2 = 550.
    // VND: D 6,000,000 (raised from 5,000,000 before it was won).
    expect(march.wonValue).toEqual({
      USD: { count: 2, total: 1100, mean: 550, median: 550 },
      VND: { count: 1, total: 6_000_000, mean: 6_000_000, median: 6_000_000 },
    });
  });

  it('measures the sales cycle in days from creation to won', () => {
    // A 20 Feb -> 20 Mar = 28 days; D 6 -> 16 Mar = 10; G 8 -> 30 Mar = 22. Median 22, mean 60/3.
    expect(march.cycleDays).toEqual({ median: 22, mean: 20 });
  });

  it('values the open pipeline at the period end, weighted by stage probability', () => {
    // E lead 400 x 10% = 40; F prop 900 x 60% = 540; K qual 30 x 30% = 9.
    expect(march.openAtEnd).toEqual({ USD: { count: 3, total: 1330, weighted: 589 } });
  });

  it('computes sales velocity per currency', () => {
    // USD: 3 open x 0.6 x 550 / 20 days = 49.5 per day. VND: 0 open deals -> 0.
    expect(march.velocity).toEqual({ USD: 49.5, VND: 0 });
  });

  it('counts a deal lost in one period and won after reopening in the next in both', () => {
    const april = keyNumbers({ ...base, period: APRIL });
    // C: lost 15 Mar (counted in March above), won 10 Apr. Cycle 4 Mar -> 10 Apr = 27 + 10 = 37.
    expect(april).toMatchObject({ created: 0, won: 1, lost: 0, winRate: 1 });
    expect(april.cycleDays).toEqual({ median: 37, mean: 37 });
    expect(april.wonValue).toEqual({ USD: { count: 1, total: 3000, mean: 3000, median: 3000 } });
  });

  it('gives zeros, nulls and empty records for an empty period', () => {
    const empty = keyNumbers({ ...base, period: { start: t('2025-01-01'), end: t('2025-02-01') } });
    expect(empty).toEqual({
      created: 0,
      won: 0,
      lost: 0,
      winRate: null,
      closeRate: { qualified: 0, won: 0, rate: null },
      wonValue: {},
      cycleDays: { median: null, mean: null },
      openAtEnd: {},
      velocity: {},
    });
  });

  it('counts only the pipeline asked for', () => {
    const q = keyNumbers({ ...base, pipelineId: 'Q', period: MARCH, qualificationPosition: 0 });
    // H won in Q; M was created in February and left Q on 11 Mar, came back 28 Mar (q2, open).
    expect(q).toMatchObject({ created: 1, won: 1, lost: 0, winRate: 1 });
    expect(q.openAtEnd).toEqual({ VND: { count: 1, total: 700, weighted: 350 } });
  });
});

describe('key numbers on Ho Chi Minh City month boundaries', () => {
  const HCM = 'Asia/Ho_Chi_Minh';
  const wonAt = (id: string, at: string) =>
    new Deal(id, '2026-03-10T02:00:00Z', 'lead', 100).move(at, 'won').build();
  // 23:30 local on 31 March = 16:30 UTC: March. 00:30 local on 1 April = 17:30 UTC 31 March: April.
  const deals = [wonAt('late', '2026-03-31T16:30:00Z'), wonAt('next', '2026-03-31T17:30:00Z')];
  const input = { ...base, histories: deals };

  it('puts a deal won at 23:30 local on 31 March in March, one won an hour later in April', () => {
    const march = periodContaining('month', t('2026-03-15T00:00:00Z'), HCM);
    const april = periodContaining('month', t('2026-04-15T00:00:00Z'), HCM);
    expect(keyNumbers({ ...input, period: march }).won).toBe(1);
    expect(keyNumbers({ ...input, period: march }).wonValue['USD']?.count).toBe(1);
    expect(keyNumbers({ ...input, period: april }).won).toBe(1);
    // The same two instants are both in March by UTC.
    expect(keyNumbers({ ...input, period: MARCH }).won).toBe(2);
  });
});
