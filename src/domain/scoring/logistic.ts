// Regularised logistic regression, written out so that it is deterministic and inspectable: the
// same examples in the same order always give the same weights (no random start, no shuffling).
// Full-batch gradient descent on the mean log loss plus an L2 penalty (not on the intercept).

export type Example = { x: readonly number[]; y: 0 | 1 };
export type Model = { intercept: number; weights: number[] };

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export function predict(model: Model, x: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

export type TrainOptions = { lambda?: number; iterations?: number; learningRate?: number };

export function train(examples: readonly Example[], dims: number, options: TrainOptions = {}) {
  const lambda = options.lambda ?? 0.1;
  const iterations = options.iterations ?? 500;
  const rate = options.learningRate ?? 0.5;
  const n = examples.length;
  // Start from the base rate, so an empty or one-class history predicts that rate.
  const positives = examples.reduce((s, e) => s + e.y, 0);
  const base = (positives + 1) / (n + 2);
  const model: Model = { intercept: Math.log(base / (1 - base)), weights: new Array(dims).fill(0) };
  if (n === 0) return model;
  const grad = new Array<number>(dims);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gradIntercept = 0;
    for (const e of examples) {
      const err = predict(model, e.x) - e.y;
      gradIntercept += err;
      for (let j = 0; j < dims; j++) grad[j] = (grad[j] as number) + err * (e.x[j] ?? 0);
    }
    model.intercept -= (rate * gradIntercept) / n;
    for (let j = 0; j < dims; j++) {
      const w = model.weights[j] as number;
      model.weights[j] = w - rate * ((grad[j] as number) / n + lambda * w);
    }
  }
  return model;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative
 * (ties count half). Null without both classes.
 */
export function auc(scored: readonly { p: number; y: 0 | 1 }[]): number | null {
  const pos = scored.filter((s) => s.y === 1).map((s) => s.p);
  const neg = scored.filter((s) => s.y === 0).map((s) => s.p);
  if (pos.length === 0 || neg.length === 0) return null;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}
