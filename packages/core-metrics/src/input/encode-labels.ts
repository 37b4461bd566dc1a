import {
  type ArrowVectorLike,
  type ClassOrder,
  encodeLabelColumns,
  type Label,
  LabelError,
} from '@assay/labels';
import { MetricInputError } from '../errors.js';
import { checkColumn } from './check-column.js';
import { checkOptions, type OptionKeys } from './option-keys.js';

export type { Label } from '@assay/labels';

/**
 * Label input accepted by metrics: a plain array, any typed array, or an Arrow vector.
 *
 * @example
 * ```ts
 * import type { LabelInput } from '@assay/core-metrics';
 * const yTrue: LabelInput = ['spam', 'ham'];
 * ```
 */
export type LabelInput = ArrayLike<Label> | ArrowVectorLike;

/**
 * Label columns encoded to Int32 codes over one shared, sorted class list.
 *
 * @example
 * ```ts
 * import type { EncodedLabels } from '@assay/core-metrics';
 * const encoded: EncodedLabels = { classes: ['a', 'b'], codes: [Int32Array.of(1, 0)] };
 * ```
 */
export interface EncodedLabels {
  /**
   * The unique labels, sorted (scikit-learn's `unique_labels` order) unless `order` says
   * `'first-appearance'`; code `i` means `classes[i]`.
   */
  readonly classes: Label[];
  /** One Int32Array of codes per input column, in input order. */
  readonly codes: Int32Array[];
}

/**
 * Refuses a multilabel indicator target (rows that are arrays, scikit-learn's 2-D `y` such as
 * `[[1, 0, 1], [0, 1, 0]]`), which no classification metric here scores: one binary task per
 * label column is the supported way. O(1): only the first row of a plain array is looked at (a
 * later array row is still refused, as a value that is not a label, by the encoder).
 */
function checkNotMultilabel(values: LabelInput, argument: string): void {
  if (!Array.isArray(values) || values.length === 0) return;
  const first: unknown = values[0];
  if (typeof first !== 'object' || first === null) return;
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) return;
  const width = (first as ArrayLike<unknown>).length;
  throw new MetricInputError(
    'INVALID_SHAPE',
    `${argument} is a multilabel indicator target (row 0 is an array of ${width} values); multilabel targets are not supported: score each label column as a binary task (e.g. on yTrue.map((row) => row[j]) and yPred.map((row) => row[j])) and average the results yourself.`,
    argument,
  );
}

function checkLengths(columns: ReadonlyArray<readonly [string, LabelInput]>): void {
  const [firstName, first] = columns[0]!;
  for (const [name, values] of columns) checkColumn(values, name, 'labels');
  for (const [name, values] of columns) checkNotMultilabel(values, name);
  for (const [name, values] of columns) {
    if (values.length === 0) {
      throw new MetricInputError(
        'EMPTY_INPUT',
        `${name} is empty; at least one label is required.`,
        name,
      );
    }
    if (values.length !== first.length) {
      throw new MetricInputError(
        'LENGTH_MISMATCH',
        `${name} has ${values.length} values but ${firstName} has ${first.length}; they must have the same length.`,
        name,
      );
    }
  }
}

/**
 * Options of {@link encodeLabels}.
 *
 * @example
 * ```ts
 * import type { EncodeLabelsOptions } from '@assay/core-metrics';
 * const options: EncodeLabelsOptions = { order: 'first-appearance' };
 * ```
 */
export interface EncodeLabelsOptions {
  /**
   * The order of `classes`: `'sorted'` (default; numbers numerically, strings by code point,
   * as scikit-learn's `unique_labels`) or `'first-appearance'` (the order the labels first
   * occur in, column by column).
   */
  order?: ClassOrder;
}

const ENCODE_KEYS: OptionKeys<EncodeLabelsOptions> = { order: true };

/**
 * Encodes one or more label columns to Int32 codes over their sorted union of
 * labels, as scikit-learn's `unique_labels` + `LabelEncoder` would, with
 * `@assay/labels` (the encoder the splitters and the runner use too).
 *
 * @param columns - named label columns, e.g. `[['yTrue', yTrue], ['yPred', yPred]]`
 * @param options - `order` of the class list (default `'sorted'`)
 * @returns the class list and one code array per column
 * @throws {@link MetricInputError} `EMPTY_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`
 *   (null, undefined or NaN label, naming the row), `MIXED_LABEL_TYPES` (numbers
 *   mixed with strings, as scikit-learn's "Mix of label input types"), `INVALID_SHAPE`
 *   (a multilabel indicator target: rows that are arrays), `INVALID_OPTION` (an unknown
 *   option or order)
 * @remarks
 * Numbers sort numerically and strings by Unicode code point (numpy's order, which
 * differs from JavaScript's `<` above U+FFFF). Booleans read as 0 and 1; -0 and 0
 * are the same label, reported as 0. Integer columns with a value range below 2^22
 * take a counting fast path (no hashing).
 * @example
 * ```ts
 * import { encodeLabels } from '@assay/core-metrics';
 * const { classes, codes } = encodeLabels([['yTrue', ['b', 'a']], ['yPred', ['a', 'c']]]);
 * classes; // ['a', 'b', 'c']
 * codes; // [Int32Array [1, 0], Int32Array [0, 2]]
 * encodeLabels([['y', ['b', 'a']]], { order: 'first-appearance' }).classes; // ['b', 'a']
 * ```
 * @see sklearn.utils.multiclass.unique_labels
 * @see sklearn.preprocessing.LabelEncoder
 */
export function encodeLabels(
  columns: ReadonlyArray<readonly [string, LabelInput]>,
  options?: EncodeLabelsOptions,
): EncodedLabels {
  const { order } = checkOptions(options, 'encodeLabels', ENCODE_KEYS);
  if (columns.length === 0) return { classes: [], codes: [] };
  checkLengths(columns);
  try {
    return encodeLabelColumns(columns, order === undefined ? undefined : { order });
  } catch (error) {
    if (!(error instanceof LabelError)) throw error;
    throw new MetricInputError(error.code, error.message, error.path);
  }
}
