import { createRng } from '@assay/splitters';

/** A seeded synthetic classification data set. */
export interface SyntheticClassification {
  yTrue: Int32Array;
  yPred: Int32Array;
  /** Row-major n×k probabilities (rows sum to 1). */
  proba: Float64Array;
  /** Per-class probability columns. */
  probaColumns: Float64Array[];
  weight: Float64Array;
  slice: string[];
  group: Int32Array;
}

/**
 * Makes `n` rows of a `k`-class problem whose predictions are right with
 * probability `accuracy`, with probabilities that favour the prediction.
 */
export function syntheticClassification(
  n: number,
  k: number,
  seed: number,
  accuracy = 0.7,
): SyntheticClassification {
  const rng = createRng(seed);
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const proba = new Float64Array(n * k);
  const weight = new Float64Array(n);
  const slice: string[] = new Array(n);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // skewed class frequencies, every class present
    const t = rng.nextFloat() < 0.5 ? 0 : rng.nextInt(k);
    yTrue[i] = t;
    const p = rng.nextFloat() < accuracy ? t : rng.nextInt(k);
    yPred[i] = p;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const v = rng.nextFloat() + (c === p ? 2 : 0) + (c === t ? 0.5 : 0);
      proba[i * k + c] = v;
      sum += v;
    }
    for (let c = 0; c < k; c++) proba[i * k + c] = proba[i * k + c]! / sum;
    // dyadic weights keep weighted sums exact in any order
    weight[i] = [0.5, 1, 1.5, 2][rng.nextInt(4)]!;
    slice[i] = ['en', 'fr', 'de'][rng.nextInt(3)]!;
    group[i] = rng.nextInt(Math.max(10, Math.floor(n / 20)));
  }
  const probaColumns = Array.from({ length: k }, (_, c) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = proba[i * k + c]!;
    return col;
  });
  return { yTrue, yPred, proba, probaColumns, weight, slice, group };
}
