import { sortScoresByClass } from './class-sorted-scores.js';

/** Cumulative weights at each distinct score, highest score first. */
export interface BinaryCurve {
  /** Weighted false positives with score >= threshold. */
  readonly fps: Float64Array;
  /** Weighted true positives with score >= threshold. */
  readonly tps: Float64Array;
  /** The distinct scores, decreasing. */
  readonly thresholds: Float64Array;
}

/**
 * Unchecked binary classification curve: scikit-learn's `_binary_clf_curve`
 * over typed arrays.
 *
 * @remarks
 * Zero-weight rows are dropped; the rest are radix-sorted by score per class
 * and merged from the top down, accumulating per distinct score. Without
 * weights `fps` and `tps` are exact integer counts.
 *
 * @param isPositive - 1 for rows of the positive class, else 0
 * @param scores - finite scores
 * @param weight - per-row weights, or null for unit weights
 * @param rows - row indices to use, or null for all rows
 * @returns cumulative `fps`, `tps` and the decreasing distinct `thresholds`
 * @example
 * ```ts
 * import { binaryCurveKernel } from '@assay/core-metrics';
 * const curve = binaryCurveKernel(new Uint8Array([0, 1, 1]), new Float64Array([0.2, 0.9, 0.2]), null, null);
 * curve; // { fps: [0, 1], tps: [1, 2], thresholds: [0.9, 0.2] }
 * ```
 * @see https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/metrics/_ranking.py
 */
export function binaryCurveKernel(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | null,
  rows: Uint32Array | null,
): BinaryCurve {
  const { pos, neg, posWeight, negWeight } = sortScoresByClass(isPositive, scores, weight, rows);
  const fpsAll = new Float64Array(pos.length + neg.length);
  const tpsAll = new Float64Array(pos.length + neg.length);
  const thresholdsAll = new Float64Array(pos.length + neg.length);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let g = 0;
  while (i >= 0 || j >= 0) {
    const a = i >= 0 ? pos[i]! : Number.NEGATIVE_INFINITY;
    const b = j >= 0 ? neg[j]! : Number.NEGATIVE_INFINITY;
    const v = Math.max(a, b);
    if (posWeight === null) {
      while (i >= 0 && pos[i] === v) {
        tp++;
        i--;
      }
    } else {
      while (i >= 0 && pos[i] === v) tp += posWeight[i--]!;
    }
    if (negWeight === null) {
      while (j >= 0 && neg[j] === v) {
        fp++;
        j--;
      }
    } else {
      while (j >= 0 && neg[j] === v) fp += negWeight[j--]!;
    }
    fpsAll[g] = fp;
    tpsAll[g] = tp;
    // the unweighted sort keeps -0, which is the threshold 0
    thresholdsAll[g] = v + 0;
    g++;
  }
  return {
    fps: fpsAll.slice(0, g),
    tps: tpsAll.slice(0, g),
    thresholds: thresholdsAll.slice(0, g),
  };
}
