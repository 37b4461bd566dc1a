import type { Label } from './label.js';

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Orders two strings by Unicode code point, as numpy compares its UCS4 strings
 * and Python's `sorted` compares `str`. JavaScript's `<` compares UTF-16 units
 * instead, which puts astral characters (U+10000 and up, e.g. emoji) before
 * U+E000..U+FFFF.
 *
 * @param a - a string
 * @param b - another string
 * @returns negative when `a` sorts first, positive when `b` does, 0 when equal
 * @example
 * ```ts
 * import { compareCodePoints } from '@assay/labels';
 * compareCodePoints('\uFF5E', '\u{1F600}') < 0; // true, though '\uFF5E' > '\u{1F600}'
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === shorter) return a.length - b.length;
  // when the units before agreed on a high surrogate, the code points start there
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  const x = a.codePointAt(i)!;
  const y = b.codePointAt(i)!;
  if (x !== y) return x - y;
  // the same lone high surrogate in both: the next units differ
  return a.codePointAt(i + 1)! - b.codePointAt(i + 1)!;
}

/**
 * Orders two labels of one kind as `np.unique` does: numbers numerically,
 * strings by code point ({@link compareCodePoints}).
 *
 * @param a - a number or a string
 * @param b - a label of the same kind
 * @returns negative, zero or positive
 * @example
 * ```ts
 * import { compareLabels } from '@assay/labels';
 * ['b', 'a', '\u{1F600}', '\uFF5E'].sort(compareLabels); // ['a', 'b', '\uFF5E', '\u{1F600}']
 * ```
 */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(a as string, b as string);
}
