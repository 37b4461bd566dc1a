import type { Label, LabelInput } from '../input/encode-labels.js';
import type { NumericInput } from '../input/numeric-column.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { emitMetricWarning } from '../warnings.js';
import { checkChoice } from './average-option.js';
import { cohenKappaFromConfusion, type KappaWeights } from './cohen-kappa-from-confusion.js';
import { selectConfusion } from './encode-targets.js';
import { encodeMatrixTargets } from './matrix-labels.js';

/** Options of {@link cohenKappaScore}. */
export interface CohenKappaOptions {
  /** Labels to use and their order (matters for weights); default all, sorted. */
  labels?: readonly Label[];
  /** Disagreement weights: null (default, unweighted), `'linear'` or `'quadratic'`. */
  weights?: KappaWeights | null;
  /** Non-negative weight per row (default: 1 each). */
  sampleWeight?: NumericInput;
}

const COHEN_KAPPA_KEYS: OptionKeys<CohenKappaOptions> = {
  labels: true,
  weights: true,
  sampleWeight: true,
};

/**
 * Cohen's kappa: agreement between two annotators beyond chance.
 *
 * @remarks
 * `κ = (p_o − p_e) / (1 − p_e)`, computed as `1 − Σ w·C / Σ w·E` with expected matrix
 * `E` from the marginals; see {@link cohenKappaFromConfusion}. Rows with a label outside
 * `labels` are dropped.
 *
 * NaN, with an `UNDEFINED_METRIC` warning on `METRIC_WARNING_CHANNEL`, when the
 * expected disagreement `Σ w·E` is 0 — chance agreement is perfect: both raters used one
 * and the same label throughout, or no row is left (all weights 0, no listed label). This
 * is scikit-learn's 0/0 (NaN with numpy's "invalid value encountered" RuntimeWarning;
 * scikit-learn ≥ 1.7 warns explicitly and can `replace_undefined_by` another value, which
 * 1.2 and this function do not).
 *
 * @param y1 - labels from the first annotator
 * @param y2 - labels from the second annotator, same length
 * @param options - `labels`, `weights` (null), `sampleWeight`
 * @returns kappa in [−1, 1], or NaN
 * @throws {@link MetricInputError} `UNKNOWN_LABEL` (no listed label in y1),
 *   `INVALID_OPTION` and the input errors
 * @example
 * ```ts
 * import { cohenKappaScore } from '@assay/core-metrics';
 * cohenKappaScore([0, 1, 2, 2], [0, 1, 1, 2], { weights: 'quadratic' }); // 0.8
 * ```
 * @see sklearn.metrics.cohen_kappa_score
 */
export function cohenKappaScore(
  y1: LabelInput,
  y2: LabelInput,
  options: CohenKappaOptions = {},
): number {
  checkOptions(options, 'cohenKappaScore', COHEN_KAPPA_KEYS);
  const weights = checkChoice<KappaWeights | null>(
    options.weights,
    ['linear', 'quadratic', null],
    null,
    'options.weights',
  );
  const { encoded, indices } = encodeMatrixTargets(y1, y2, options.labels, options.sampleWeight);
  const counts =
    indices.length === encoded.nClasses && indices.every((c, i) => c === i)
      ? encoded.counts
      : selectConfusion(encoded.counts, encoded.nClasses, indices);
  const kappa = cohenKappaFromConfusion(counts, indices.length, { weights });
  if (Number.isNaN(kappa)) {
    emitMetricWarning({
      code: 'UNDEFINED_METRIC',
      metric: 'cohenKappaScore',
      message:
        "Cohen's kappa is ill-defined and set to NaN: the expected disagreement is 0 (both raters gave one and the same label to every row, or no row with a listed label and a positive weight is left), so agreement beyond chance cannot be measured.",
    });
  }
  return kappa;
}
