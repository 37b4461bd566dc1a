import { describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';

/*
 * Every sacrebleu statistics vector starts with three additive slots that carry what the
 * signature needs: the number of segments, the sum of their reference counts and the sum of the
 * squared counts. All references counts are equal (sacrebleu prints `nrefs:N`) exactly when
 * sum^2 = segments * sum of squares (Cauchy-Schwarz); otherwise sacrebleu prints `nrefs:var`.
 * Keeping these slots additive lets a caller merge statistics by plain summation, weighted
 * summation included (a bootstrap replicate is a sum of rows with multiplicities).
 */

/**
 * Slots before the metric's own counts: segments, sum of reference counts, sum of squares.
 *
 * @example
 * STATISTICS_HEADER; // 3
 */
export const STATISTICS_HEADER = 3;

/**
 * Writes the header of one segment with `referenceCount` references into `into`: 1, the count
 * and its square.
 *
 * @example
 * const s = new Float64Array(4);
 * writeSegmentHeader(s, 2);
 * s; // Float64Array [1, 2, 4, 0]
 */
export function writeSegmentHeader(into: Float64Array, referenceCount: number): void {
  into[0] = 1;
  into[1] = referenceCount;
  into[2] = referenceCount * referenceCount;
}

/**
 * Adds the header of one segment with `referenceCount` references to a total.
 *
 * @example
 * const total = Float64Array.of(1, 2, 4, 0);
 * addSegmentHeader(total, 1);
 * total; // Float64Array [2, 3, 5, 0]
 */
export function addSegmentHeader(into: Float64Array, referenceCount: number): void {
  into[0]! += 1;
  into[1]! += referenceCount;
  into[2]! += referenceCount * referenceCount;
}

/**
 * sacrebleu's `nrefs` value for summed statistics: the common count, or `var` when the
 * segments' reference counts differ (sum² ≠ segments · sum of squares).
 *
 * @example
 * referenceCountLabel(Float64Array.of(2, 4, 8)); // '2'
 * referenceCountLabel(Float64Array.of(2, 3, 5)); // 'var' (one segment with 1, one with 2)
 */
export function referenceCountLabel(statistics: Float64Array): string {
  const segments = statistics[0]!;
  const sum = statistics[1]!;
  const squares = statistics[2]!;
  return sum * sum === segments * squares ? String(sum / segments) : 'var';
}

/**
 * Sums statistics vectors of one kind element by element; a new vector.
 * `what` names the metric in messages (e.g. `BLEU`). Throws a `TextMetricsError` for an empty
 * list, or vectors of different lengths (made with different options).
 *
 * @example
 * sumStatistics([Float64Array.of(1, 1, 1, 5), Float64Array.of(1, 2, 4, 7)], 'statistics', 'BLEU');
 * // Float64Array [2, 3, 5, 12]
 */
export function sumStatistics(
  parts: readonly Float64Array[],
  argument: string,
  what: string,
): Float64Array {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must be a non-empty array of ${what} statistics (Float64Array).`,
      argument,
    );
  }
  const first = parts[0];
  if (!(first instanceof Float64Array) || first.length <= STATISTICS_HEADER) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument}[0] must be ${what} statistics (a Float64Array from the statistics function of ${what}).`,
      `${argument}[0]`,
    );
  }
  const total = new Float64Array(first.length);
  parts.forEach((part, index) => {
    if (!(part instanceof Float64Array) || part.length !== total.length) {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument ${argument}[${index}] must be ${what} statistics of the same length as ${argument}[0] (${total.length}); statistics made with different options cannot be merged.`,
        `${argument}[${index}]`,
      );
    }
    for (let k = 0; k < total.length; k++) total[k]! += part[k]!;
  });
  return total;
}

/**
 * Checks summed statistics before a corpus score is computed from them: a Float64Array of
 * `expectedLength` slots holding at least one segment; returns it, or throws a `TextMetricsError`.
 *
 * @example
 * const statistics = terStatistics('a b', ['a c']);
 * checkCorpusStatistics(statistics, 'statistics', 'TER', 5, 'TER options') === statistics; // true
 */
export function checkCorpusStatistics(
  statistics: unknown,
  argument: string,
  what: string,
  expectedLength: number,
  optionsHint: string,
): Float64Array {
  if (!(statistics instanceof Float64Array)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} must be ${what} statistics (a Float64Array); got ${describeValue(statistics)}.`,
      argument,
    );
  }
  if (statistics.length !== expectedLength) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} has ${statistics.length} slots but ${what} statistics for these options have ${expectedLength}; pass the ${optionsHint} used to make them.`,
      argument,
    );
  }
  if (!(statistics[0]! >= 1)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument ${argument} holds no segment; a corpus score needs the statistics of at least one hypothesis.`,
      argument,
    );
  }
  return statistics;
}
