/**
 * Unchecked expected calibration error over typed arrays: the kernel behind
 * `expectedCalibrationError`.
 *
 * @remarks
 * With `B` uniform bins, a confidence `c` falls in bin
 * `b = #{ inner edges e_j = j/B, j = 1..B−1 : e_j < c }` — bins are
 * `[0, 1/B], (1/B, 2/B], …`, the same assignment as scikit-learn's
 * `calibration_curve` (`np.searchsorted(edges[1:-1], c)`). Then
 * `ECE = Σ_b (W_b / W) · |acc_b − conf_b|`, where `W_b` is the bin's weight,
 * `acc_b` its weighted mean outcome and `conf_b` its weighted mean confidence.
 *
 * @param outcome - 1 where the event happened (positive class, or correct top label)
 * @param confidence - predicted probability of that event, in [0, 1]
 * @param nBins - number of uniform bins
 * @param weight - per-row weights, or null
 * @param rows - row indices to use, or null for all rows
 * @returns the expected calibration error, in [0, 1]
 * @example
 * ```ts
 * import { expectedCalibrationErrorKernel } from '@assay/core-metrics';
 * expectedCalibrationErrorKernel(new Uint8Array([1, 0]), new Float64Array([0.9, 0.2]), 10, null, null); // 0.15
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.calibration.calibration_curve.html (same binning; no ECE there)
 */
export function expectedCalibrationErrorKernel(
  outcome: Uint8Array,
  confidence: Float64Array,
  nBins: number,
  weight: Float64Array | null,
  rows: Uint32Array | null,
): number {
  const edges = new Float64Array(nBins + 1);
  // numpy's linspace(0, 1, B + 1): i * (1 / B), last edge exactly 1.
  const step = 1 / nBins;
  for (let i = 0; i <= nBins; i++) edges[i] = i * step;
  edges[nBins] = 1;
  const binWeight = new Float64Array(nBins);
  const binOutcome = new Float64Array(nBins);
  const binConfidence = new Float64Array(nBins);
  const n = rows === null ? outcome.length : rows.length;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const c = confidence[r]!;
    let b = Math.min(nBins - 1, Math.max(0, Math.ceil(c * nBins) - 1));
    while (b > 0 && !(edges[b]! < c)) b--;
    while (b < nBins - 1 && edges[b + 1]! < c) b++;
    const w = weight === null ? 1 : weight[r]!;
    binWeight[b]! += w;
    binOutcome[b]! += w * outcome[r]!;
    binConfidence[b]! += w * c;
  }
  let total = 0;
  for (let b = 0; b < nBins; b++) total += binWeight[b]!;
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    const wb = binWeight[b]!;
    if (wb === 0) continue;
    ece += (wb / total) * Math.abs(binOutcome[b]! / wb - binConfidence[b]! / wb);
  }
  return ece;
}
