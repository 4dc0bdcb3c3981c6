import { describe, expect, it } from 'vitest';
import {
  activeConversion,
  cohortConversion,
  timeInStage,
  weakestStage,
} from '../../src/domain/analytics/stage-conversion.js';
import { STAGES, t } from './analytics-fixtures.js';
import { MARCH, marchDeals } from './analytics-story.js';

const histories = marchDeals();
const EMPTY = { start: t('2025-01-01'), end: t('2025-02-01') };

describe('cohort conversion (deals created in March, outcomes at the end of March)', () => {
  it('counts a deal in every stage it passed, skipped or went back from', () => {
    // B lead; C created into prop (passed lead, qual); D created into qual, won; E lead;
    // G lead, lost, reopened, won. Lead 5; qual C D G = 3; prop C D G = 3; won D G = 2;
    // lost B C G = 3. Conversions: 3/5, 3/3, and from prop (last open) to Won 2/3.
    expect(cohortConversion(histories, 'P', STAGES, MARCH, MARCH.end - 1)).toEqual([
      { stageId: 'lead', reached: 5, conversionToNext: 3 / 5 },
      { stageId: 'qual', reached: 3, conversionToNext: 1 },
      { stageId: 'prop', reached: 3, conversionToNext: 2 / 3 },
      { stageId: 'won', reached: 2, conversionToNext: null },
      { stageId: 'lost', reached: 3, conversionToNext: null },
    ]);
  });

  it('gives zero counts and no conversions for an empty period', () => {
    const rows = cohortConversion(histories, 'P', STAGES, EMPTY, EMPTY.end);
    expect(rows.map((r) => [r.reached, r.conversionToNext])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });
});

describe('active conversion (deals that were in a stage at some moment of March)', () => {
  it('says what became of each stay', () => {
    // lead: A -> qual (forward), B lost, E stayed, G last stay 10-30 Mar won, M -> Q (movedOut).
    // qual: A forward, D won, F -> prop forward, K (moved back into qual) stayed.
    // prop: A won, C lost, F stayed, K -> qual (back).
    const zero = { forward: 0, back: 0, won: 0, lost: 0, movedOut: 0, stayed: 0 };
    expect(activeConversion(histories, 'P', STAGES, MARCH)).toEqual([
      { ...zero, stageId: 'lead', deals: 5, forward: 1, lost: 1, stayed: 1, won: 1, movedOut: 1 },
      { ...zero, stageId: 'qual', deals: 4, forward: 2, won: 1, stayed: 1 },
      { ...zero, stageId: 'prop', deals: 4, won: 1, lost: 1, stayed: 1, back: 1 },
    ]);
  });

  it('counts nobody in an empty period', () => {
    expect(activeConversion(histories, 'P', STAGES, EMPTY).every((r) => r.deals === 0)).toBe(true);
  });
});

describe('time in stage (completed stays that ended in March)', () => {
  it('gives the median and 75th percentile in days', () => {
    // lead: G 8->9 Mar 1, B 2->5 Mar 3, A 20 Feb->3 Mar 11, M 11->28 Mar 17, G 10->30 Mar 20.
    //   median of [1,3,11,17,20] = 11; p75 rank 0.75*4 = 3 -> 17.
    // qual: A 3->10 Mar 7, D 6->16 Mar 10, F 1 Feb->25 Mar 52 (28 + 24).
    //   median 10; p75 rank 1.5 -> 10 + 0.5*(52-10) = 31.
    // prop: A 10->20 Mar 10, C 4->15 Mar 11, K 25 Feb->12 Mar 15. median 11; p75 11 + 0.5*4 = 13.
    expect(timeInStage(histories, 'P', STAGES, MARCH)).toEqual([
      { stageId: 'lead', visits: 5, median: 11, p75: 17 },
      { stageId: 'qual', visits: 3, median: 10, p75: 31 },
      { stageId: 'prop', visits: 3, median: 11, p75: 13 },
    ]);
  });

  it('has no times in an empty period', () => {
    expect(timeInStage(histories, 'P', STAGES, EMPTY)[0]).toEqual({
      stageId: 'lead',
      visits: 0,
      median: null,
      p75: null,
    });
  });
});

describe('weakest stage', () => {
  it('is the stage with the lowest conversion to the next', () => {
    const conversion = cohortConversion(histories, 'P', STAGES, MARCH, MARCH.end - 1);
    const times = timeInStage(histories, 'P', STAGES, MARCH);
    // lead 0.6 < prop 0.667 < qual 1.
    expect(weakestStage(conversion, times)).toBe('lead');
  });

  it('breaks a tie by the longest median time, and is null without conversions', () => {
    const row = (stageId: string, c: number | null) => ({
      stageId,
      reached: 1,
      conversionToNext: c,
    });
    const time = (stageId: string, median: number | null) => ({
      stageId,
      visits: 1,
      median,
      p75: median,
    });
    const conversion = [row('a', 0.5), row('b', 0.5), row('c', 0.9)];
    expect(weakestStage(conversion, [time('a', 3), time('b', 4), time('c', 9)])).toBe('b');
    expect(weakestStage(conversion, [time('a', null), time('b', null)])).toBe('a');
    expect(weakestStage([row('a', null)], [])).toBeNull();
  });
});
