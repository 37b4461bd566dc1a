/**
 * Which code each distinct label gets: `'sorted'` is `np.unique` order (numbers
 * numerically, strings by code point); `'first-appearance'` numbers labels by
 * where each first occurs (columns in order, rows in order), as scikit-learn's
 * StratifiedKFold re-encodes `y`.
 *
 * @example
 * ```ts
 * import type { ClassOrder } from '@assay/labels';
 * const order: ClassOrder = 'first-appearance';
 * ```
 */
export type ClassOrder = 'sorted' | 'first-appearance';

/**
 * Label columns encoded to Int32 codes over one shared class list.
 *
 * @example
 * ```ts
 * import type { EncodedLabelColumns } from '@assay/labels';
 * const encoded: EncodedLabelColumns = { classes: ['a', 'b'], codes: [Int32Array.of(1, 0)] };
 * ```
 */
export interface EncodedLabelColumns {
  /** The distinct labels; code `i` means `classes[i]`. */
  readonly classes: (number | string)[];
  /** One Int32Array of codes per input column, in input order. */
  readonly codes: Int32Array[];
}
