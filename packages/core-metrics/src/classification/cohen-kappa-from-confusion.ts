import { checkOptions, type OptionKeys } from '../input/option-keys.js';
/** Disagreement weighting of Cohen's kappa: none (0/1), linear |i−j| or quadratic (i−j)². */
export type KappaWeights = 'linear' | 'quadratic';

const KAPPA_CONFUSION_KEYS: OptionKeys<{ weights?: KappaWeights | null }> = { weights: true };

/**
 * Cohen's kappa from a confusion matrix whose rows/columns are in label order (the order
 * matters for linear and quadratic weights) — the implementation behind `cohenKappaScore`.
 *
 * @remarks
 * `κ = 1 − Σ w_ij C_ij / Σ w_ij E_ij` with `E = outer(col sums, row sums) / ΣC` and
 * `w_ij` = 0 on the diagonal and 1 off it (default), `|i − j|` or `(i − j)²`.
 * NaN when there is no expected disagreement (e.g. a single label, or no counts), as in
 * scikit-learn. Unchecked and silent (no warning): the kernel for hot paths, e.g. a
 * bootstrap that tallies each resample's matrix from `encodeRatingPairs` cells.
 *
 * @param counts - row-major K×K confusion counts
 * @param nClasses - K
 * @param options - `weights`: undefined/null (unweighted), `'linear'` or `'quadratic'`
 * @returns kappa in [−1, 1], or NaN
 * @throws {@link MetricInputError} `INVALID_OPTION` (unknown option)
 * @example
 * ```ts
 * import { cohenKappaFromConfusion } from '@assay/core-metrics';
 * cohenKappaFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.3478…
 * ```
 * @see sklearn.metrics.cohen_kappa_score
 */
export function cohenKappaFromConfusion(
  counts: Float64Array,
  nClasses: number,
  options?: { weights?: KappaWeights | null },
): number {
  // left out (as every hot caller does): nothing to check
  checkOptions(options, 'cohenKappaFromConfusion', KAPPA_CONFUSION_KEYS);
  const rowSum = new Float64Array(nClasses);
  const colSum = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < nClasses; i++) {
    for (let j = 0; j < nClasses; j++) {
      const c = counts[i * nClasses + j]!;
      rowSum[i]! += c;
      colSum[j]! += c;
    }
  }
  for (let j = 0; j < nClasses; j++) total += colSum[j]!;
  const weights = options?.weights ?? null;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < nClasses; i++) {
    for (let j = 0; j < nClasses; j++) {
      const d = Math.abs(i - j);
      const w = weights === null ? (d === 0 ? 0 : 1) : weights === 'linear' ? d : d * d;
      if (w === 0) continue;
      observed += w * counts[i * nClasses + j]!;
      expected += (w * (colSum[i]! * rowSum[j]!)) / total;
    }
  }
  return 1 - observed / expected;
}
