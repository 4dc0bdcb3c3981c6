import {
  featureNames,
  features,
  featureSpace,
  type FeatureSpace,
  type Record,
} from './features.js';
import { auc, predict, train, type Model } from './logistic.js';

// The learned score: the chance a deal (or a lead's deal) is won, from the workspace's own closed
// history. Accuracy is measured honestly: one in five closed records, chosen by a hash of its id
// (so the same ones every time), is held back, a model is trained on the rest and scored on those;
// the model then used for scoring is trained on all of them.

export type Outcome = Record & { id: string; won: boolean };

export type Scorer = {
  space: FeatureSpace;
  names: string[];
  means: number[];
  scales: number[];
  model: Model;
  /** Closed records it learned from, and how it did on the held-back fifth. */
  trainedOn: number;
  heldOut: number;
  heldOutAuc: number | null;
  heldOutAccuracy: number | null;
};

/** FNV-1a: a stable hash, so the held-back fifth does not change between runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const isHeldOut = (id: string) => hash(id) % 5 === 0;

function standardise(rows: number[][], dims: number) {
  const means = new Array<number>(dims).fill(0);
  const scales = new Array<number>(dims).fill(1);
  if (rows.length === 0) return { means, scales };
  for (let j = 0; j < dims; j++) {
    const col = rows.map((r) => r[j] as number);
    const mean = col.reduce((s, v) => s + v, 0) / col.length;
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length);
    means[j] = mean;
    scales[j] = sd > 1e-9 ? sd : 1;
  }
  return { means, scales };
}

function fit(outcomes: readonly Outcome[], space: FeatureSpace) {
  const raw = outcomes.map((o) => features(space, o));
  const dims = featureNames(space).length;
  const { means, scales } = standardise(raw, dims);
  const x = raw.map((r) => r.map((v, j) => (v - (means[j] as number)) / (scales[j] as number)));
  const model = train(
    outcomes.map((o, i) => ({ x: x[i] as number[], y: o.won ? 1 : 0 })),
    dims,
  );
  return { means, scales, model };
}

const scaled = (s: Pick<Scorer, 'space' | 'means' | 'scales'>, r: Record) =>
  features(s.space, r).map((v, j) => (v - (s.means[j] as number)) / (s.scales[j] as number));

export function learnScorer(outcomes: readonly Outcome[]): Scorer {
  const space = featureSpace(outcomes);
  const train = outcomes.filter((o) => !isHeldOut(o.id));
  const test = outcomes.filter((o) => isHeldOut(o.id));
  const trial = fit(train, space);
  const scored = test.map((o) => ({
    p: predict(trial.model, scaled({ space, ...trial }, o)),
    y: (o.won ? 1 : 0) as 0 | 1,
  }));
  const final = fit(outcomes, space);
  return {
    space,
    names: featureNames(space),
    ...final,
    trainedOn: outcomes.length,
    heldOut: test.length,
    heldOutAuc: auc(scored),
    heldOutAccuracy:
      scored.length === 0
        ? null
        : scored.filter((s) => (s.p >= 0.5 ? 1 : 0) === s.y).length / scored.length,
  };
}

export type Reason = { feature: string; effect: number };

/** The chance of winning, and the features that moved it most (positive: towards a win). */
export function learnedScore(
  scorer: Scorer,
  r: Record,
): { probability: number; reasons: Reason[] } {
  const x = scaled(scorer, r);
  const reasons = x
    .map((v, j) => ({
      feature: scorer.names[j] as string,
      effect: (scorer.model.weights[j] ?? 0) * v,
    }))
    .filter((c) => Math.abs(c.effect) > 0.05)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, 3)
    .map((c) => ({ feature: c.feature, effect: Math.round(c.effect * 100) / 100 }));
  return { probability: predict(scorer.model, x), reasons };
}
