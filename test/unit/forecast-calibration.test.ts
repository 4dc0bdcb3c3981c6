import { describe, expect, it } from 'vitest';
import { calibrationBins } from '../../src/domain/forecast/calibration.js';

describe('calibration bins', () => {
  it('groups predictions into tenths and compares mean prediction with what happened', () => {
    const bins = calibrationBins([
      { p: 0.05, happened: false },
      { p: 0.15, happened: false },
      { p: 0.1, happened: true },
      { p: 0.95, happened: true },
      { p: 1, happened: true },
      { p: 0.9, happened: false },
    ]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observed: 0 });
    expect(bins[1]?.count).toBe(2);
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.125, 12);
    expect(bins[1]?.observed).toBe(0.5);
    // 1 lands in the last bin with 0.9 and 0.95.
    expect(bins[9]?.count).toBe(3);
    expect(bins[9]?.meanPredicted).toBeCloseTo(0.95, 12);
    expect(bins[9]?.observed).toBeCloseTo(2 / 3, 12);
    expect(bins[5]).toEqual({ from: 0.5, to: 0.6, count: 0, meanPredicted: null, observed: null });
  });

  it('takes other bin counts and refuses probabilities outside 0..1', () => {
    expect(calibrationBins([{ p: 0.5, happened: true }], 2)[1]?.count).toBe(1);
    expect(() => calibrationBins([{ p: 1.2, happened: true }])).toThrow(RangeError);
    expect(() => calibrationBins([{ p: Number.NaN, happened: true }])).toThrow(RangeError);
  });
});
