/**
 * Yields every `p`-subset of `0 .. n-1` in lexicographic order, as Python's
 * `itertools.combinations(range(n), p)`. The yielded array is reused: copy it
 * to keep it.
 *
 * @param n - size of the pool
 * @param p - size of each subset, in [0, n]
 * @returns a generator of ascending index arrays
 */
export function* combinations(n: number, p: number): Generator<Uint32Array, void, undefined> {
  if (p > n) return;
  const c = new Uint32Array(p);
  for (let i = 0; i < p; i++) c[i] = i;
  for (;;) {
    yield c;
    let i = p - 1;
    while (i >= 0 && c[i] === i + n - p) i--;
    if (i < 0) return;
    c[i]! += 1;
    for (let j = i + 1; j < p; j++) c[j] = c[j - 1]! + 1;
  }
}

/**
 * The binomial coefficient C(n, p), exact as a bigint.
 *
 * @param n - pool size
 * @param p - subset size
 * @returns C(n, p), 0 when `p > n`
 */
export function binomial(n: number, p: number): bigint {
  if (p < 0 || p > n) return 0n;
  const k = Math.min(p, n - p);
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}
