import { StatsError } from '../errors.js';
import { percentileIntervalOfSorted } from '../intervals/percentile-interval.js';
import { sortDefined } from '../quantiles/sort-defined.js';
import { checkLevel, checkNumbers, describeValue } from '../validation/check-arguments.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';

/** Result of a paired bootstrap comparison of two models on the same items. */
export interface PairedBootstrapResult {
  /** metric(B) − metric(A) on the full sample */
  difference: number;
  /** lower bound of the percentile CI of the difference */
  ciLow: number;
  /** upper bound of the percentile CI of the difference */
  ciHigh: number;
  /** two-sided bootstrap p-value for "no difference" */
  pValue: number;
  /** resamples whose metric was defined on both sides */
  samples: number;
}

/** Options of {@link pairedBootstrapFromReplicates}. */
export interface PairedReplicatesOptions {
  /** confidence level of the interval (default 0.95) */
  ci?: number;
}

const REPLICATES_KEYS: OptionKeys<PairedReplicatesOptions> = { ci: true };

function checkObservedDifference(observed: unknown): void {
  // NaN is a metric undefined on the full sample (a one-class ROC AUC): no difference to test
  if (typeof observed === 'number' && (Number.isFinite(observed) || Number.isNaN(observed))) return;
  throw new StatsError(
    typeof observed !== 'number' ? 'INVALID_VALUE' : 'NON_FINITE_VALUE',
    'observedDifference',
    `pairedBootstrapFromReplicates: observedDifference must be the metric(B) − metric(A) on the full sample, a finite number (NaN where the metric is undefined), got ${describeValue(observed)}.`,
  );
}

/**
 * Summarizes paired bootstrap replicates of a metric difference (computed
 * elsewhere, e.g. on a worker pool) as {@link pairedBootstrap} does.
 *
 * @param observedDifference - metric(B) − metric(A) on the full sample, a finite number, or
 *   NaN where the metric is undefined on the full sample (the result is then all NaN: there is
 *   no difference to test, whatever the replicates say)
 * @param replicateDifferences - metric(B) − metric(A) on each paired resample;
 *   NaN (metric undefined on either side) is dropped
 * @param options - confidence level of the interval
 * @returns the observed difference, its percentile CI, the p-value and the
 *   number of defined replicates; CI and p-value NaN when none is defined (no replicates,
 *   or all NaN) or the observed difference is NaN
 * @throws StatsError `INVALID_LEVEL` when `options.ci` is not strictly between 0 and 1;
 *   `NON_FINITE_VALUE` (±Infinity) or `INVALID_VALUE` (not a number) for
 *   `observedDifference`;
 *   `INVALID_OPTION` for an unknown option key;
 *   `MISSING_VALUE` or `INVALID_VALUE` when `replicateDifferences` is not an array,
 *   `INVALID_VALUE` naming `replicateDifferences[i]` when an entry is not a number
 * @remarks The CI is the percentile interval of the replicates
 *   ({@link percentileInterval}). The p-value is
 *   `min(1, 2 · min(#{Δ* ≤ 0}, #{Δ* ≥ 0}) / B)` over the B defined replicates
 *   Δ*, the inversion of the percentile interval: the smallest `1 − level` at
 *   which the interval would exclude 0.
 * @example
 * pairedBootstrapFromReplicates(0.1, [0.05, 0.1, 0.15, -0.05, 0.2]).pValue; // 0.4
 */
export function pairedBootstrapFromReplicates(
  observedDifference: number,
  replicateDifferences: ArrayLike<number>,
  options: PairedReplicatesOptions = {},
): PairedBootstrapResult {
  const fn = 'pairedBootstrapFromReplicates';
  checkOptionKeys(fn, options, REPLICATES_KEYS);
  checkObservedDifference(observedDifference);
  checkNumbers(fn, 'replicateDifferences', replicateDifferences);
  const level = options.ci ?? 0.95;
  checkLevel(fn, 'options.ci', level);
  const sorted = sortDefined(replicateDifferences);
  const samples = sorted.length;
  if (samples === 0 || Number.isNaN(observedDifference)) {
    const nan = Number.NaN;
    return { difference: observedDifference, ciLow: nan, ciHigh: nan, pValue: nan, samples };
  }
  const [ciLow, ciHigh] = percentileIntervalOfSorted(sorted, level);
  let atMostZero = 0;
  let atLeastZero = 0;
  for (const d of sorted) {
    if (d <= 0) atMostZero++;
    if (d >= 0) atLeastZero++;
  }
  const pValue = Math.min(1, (2 * Math.min(atMostZero, atLeastZero)) / samples);
  return { difference: observedDifference, ciLow, ciHigh, pValue, samples };
}
