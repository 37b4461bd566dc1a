/**
 * Matthews correlation coefficient (multiclass R_K) from a confusion matrix — the
 * implementation behind `matthewsCorrcoef`.
 *
 * @remarks
 * With t = row sums, p = column sums, c = trace, s = total:
 * `MCC = (c·s − t·p) / √((s² − p·p)(s² − t·t))`, and 0 when the denominator is 0
 * (e.g. a single class), as scikit-learn 1.2 returns.
 *
 * @param counts - row-major K×K confusion counts
 * @param nClasses - K
 * @returns the coefficient in [−1, 1]
 * @throws never
 * @example
 * ```ts
 * import { matthewsCorrcoefFromConfusion } from '@assay/core-metrics';
 * matthewsCorrcoefFromConfusion(Float64Array.of(5, 1, 2, 2), 2); // 0.3563…
 * ```
 * @see sklearn.metrics.matthews_corrcoef
 */
export function matthewsCorrcoefFromConfusion(counts: Float64Array, nClasses: number): number {
  let correct = 0;
  let samples = 0;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let k = 0; k < nClasses; k++) {
    let t = 0;
    let p = 0;
    for (let j = 0; j < nClasses; j++) {
      t += counts[k * nClasses + j]!;
      p += counts[j * nClasses + k]!;
    }
    correct += counts[k * nClasses + k]!;
    samples += p;
    tp += t * p;
    pp += p * p;
    tt += t * t;
  }
  const covYtYp = correct * samples - tp;
  const covYpYp = samples * samples - pp;
  const covYtYt = samples * samples - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}
