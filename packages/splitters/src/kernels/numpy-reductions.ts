/**
 * Float reductions in numpy 1.24's exact operation order. StratifiedGroupKFold
 * compares standard deviations, and a last-bit difference flips which fold a
 * group lands in, so the summation order must be numpy's, not ours.
 */

/**
 * numpy's pairwise summation (`DOUBLE_pairwise_sum`) of `a[start], a[start+stride], ...`,
 * as `np.add.reduce` runs it along a contiguous axis (identity 0 first).
 *
 * @param a - the values
 * @param start - first index
 * @param n - how many
 * @param stride - index step
 * @returns the sum, bit-identical to numpy's
 */
export function pairwiseSum(a: ArrayLike<number>, start: number, n: number, stride = 1): number {
  return 0 + pairwise(a, start, n, stride);
}

function pairwise(a: ArrayLike<number>, start: number, n: number, stride: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i * stride]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[start]!;
    let r1 = a[start + stride]!;
    let r2 = a[start + 2 * stride]!;
    let r3 = a[start + 3 * stride]!;
    let r4 = a[start + 4 * stride]!;
    let r5 = a[start + 5 * stride]!;
    let r6 = a[start + 6 * stride]!;
    let r7 = a[start + 7 * stride]!;
    let i = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      const p = start + i * stride;
      r0 += a[p]!;
      r1 += a[p + stride]!;
      r2 += a[p + 2 * stride]!;
      r3 += a[p + 3 * stride]!;
      r4 += a[p + 4 * stride]!;
      r5 += a[p + 5 * stride]!;
      r6 += a[p + 6 * stride]!;
      r7 += a[p + 7 * stride]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i * stride]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2, stride) + pairwise(a, start + n2 * stride, n - n2, stride);
}

/**
 * `np.std(row)` of a contiguous run (population std, `ddof=0`) with pairwise sums.
 *
 * @param a - the values
 * @param start - first index
 * @param n - length, at least 1
 * @param scratch - a buffer of at least `n` doubles
 * @returns the standard deviation, bit-identical to numpy's
 */
export function stdContiguous(
  a: ArrayLike<number>,
  start: number,
  n: number,
  scratch: Float64Array,
): number {
  const mean = pairwiseSum(a, start, n) / n;
  for (let i = 0; i < n; i++) {
    const d = a[start + i]! - mean;
    scratch[i] = d * d;
  }
  return Math.sqrt(pairwiseSum(scratch, 0, n) / n);
}

/**
 * `np.std(matrix, axis=0)[column]` of a C-contiguous matrix with more than one
 * column: numpy then adds rows one after another, so the sum is sequential.
 *
 * @param a - row-major values
 * @param column - the column
 * @param rows - number of rows, at least 1
 * @param columns - number of columns, at least 2
 * @returns the standard deviation, bit-identical to numpy's
 */
export function stdStridedSequential(
  a: ArrayLike<number>,
  column: number,
  rows: number,
  columns: number,
): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += a[r * columns + column]!;
  const mean = sum / rows;
  let sq = 0;
  for (let r = 0; r < rows; r++) {
    const d = a[r * columns + column]! - mean;
    sq += d * d;
  }
  return Math.sqrt(sq / rows);
}

/**
 * `np.isclose(a, b)` with its defaults (`rtol=1e-5`, `atol=1e-8`).
 *
 * @param a - first value
 * @param b - reference value
 * @returns whether numpy calls them close
 */
export function numpyIsClose(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}
