import { describeValue } from '@assay/labels';
import { SplitError } from '../errors.js';

/** A train or test size: a fraction in (0, 1), or an absolute row count (integer >= 1). */
export type SizeOption = number;

/** What a valid size is, as every size message says it. */
const VALID_SIZE = 'a fraction in (0, 1) or a row count (an integer >= 1)';

function kindOf(value: unknown, argument: string): 'fraction' | 'count' | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return 'count';
  if (typeof value === 'number' && value > 0 && value < 1) return 'fraction';
  throw new SplitError(
    'INVALID_SIZE',
    `${argument} must be ${VALID_SIZE}, got ${describeValue(value)}.`,
    argument,
  );
}

/**
 * Checks what can be checked of `testSize` and `trainSize` without the number of rows: each is
 * left out, a fraction in (0, 1) or an integer >= 1, and two fractions sum to at most 1. The
 * shuffle-split constructors call it, so that `new ShuffleSplit({ testSize: -0.1 })` fails
 * where it is written rather than at the first `split()`; the checks against `n` stay in
 * {@link shuffleSplitSizes}.
 *
 * @param testSize - `options.testSize` as given
 * @param trainSize - `options.trainSize` as given
 * @returns whether each is a fraction or a count (undefined when left out)
 * @throws {@link SplitError} `INVALID_SIZE` naming the option (NaN, Infinity, 0, a negative
 *   number, a non-integer >= 1, a string; or two fractions summing past 1)
 * @example
 * ```ts
 * checkSizeOptions(0.25, 10); // ['fraction', 'count']
 * try {
 *   checkSizeOptions(-0.1, undefined);
 * } catch (error) {
 *   error.message; // 'options.testSize must be a fraction in (0, 1) or a row count (an integer >= 1), got -0.1.'
 * }
 * ```
 */
export function checkSizeOptions(
  testSize: unknown,
  trainSize: unknown,
): [testKind: 'fraction' | 'count' | undefined, trainKind: 'fraction' | 'count' | undefined] {
  const testKind = kindOf(testSize, 'options.testSize');
  const trainKind = kindOf(trainSize, 'options.trainSize');
  if (testKind === 'fraction' && trainKind === 'fraction') {
    const sum = (testSize as number) + (trainSize as number);
    if (sum > 1) {
      throw new SplitError(
        'INVALID_SIZE',
        `options.testSize + options.trainSize = ${sum} must not exceed 1; reduce testSize and/or trainSize.`,
        'options.testSize',
      );
    }
  }
  return [testKind, trainKind];
}

/**
 * Turns `testSize`/`trainSize` into row counts exactly as scikit-learn's
 * `_validate_shuffle_split`: a fractional test size rounds up
 * (`ceil(testSize * n)`), a fractional train size rounds down
 * (`floor(trainSize * n)`), an absent side takes the rest.
 *
 * @remarks
 * JavaScript has one number type, so an integer value is a row count and a
 * non-integer in (0, 1) is a fraction (scikit-learn tells `1` from `1.0` by type).
 *
 * @param n - number of rows (or groups)
 * @param testSize - fraction or count, or undefined
 * @param trainSize - fraction or count, or undefined
 * @param defaultTestSize - test fraction when both are undefined
 * @returns `[nTrain, nTest]`
 * @throws {@link SplitError} `INVALID_SIZE` (out of range, or summing past `n`),
 *   `EMPTY_SPLIT` (train rounds to 0 rows)
 */
export function shuffleSplitSizes(
  n: number,
  testSize: number | undefined,
  trainSize: number | undefined,
  defaultTestSize: number,
): [nTrain: number, nTest: number] {
  if (testSize === undefined && trainSize === undefined) testSize = defaultTestSize;
  const [testKind, trainKind] = checkSizeOptions(testSize, trainSize);
  if (testKind === 'count' && testSize! >= n) {
    throw new SplitError(
      'INVALID_SIZE',
      `options.testSize=${testSize} must be smaller than the number of samples ${n} when given as a row count (or be a fraction in (0, 1)).`,
      'options.testSize',
    );
  }
  if (trainKind === 'count' && trainSize! >= n) {
    throw new SplitError(
      'INVALID_SIZE',
      `options.trainSize=${trainSize} must be smaller than the number of samples ${n} when given as a row count (or be a fraction in (0, 1)).`,
      'options.trainSize',
    );
  }
  let nTest = testKind === 'fraction' ? Math.ceil(testSize! * n) : (testSize ?? 0);
  let nTrain = trainKind === 'fraction' ? Math.floor(trainSize! * n) : (trainSize ?? 0);
  if (trainSize === undefined) nTrain = n - nTest;
  else if (testSize === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new SplitError(
      'INVALID_SIZE',
      `train size ${nTrain} + test size ${nTest} = ${nTrain + nTest} exceeds the number of samples ${n}; reduce testSize and/or trainSize.`,
      'options.testSize',
    );
  }
  if (nTrain === 0) {
    throw new SplitError(
      'EMPTY_SPLIT',
      `With n=${n}, testSize=${String(testSize)} and trainSize=${String(trainSize)}, the train set would be empty; choose sizes that leave at least one training row.`,
      'options.trainSize',
    );
  }
  if (nTest === 0) {
    throw new SplitError(
      'EMPTY_SPLIT',
      `With n=${n}, testSize=${String(testSize)} and trainSize=${String(trainSize)}, the test set would be empty; choose sizes that leave at least one test row.`,
      'options.testSize',
    );
  }
  return [nTrain, nTest];
}
