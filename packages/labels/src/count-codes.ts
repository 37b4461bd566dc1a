/**
 * Rows per code.
 *
 * @param codes - codes in `[0, nClasses)`
 * @param nClasses - the number of codes
 * @returns `counts[c]`: the rows whose code is `c`
 * @example
 * ```ts
 * import { countCodes } from '@assay/labels';
 * countCodes(Int32Array.of(0, 1, 1), 2); // Int32Array [1, 2]
 * ```
 */
export function countCodes(codes: Int32Array, nClasses: number): Int32Array {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    counts[c] = counts[c]! + 1;
  }
  return counts;
}
