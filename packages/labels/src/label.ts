import type { ArrowVectorLike } from './arrow-vector.js';

/**
 * A class label as encoders report it: a number or a string, as in scikit-learn.
 *
 * @example
 * ```ts
 * import type { Label } from '@assay/labels';
 * const classes: Label[] = ['ham', 'spam'];
 * ```
 */
export type Label = number | string;

/**
 * A value a label column may hold: booleans read as 0 and 1 and bigints as numbers,
 * as numpy upcasts them.
 *
 * @example
 * ```ts
 * import type { LabelValue } from '@assay/labels';
 * const y: LabelValue[] = [true, false, 1];
 * ```
 */
export type LabelValue = number | string | boolean | bigint;

/**
 * A label column: a plain array, any typed array, or an Arrow vector.
 *
 * @example
 * ```ts
 * import type { LabelInput } from '@assay/labels';
 * const y: LabelInput = Int32Array.of(0, 1, 1);
 * ```
 */
export type LabelInput = ArrayLike<LabelValue> | ArrowVectorLike;

/**
 * Whether a label is a number or a string; labels of one encoding are all one kind.
 *
 * @example
 * ```ts
 * import type { LabelKind } from '@assay/labels';
 * const kind: LabelKind = 'string';
 * ```
 */
export type LabelKind = 'number' | 'string';
