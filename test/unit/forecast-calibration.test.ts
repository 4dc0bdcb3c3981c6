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

  it('puts a prediction on a boundary into the bin that starts there', () => {
    // 0.3 × 10 is 3.0000000000000004 in floating point and 0.7 × 10 is 7.000000000000001: both
    // still floor to their own bin; 0.29 belongs below.
    const bins = calibrationBins([
      { p: 0.3, happened: true },
      { p: 0.7, happened: false },
      { p: 0.29, happened: false },
      { p: 0, happened: false },
    ]);
    expect(bins.map((b) => b.count)).toEqual([1, 0, 1, 1, 0, 0, 0, 1, 0, 0]);
    expect(bins[3]).toEqual({ from: 0.3, to: 0.4, count: 1, meanPredicted: 0.3, observed: 1 });
    expect(bins[2]).toEqual({ from: 0.2, to: 0.3, count: 1, meanPredicted: 0.29, observed: 0 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });
});
