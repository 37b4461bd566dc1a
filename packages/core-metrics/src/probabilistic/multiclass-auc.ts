import { MetricInputError } from '../errors.js';
import type { ScoreMatrix } from '../input/score-matrix.js';
import { rocAucBinaryKernel } from '../kernels/roc-auc.js';
import { positiveIndicator } from './positive-class.js';

/**
 * ROC AUC of one binary problem, rejecting a single-class target.
 *
 * @param isPositive - 1 where the row is positive
 * @param scores - score per row
 * @param weight - per-row weights, or null
 * @param maxFpr - partial-AUC bound (1 = full AUC)
 * @param nClasses - classes present in yTrue
 * @param className - names the class in the error, for one-vs-rest
 * @returns the AUC
 * @throws {@link MetricInputError} `SINGLE_CLASS` when only one class is present
 * @example
 * ```ts
 * binaryAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), null, 1, 2); // 0.75
 * try { binaryAuc(Uint8Array.of(1, 1), Float64Array.of(0.1, 0.4), null, 1, 2, 'class column 0'); } catch (error) {
 *   error.message; // 'Only one class is present in yTrue for class column 0 (after dropping zero-weight rows); …'
 * }
 * ```
 */
export function binaryAuc(
  isPositive: Uint8Array,
  scores: Float64Array,
  weight: Float64Array | null,
  maxFpr: number,
  nClasses: number,
  className?: string,
): number {
  const auc =
    nClasses < 2 ? Number.NaN : rocAucBinaryKernel(isPositive, scores, weight, null, maxFpr);
  if (Number.isNaN(auc)) {
    throw new MetricInputError(
      'SINGLE_CLASS',
      `Only one class is present in yTrue${className === undefined ? '' : ` for ${className}`} (after dropping zero-weight rows); ROC AUC is not defined in that case.`,
      'yTrue',
    );
  }
  return auc;
}

function column(scores: ScoreMatrix, c: number, rows: Uint32Array | null): Float64Array {
  const { values, nClasses } = scores;
  const n = rows === null ? scores.nRows : rows.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[(rows === null ? i : rows[i]!) * nClasses + c]!;
  return out;
}

/**
 * One-vs-rest multiclass ROC AUC (scikit-learn's `_average_binary_score` over class columns).
 *
 * @param codes - class code per row
 * @param scores - n × K probability matrix
 * @param weight - per-row weights, or null
 * @param average - 'macro', 'weighted' (by class support) or null (one AUC per class)
 * @returns the averaged AUC, or one per class
 * @throws {@link MetricInputError} `SINGLE_CLASS` when a class column has one class only
 * @example
 * ```ts
 * const scores = toScoreMatrix([[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.3, 0.2, 0.5], [0.6, 0.1, 0.3]], 'yScore');
 * ovrAuc(Int32Array.of(0, 1, 2, 1), scores, null, null); // Float64Array [0.6666666666666666, 0.5, 1]
 * ovrAuc(Int32Array.of(0, 1, 2, 1), scores, null, 'macro'); // 0.7222222222222222
 * ovrAuc(Int32Array.of(0, 1, 2, 1), scores, null, 'weighted'); // 0.6666666666666666
 * ```
 */
export function ovrAuc(
  codes: Int32Array | Uint8Array,
  scores: ScoreMatrix,
  weight: Float64Array | null,
  average: 'macro' | 'weighted' | null,
): number | Float64Array {
  const k = scores.nClasses;
  const aucs = new Float64Array(k);
  const support = new Float64Array(k);
  for (let i = 0; i < codes.length; i++) support[codes[i]!]! += weight === null ? 1 : weight[i]!;
  for (let c = 0; c < k; c++) {
    aucs[c] = binaryAuc(
      positiveIndicator(codes, c),
      column(scores, c, null),
      weight,
      1,
      2,
      `class column ${c}`,
    );
  }
  if (average === null) return aucs;
  if (average === 'macro') return mean(aucs, null);
  return mean(aucs, support);
}

/**
 * One-vs-one multiclass ROC AUC (Hand & Till 2001), as scikit-learn's `_average_multiclass_ovo_score`.
 *
 * @param codes - class code per row
 * @param scores - n × K probability matrix
 * @param average - 'macro' or 'weighted' (by pair prevalence)
 * @returns the averaged AUC over class pairs present in yTrue
 * @throws {@link MetricInputError} `SINGLE_CLASS` when fewer than two classes are present
 * @example
 * ```ts
 * const scores = toScoreMatrix([[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.3, 0.2, 0.5], [0.6, 0.1, 0.3]], 'yScore');
 * ovoAuc(Int32Array.of(0, 1, 2, 1), scores, 'macro'); // 0.75
 * ovoAuc(Int32Array.of(0, 1, 2, 1), scores, 'weighted'); // 0.71875
 * ```
 */
export function ovoAuc(
  codes: Int32Array | Uint8Array,
  scores: ScoreMatrix,
  average: 'macro' | 'weighted',
): number {
  const k = scores.nClasses;
  const counts = new Float64Array(k);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
  const present: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c]! > 0) present.push(c);
  const pairScores: number[] = [];
  const prevalence: number[] = [];
  for (let x = 0; x < present.length; x++) {
    for (let y = x + 1; y < present.length; y++) {
      const a = present[x]!;
      const b = present[y]!;
      const rows = new Uint32Array(counts[a]! + counts[b]!);
      let m = 0;
      for (let i = 0; i < codes.length; i++) if (codes[i] === a || codes[i] === b) rows[m++] = i;
      const isA = new Uint8Array(m);
      const isB = new Uint8Array(m);
      for (let i = 0; i < m; i++) {
        isA[i] = codes[rows[i]!] === a ? 1 : 0;
        isB[i] = 1 - isA[i]!;
      }
      const aucA = rocAucBinaryKernel(isA, column(scores, a, rows), null, null);
      const aucB = rocAucBinaryKernel(isB, column(scores, b, rows), null, null);
      pairScores.push((aucA + aucB) / 2);
      prevalence.push(m / codes.length);
    }
  }
  if (pairScores.length === 0) {
    throw new MetricInputError(
      'SINGLE_CLASS',
      'Only one class is present in yTrue; one-vs-one ROC AUC needs at least two.',
      'yTrue',
    );
  }
  return mean(
    Float64Array.from(pairScores),
    average === 'weighted' ? Float64Array.from(prevalence) : null,
  );
}

function mean(values: Float64Array, weights: Float64Array | null): number {
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === null ? 1 : weights[i]!;
    // A class of zero weight contributes 0, not NaN (scikit-learn's rule).
    total += w === 0 ? 0 : w * values[i]!;
    weightSum += w;
  }
  return weightSum === 0 ? 0 : total / weightSum;
}
