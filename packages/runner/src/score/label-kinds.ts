import { LabelError, LabelKindCheck } from '@assay/labels';
import { RunnerError } from '../errors.js';
import type { LabelColumn } from '../io/loaded-column.js';

/**
 * The runner's form of a label error from `@assay/labels`: a {@link RunnerError}
 * with the same code and message, its path the column at fault.
 *
 * @param error - anything thrown while reading labels
 * @param path - the column's name
 * @returns the RunnerError, or `error` itself when it is not a label error
 * @example
 * ```ts
 * const kinds = dataRowKindCheck();
 * kinds.check('a', 'yTrue', 0);
 * try {
 *   kinds.check(1, 'yTrue', 1);
 * } catch (error) {
 *   asRunnerError(error, 'label').path; // 'label'
 * }
 * asRunnerError(new TypeError('x'), 'label') instanceof TypeError; // true: not a label error
 * ```
 */
export function asRunnerError(error: unknown, path: string): unknown {
  if (!(error instanceof LabelError)) return error;
  return new RunnerError(error.code, error.message, { path, cause: error });
}

/**
 * A label-kind check whose messages count rows as the runner's other messages do: the
 * 1-based data row of the input (`@assay/labels` names array indices, `row 0`).
 *
 * @returns a fresh check
 * @example
 * ```ts
 * const kinds = dataRowKindCheck();
 * kinds.check('a', 'yTrue', 0); // undefined (the first label sets the kind)
 * try {
 *   kinds.check(1, 'yTrue', 1);
 * } catch (error) {
 *   error.code; // 'MIXED_LABEL_TYPES'
 *   error.message; // 'Mix of label input types (string and number): yTrue (data row 2) has the number label 1 but yTrue (data row 1) has the string label "a"; …'
 * }
 * ```
 */
export function dataRowKindCheck(): LabelKindCheck {
  return new LabelKindCheck({ rowName: (row) => `data row ${row + 1}` });
}

/**
 * Checks that one label column holds only numbers or only strings, as
 * scikit-learn's `unique_labels` requires, naming the first row of each kind.
 *
 * @param column - a label column (dictionary in first-seen order)
 * @param what - the column as messages name it, e.g. `yTrue`
 * @throws {@link RunnerError} `MIXED_LABEL_TYPES`
 * @example
 * ```ts
 * checkLabelKinds({ kind: 'label', name: 'y', codes: Int32Array.of(0, 1, 0), dictionary: [0, 1] }, 'yTrue'); // undefined
 * try {
 *   checkLabelKinds({ kind: 'label', name: 'y', codes: Int32Array.of(0, 1), dictionary: [0, 'a'] }, 'yTrue');
 * } catch (error) {
 *   error.code; // 'MIXED_LABEL_TYPES'
 * }
 * ```
 */
export function checkLabelKinds(column: LabelColumn, what: string): void {
  const { dictionary, codes } = column;
  const kindOf = (label: unknown) => typeof label;
  const other = dictionary.findIndex((label) => kindOf(label) !== kindOf(dictionary[0]));
  if (other < 0) return;
  const kinds = dataRowKindCheck();
  try {
    // the dictionary is in first-seen order, so each code's first row is where its kind was met
    kinds.check(dictionary[0]!, what, codes.indexOf(0));
    kinds.check(dictionary[other]!, what, codes.indexOf(other));
  } catch (error) {
    throw asRunnerError(error, column.name);
  }
}
