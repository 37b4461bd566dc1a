import { SplitError } from '../errors.js';
import { emitSplitWarning } from '../warnings.js';

/**
 * Applies scikit-learn's class-size rules: an error when every class is
 * smaller than `nSplits`, a `LEAST_POPULATED_CLASS` warning when the smallest is.
 *
 * @param counts - rows per class
 * @param nSplits - number of folds
 * @param splitter - class name for messages
 * @throws {@link SplitError} `CLASS_TOO_SMALL`
 */
export function checkClassSizes(counts: Int32Array, nSplits: number, splitter: string): void {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const c of counts) {
    if (c < min) min = c;
    if (c > max) max = c;
  }
  if (max < nSplits) {
    throw new SplitError(
      'CLASS_TOO_SMALL',
      `${splitter}: nSplits=${nSplits} cannot be greater than the number of members in each class (the largest class has ${max}); ${
        // no splitter has fewer than 2 folds: a bound below 2 is no advice
        max >= 2 ? `use nSplits <= ${max}.` : `${splitter} needs a class with at least 2 members.`
      }`,
      'options.nSplits',
    );
  }
  if (min < nSplits) {
    emitSplitWarning({
      code: 'LEAST_POPULATED_CLASS',
      splitter,
      message: `The least populated class in y has only ${min} members, which is less than nSplits=${nSplits}.`,
    });
  }
}
