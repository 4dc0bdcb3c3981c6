// Calibration: group predictions by their probability into equal-width bins and compare the mean
// prediction with the share that actually happened. A calibrated model's points lie on y = x.

export type Prediction = { p: number; happened: boolean };

export type CalibrationBin = {
  /** [from, to); the last bin includes 1. */
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observed: number | null;
};

export function calibrationBins(predictions: readonly Prediction[], bins = 10): CalibrationBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a whole number ≥ 1');
  const sums = Array.from({ length: bins }, () => ({ count: 0, p: 0, hits: 0 }));
  for (const { p, happened } of predictions) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} is outside 0..1`);
    const bin = sums[Math.min(Math.floor(p * bins), bins - 1)] as (typeof sums)[number];
    bin.count += 1;
    bin.p += p;
    if (happened) bin.hits += 1;
  }
  return sums.map((s, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: s.count,
    meanPredicted: s.count === 0 ? null : s.p / s.count,
    observed: s.count === 0 ? null : s.hits / s.count,
  }));
}
