import {
  type ClassOrder,
  countCodes,
  encodeLabelColumns,
  LabelError,
  type LabelInput,
} from '@assay/labels';
import { SplitError } from '../errors.js';
import { checkBoolean } from './check-options.js';
import { columnLength } from './column-length.js';
import { checkOptions, type OptionKeys } from './option-keys.js';

export type { ClassOrder, LabelInput, LabelValue as Label } from '@assay/labels';

/**
 * A label column encoded to Int32 codes.
 *
 * @example
 * ```ts
 * import { encodeLabels, type EncodedLabels } from '@assay/splitters';
 * const encoded: EncodedLabels = encodeLabels(['b', 'a', 'b'], 'input.y');
 * encoded.counts; // Int32Array [1, 2]
 * ```
 */
export interface EncodedLabels {
  /** One code per row, in [0, classes.length). */
  readonly codes: Int32Array;
  /** The distinct labels; code `i` means `classes[i]`. */
  readonly classes: (number | string)[];
  /** Rows per code. */
  readonly counts: Int32Array;
}

/**
 * Options of {@link encodeLabels}.
 *
 * @example
 * ```ts
 * import type { EncodeOptions } from '@assay/splitters';
 * const options: EncodeOptions = { order: 'first-appearance', discrete: true };
 * ```
 */
export interface EncodeOptions {
  /** Code order; default `'sorted'`. */
  readonly order?: ClassOrder;
  /** Reject non-integer numeric labels as scikit-learn's `type_of_target` would ('continuous'). */
  readonly discrete?: boolean;
}

const ENCODE_KEYS: OptionKeys<EncodeOptions> = { order: true, discrete: true };

function checkDiscrete(classes: readonly (number | string)[], argument: string): void {
  for (const label of classes) {
    if (typeof label === 'number' && !Number.isInteger(label)) {
      throw new SplitError(
        'INVALID_TARGET',
        `${argument} holds the non-integer number ${label}, so it is a continuous target; stratified splitters need class labels (integers or strings), as scikit-learn's binary or multiclass targets.`,
        argument,
      );
    }
  }
}

/**
 * Encodes a label column (`y` or `groups`) to Int32 codes with `@assay/labels`,
 * the encoder that the metrics and the runner use too.
 *
 * @remarks
 * `'sorted'` order is `np.unique`'s: numbers numerically, strings by Unicode code
 * point. Integer columns whose range is below 2^22 take a counting path (no
 * hashing, no per-row objects); others go through a `Map`. Booleans read as 0/1
 * and bigints as numbers, as numpy would upcast them.
 *
 * @param values - the column: plain array, typed array or Arrow vector
 * @param argument - its name for error messages, e.g. `'input.y'`
 * @param options - code order and whether `y` must be discrete
 * @returns codes, distinct labels and per-code counts
 * @throws {@link SplitError} `MISSING_INPUT` or `INVALID_INPUT` (`values` null or not a
 *   column), `INVALID_OPTION` (unknown option, non-boolean discrete, an order other than
 *   `'sorted'` and `'first-appearance'`),
 *   `MISSING_VALUE` (null, undefined or NaN, naming the row),
 *   `MIXED_LABEL_TYPES`, `INVALID_TARGET` (non-integer numbers with `discrete`)
 * @example
 * ```ts
 * encodeLabels(['b', 'a', 'b'], 'input.y').codes; // Int32Array [1, 0, 1]
 * encodeLabels(['b', 'a', 'b'], 'input.y', { order: 'first-appearance' }).codes; // [0, 1, 0]
 * ```
 * @see numpy.unique with `return_inverse=True`
 */
export function encodeLabels(
  values: LabelInput,
  argument: string,
  options: EncodeOptions = {},
): EncodedLabels {
  checkOptions(options, 'encodeLabels', ENCODE_KEYS);
  columnLength(values, argument);
  const discrete =
    options.discrete === undefined ? false : checkBoolean(options.discrete, 'options.discrete');
  let encoded: { classes: (number | string)[]; codes: Int32Array[] };
  try {
    encoded = encodeLabelColumns([[argument, values]], { order: options.order });
  } catch (error) {
    if (!(error instanceof LabelError)) throw error;
    throw new SplitError(error.code, error.message, error.path);
  }
  const codes = encoded.codes[0]!;
  if (discrete) checkDiscrete(encoded.classes, argument);
  return { codes, classes: encoded.classes, counts: countCodes(codes, encoded.classes.length) };
}
