/**
 * The values that are not NaN, sorted ascending, in a new array.
 *
 * @param values - observations; NaN marks "undefined" and is left out
 * @returns a new ascending `Float64Array` of the defined values
 * @example
 * ```ts
 * sortDefined([3, NaN, 1, 2]); // Float64Array [1, 2, 3]
 * ```
 */
export function sortDefined(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}
