import { MetricInputError } from '../errors.js';

/** What each metric is over the weights, for the message when they sum to 0. */
const WEIGHTED_FORM: Readonly<Record<string, string>> = {
  medianAbsoluteError: 'a weighted median',
  r2Score: 'a ratio of weighted sums of squares',
  explainedVarianceScore: 'a ratio of weighted variances',
};

/**
 * The error for rows whose weights sum to 0, worded for whoever asked: the public function
 * (its `options.sampleWeight`) or an accumulator the caller fed (`update`'s `weight`).
 *
 * @param metric - the metric asked for
 * @param rows - rows seen
 * @param oneShot - whether a public function made the accumulator for one call
 * @returns the error
 */
export function zeroWeightError(metric: string, rows: number, oneShot: boolean): MetricInputError {
  const form = WEIGHTED_FORM[metric] ?? 'a weighted mean';
  const seen = `${rows} ${rows === 1 ? 'row' : 'rows'}`;
  return oneShot
    ? new MetricInputError(
        'INVALID_WEIGHT',
        `options.sampleWeight sums to 0 over ${seen}, so ${metric} (${form}) is undefined; at least one sample weight must be positive.`,
        'options.sampleWeight',
      )
    : new MetricInputError(
        'INVALID_WEIGHT',
        `The weights given to RegressionAccumulator.update sum to 0 over ${seen}, so ${metric}() (${form}) is undefined; at least one weight must be positive.`,
        'weight',
      );
}

/** Accumulators a public function made for one call: their errors name its options. */
const ONE_SHOT = new WeakSet<object>();

/**
 * Marks an accumulator as the one a public regression function made for a single call,
 * so that an error it raises names the function's `options.sampleWeight`, not the
 * accumulator's `update`, which the caller never saw. Exported for code that answers such
 * calls from one accumulator itself (the runner reads every regression metric of a row
 * selection off one), so that its errors read as the functions' do.
 *
 * @param accumulator - the accumulator just made
 * @returns the same accumulator
 * @example
 * ```ts
 * import { markOneShot, RegressionAccumulator } from '@assay/core-metrics';
 * markOneShot(new RegressionAccumulator()).rows; // 0
 * ```
 */
export function markOneShot<T extends object>(accumulator: T): T {
  ONE_SHOT.add(accumulator);
  return accumulator;
}

/**
 * Whether a public function made the accumulator for one call ({@link markOneShot}).
 *
 * @param accumulator - the accumulator
 * @returns true when its errors name the function's options
 * @example
 * ```ts
 * isOneShot({}); // false
 * ```
 */
export function isOneShot(accumulator: object): boolean {
  return ONE_SHOT.has(accumulator);
}
