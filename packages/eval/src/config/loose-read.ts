/**
 * Defensive reads of a raw configuration inside zod's `superRefine`, which runs even when
 * other fields failed (so that every problem is reported at once): the value may then be of
 * any type.
 */

/** A raw configuration object. */
export type Loose = Record<string, unknown>;

/**
 * The value as an object, or an empty one.
 *
 * @param v - any value
 * @returns the object
 * @example
 * obj(null).name; // undefined
 */
export const obj = (v: unknown): Loose => (v !== null && typeof v === 'object' ? (v as Loose) : {});

/**
 * The value as an array, or an empty one.
 *
 * @param v - any value
 * @returns the array
 * @example
 * arr('x').length; // 0
 */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
