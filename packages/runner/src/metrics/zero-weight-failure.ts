import { MetricInputError } from '@assay/core-metrics';

/** The end of every {@link zeroWeightFailure} message, by which a merge recognises one. */
const ZERO_WEIGHT_TAIL =
  ': the weights of the rows it was computed on sum to 0, so it has no value.';

/**
 * The failure message of a metric whose rows' weights sum to 0, in place of the library's
 * own (`options.sampleWeight sums to 0 over 100 rows, …`), which names an option of a
 * function that the runner's user never called and not the rows it was computed on.
 *
 * @remarks
 * The score report explains each such selection once, naming it (the whole set, a slice, a
 * fold, a bootstrap resample), so its merges leave these messages out (see
 * {@link isZeroWeightFailure}); a caller without such notes (a paired comparison) keeps them.
 *
 * @param name - the metric's registry name
 * @param error - what the metric threw
 * @returns the message, or undefined when `error` is not a zero weight sum
 * @example
 * ```ts
 * const error = new MetricInputError('INVALID_WEIGHT', 'options.sampleWeight sums to 0 over 3 rows, …', 'options.sampleWeight');
 * zeroWeightFailure('mae', error); // 'mae: the weights of the rows it was computed on sum to 0, so it has no value.'
 * zeroWeightFailure('mae', new Error('other')); // undefined
 * ```
 */
export function zeroWeightFailure(name: string, error: unknown): string | undefined {
  // the runner validates weights before any metric runs (finite, not negative), so a weight
  // error a metric raises afterwards can only be a sum of 0
  return error instanceof MetricInputError && error.code === 'INVALID_WEIGHT'
    ? `${name}${ZERO_WEIGHT_TAIL}`
    : undefined;
}

/**
 * Whether a failure message is a {@link zeroWeightFailure}.
 *
 * @param message - a message of a values task's `errors`
 * @returns true for a metric on rows whose weights sum to 0
 * @example
 * ```ts
 * isZeroWeightFailure('mae: the weights of the rows it was computed on sum to 0, so it has no value.'); // true
 * isZeroWeightFailure('roc_auc: Only one class present in y_true.'); // false
 * ```
 */
export function isZeroWeightFailure(message: string): boolean {
  return message.endsWith(ZERO_WEIGHT_TAIL);
}
