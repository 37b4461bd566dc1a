/**
 * The part of an apache-arrow `Vector` that label, metric and splitter inputs rely on.
 * Structural, so that a Vector from any copy of apache-arrow is accepted.
 *
 * @example
 * ```ts
 * import { vectorFromArray } from 'apache-arrow';
 * import type { ArrowVectorLike } from '@assay/labels';
 * const vector: ArrowVectorLike = vectorFromArray(['a', 'b']);
 * ```
 */
export interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: { readonly typeId: number };
  get(index: number): unknown;
  isValid(index: number): boolean;
  toArray(): ArrayLike<unknown>;
}

/**
 * Tells whether a value is an apache-arrow Vector (duck-typed).
 *
 * @param value - any input
 * @returns true when `value` has the Vector surface that inputs read
 * @example
 * ```ts
 * import { isArrowVector } from '@assay/labels';
 * isArrowVector([1, 2]); // false
 * ```
 */
export function isArrowVector(value: unknown): value is ArrowVectorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    !ArrayBuffer.isView(value) &&
    !Array.isArray(value) &&
    typeof (value as ArrowVectorLike).toArray === 'function' &&
    typeof (value as ArrowVectorLike).isValid === 'function' &&
    typeof (value as ArrowVectorLike).type === 'object'
  );
}

/**
 * Finds the first null row of an Arrow vector.
 *
 * @param vector - the vector to scan
 * @returns the row index of the first null, or -1
 * @example
 * ```ts
 * import { vectorFromArray } from 'apache-arrow';
 * import { firstNullRow } from '@assay/labels';
 * firstNullRow(vectorFromArray([1, null, 2])); // 1
 * ```
 */
export function firstNullRow(vector: ArrowVectorLike): number {
  if (vector.nullCount === 0) return -1;
  for (let i = 0; i < vector.length; i++) if (!vector.isValid(i)) return i;
  return -1;
}
