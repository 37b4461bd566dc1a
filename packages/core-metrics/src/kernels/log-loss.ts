/**
 * Unchecked multiclass log loss over a row-major probability matrix: the kernel
 * behind `logLoss`.
 *
 * @remarks
 * As scikit-learn 1.2: every probability is clipped to `[eps, 1 − eps]`, each
 * row renormalized by its clipped sum, and the loss of row i is
 * `−ln(p̂_{i,y_i} / Σ_j p̂_{i,j})`. The result is `Σ w_i·loss_i / Σ w_i`
 * (`normalize`), or `Σ w_i·loss_i`.
 *
 * @param yCodes - true class index of each row, in `[0, nClasses)`
 * @param proba - row-major n×k probabilities
 * @param nClasses - k, the number of columns
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use, or null for all rows
 * @param eps - clipping bound (scikit-learn's `'auto'` is `Number.EPSILON`)
 * @param normalize - mean (true, default) or sum (false)
 * @returns the log loss
 * @example
 * ```ts
 * import { logLossKernel } from '@assay/core-metrics';
 * const probs = new Float64Array([0.1, 0.9, 0.8, 0.2]); // row-major, 2 classes
 * logLossKernel(new Int32Array([1, 0]), probs, 2, null, null, Number.EPSILON); // 0.1642… ((−ln 0.9 − ln 0.8) / 2)
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.log_loss.html
 */
export function logLossKernel(
  yCodes: Int32Array | Uint8Array,
  proba: Float64Array,
  nClasses: number,
  weight: Float64Array | null,
  rows: Uint32Array | null,
  eps: number,
  normalize = true,
): number {
  const n = rows === null ? yCodes.length : rows.length;
  const hi = 1 - eps;
  let total = 0;
  let weightSum = 0;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const base = r * nClasses;
    let sum = 0;
    for (let c = 0; c < nClasses; c++) {
      const p = proba[base + c]!;
      sum += p < eps ? eps : Math.min(p, hi);
    }
    const t = proba[base + yCodes[r]!]!;
    const loss = -Math.log((t < eps ? eps : Math.min(t, hi)) / sum);
    if (weight === null) {
      total += loss;
    } else {
      const w = weight[r]!;
      total += w * loss;
      weightSum += w;
    }
  }
  if (!normalize) return total;
  return weight === null ? total / n : total / weightSum;
}

/**
 * Unchecked binary log loss from the probability of the positive class.
 *
 * @remarks
 * scikit-learn 1.2 semantics: `p` is clipped to `[eps, 1 − eps]`, the row
 * `[1 − p, p]` renormalized by its sum, and the loss is `−ln` of the true
 * class's entry; weighted mean (or sum) as in {@link logLossKernel}.
 *
 * @param isPositive - 1 where the row's class is the positive (greater) class
 * @param probPositive - probability of the positive class per row
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use, or null for all rows
 * @param eps - clipping bound
 * @param normalize - mean (true, default) or sum (false)
 * @returns the log loss
 * @example
 * ```ts
 * import { logLossBinaryKernel } from '@assay/core-metrics';
 * logLossBinaryKernel(new Uint8Array([1, 0]), new Float64Array([0.9, 0.2]), null, null, Number.EPSILON); // 0.1642…
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.log_loss.html
 */
export function logLossBinaryKernel(
  isPositive: Uint8Array,
  probPositive: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
  eps: number,
  normalize = true,
): number {
  const n = rows === null ? isPositive.length : rows.length;
  const hi = 1 - eps;
  let total = 0;
  let weightSum = 0;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const raw = probPositive[r]!;
    const p = raw < eps ? eps : Math.min(raw, hi);
    const q = 1 - p;
    const loss = -Math.log((isPositive[r] === 1 ? p : q) / (q + p));
    if (weight === null) {
      total += loss;
    } else {
      const w = weight[r]!;
      total += w * loss;
      weightSum += w;
    }
  }
  if (!normalize) return total;
  return weight === null ? total / n : total / weightSum;
}
