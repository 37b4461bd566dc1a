import { MetricInputError } from '../errors.js';
import type { Label, LabelInput } from '../input/encode-labels.js';
import { checkIntegerOption } from '../input/number-option.js';
import { checkSameLength, type NumericInput, toFloat64Column } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { checkProbabilityColumn } from '../input/score-matrix.js';
import { checkBinaryTarget, positiveIndicator, resolvePosLabel } from './positive-class.js';
import { encodeTarget } from './target-classes.js';

/** Options of {@link calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins. Default 5, as scikit-learn. */
  readonly nBins?: number;
  /** `'uniform'` (default): equal-width bins on [0, 1]; `'quantile'`: equal-count bins. */
  readonly strategy?: 'uniform' | 'quantile';
  /** The positive class. Default: 1 when `yTrue` is in {0, 1} or {-1, 1}; required otherwise. */
  readonly posLabel?: Label;
}

/** A reliability diagram: one entry per non-empty bin. */
export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin. */
  readonly probTrue: Float64Array;
  /** Mean predicted probability in each non-empty bin. */
  readonly probPred: Float64Array;
}

const CALIBRATION_CURVE_KEYS: OptionKeys<CalibrationCurveOptions> = {
  nBins: true,
  strategy: true,
  posLabel: true,
};

/**
 * Calibration (reliability) curve of binary probabilities, as scikit-learn
 * 1.2's `calibration_curve`.
 *
 * @remarks
 * Bin edges: `'uniform'` → `i / nBins`; `'quantile'` → numpy's linear-interpolated
 * percentiles of `yProb` at `100 · i / nBins`. A probability goes to the bin
 * `#{inner edges < p}` (numpy `searchsorted`, side left), so a value on an edge
 * falls in the lower bin. Empty bins are omitted.
 *
 * @param yTrue - true labels, at most two classes
 * @param yProb - probability of the positive class, in [0, 1]
 * @param options - see {@link CalibrationCurveOptions}
 * @returns `{ probTrue, probPred }`
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`,
 *   `NON_FINITE_VALUE`, `INVALID_PROBABILITY`, `INVALID_SHAPE` (more than two
 *   classes), `UNKNOWN_POS_LABEL`, `INVALID_OPTION` (nBins, strategy)
 * @example
 * ```ts
 * import { calibrationCurve } from '@assay/core-metrics';
 * const yProb = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
 * const curve = calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], yProb, { nBins: 3 });
 * curve; // { probTrue: [0, 0.5, 1], probPred: [0.2, 0.525, 0.85] }
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.calibration.calibration_curve.html
 */
export function calibrationCurve(
  yTrue: LabelInput,
  yProb: NumericInput,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  checkOptions(options, 'calibrationCurve', CALIBRATION_CURVE_KEYS);
  const nBins = checkIntegerOption(options.nBins, 5, 'options.nBins');
  const strategy = options.strategy ?? 'uniform';
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new MetricInputError(
      'INVALID_OPTION',
      `options.strategy is ${JSON.stringify(strategy)}; it must be 'uniform' or 'quantile'.`,
      'options.strategy',
    );
  }
  const target = encodeTarget(yTrue, 'yTrue', false);
  const prob = toFloat64Column(yProb, 'yProb');
  checkSameLength(['yTrue', target.codes.length], ['yProb', prob.length]);
  const positive = resolvePosLabel(target.classes, options.posLabel, 'consistency');
  checkProbabilityColumn(prob, 'yProb');
  checkBinaryTarget(target.classes, 'calibrationCurve');
  const isPositive = positiveIndicator(target.codes, positive);
  const edges = strategy === 'uniform' ? uniformEdges(nBins) : quantileEdges(prob, nBins);
  const bins = nBins + 1;
  const sums = new Float64Array(bins);
  const trues = new Float64Array(bins);
  const totals = new Float64Array(bins);
  for (let i = 0; i < prob.length; i++) {
    const p = prob[i]!;
    const b = searchLeft(edges, p);
    sums[b]! += p;
    trues[b]! += isPositive[i]!;
    totals[b]!++;
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  for (let b = 0; b < bins; b++) {
    if (totals[b] === 0) continue;
    probTrue.push(trues[b]! / totals[b]!);
    probPred.push(sums[b]! / totals[b]!);
  }
  return { probTrue: Float64Array.from(probTrue), probPred: Float64Array.from(probPred) };
}

/** Number of inner edges (`edges[1..length-2]`) strictly below `p`. */
function searchLeft(edges: Float64Array, p: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function uniformEdges(nBins: number): Float64Array {
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins;
  for (let i = 0; i <= nBins; i++) edges[i] = i * step;
  edges[nBins] = 1;
  return edges;
}

/** numpy 1.24 `np.percentile(values, linspace(0, 1, nBins + 1) * 100)`, method 'linear'. */
function quantileEdges(values: Float64Array, nBins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const linspace = uniformEdges(nBins);
  const edges = new Float64Array(nBins + 1);
  for (let i = 0; i <= nBins; i++) {
    const q = (linspace[i]! * 100) / 100;
    const virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      edges[i] = sorted[n - 1]!;
      continue;
    }
    const previous = Math.floor(virtual);
    const gamma = virtual - previous;
    const below = sorted[previous]!;
    const above = sorted[previous + 1]!;
    const diff = above - below;
    edges[i] = gamma >= 0.5 ? above - diff * (1 - gamma) : below + diff * gamma;
  }
  return edges;
}
