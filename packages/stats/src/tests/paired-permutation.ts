import { StatsError } from '../errors.js';
import { checkCount, checkRng, checkVector, describeValue } from '../validation/check-arguments.js';
import { rngDrawError } from '../validation/check-calls.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';

/** Options of {@link pairedPermutationTest}. */
export interface PairedPermutationOptions {
  /**
   * random sign assignments when the exact test is too large (default 9999); the test is
   * exact, over all 2^n assignments, when 2^n is at most this
   */
  permutations?: number;
  /** uniform [0, 1) generator for the random assignments; pass a seeded one for reproducibility */
  rng?: () => number;
}

const PERMUTATION_KEYS: OptionKeys<PairedPermutationOptions> = { permutations: true, rng: true };

/** Result of {@link pairedPermutationTest}. */
export interface PairedPermutationResult {
  /** mean of b − a over the pairs */
  statistic: number;
  /** two-sided p-value of "the pairs' sides are exchangeable" */
  pValue: number;
  /** whether every sign assignment was enumerated */
  exact: boolean;
  /** sign assignments evaluated */
  permutations: number;
}

// Ties decide exact p-values of discrete scores; sums in another order differ in the last
// bits, so a null statistic within γ of the observed T counts as equal. γ is scipy 1.10's
// `permutation_test` tolerance (`eps = 1e-14; gamma = max(eps, |eps * observed|)`), so that a
// distinct value there is distinct here, or the rounding error two sums of these differences
// can carry between them (2(n − 1)ε·Σ|d_i|, on the mean's scale divided by n), whichever is
// larger: on large scores (latencies in ms, costs) a sign
// assignment whose sum is 0 in exact arithmetic leaves ~1e-10 in floating point, which
// scipy's fixed γ reads as no tie (p 0.78125 where the exact p is 0.8125).
const TIE_EPSILON = 1e-14;
const ROUNDING = 2 * Number.EPSILON;

function signFlipMean(d: Float64Array, signs: (i: number) => boolean): number {
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += signs(i) ? -d[i]! : d[i]!;
  return sum / d.length;
}

/**
 * Refuses a score that is NaN (no score) or infinite: with ±∞ every assignment's mean is
 * ±∞ or NaN, so there is no permutation distribution to compare with.
 */
function checkScore(side: 'a' | 'b', i: number, x: number): void {
  if (Number.isNaN(x)) {
    throw new StatsError(
      'MISSING_VALUE',
      `${side}[${i}]`,
      `pairedPermutationTest: ${side}[${i}] is NaN: item ${i} has no score on one side; leave such items out of both vectors.`,
    );
  }
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new StatsError(
      typeof x === 'number' ? 'NON_FINITE_VALUE' : 'INVALID_VALUE',
      `${side}[${i}]`,
      `pairedPermutationTest: ${side}[${i}] must be a finite number (a score), got ${describeValue(x)}.`,
    );
  }
}

/**
 * Refuses finite scores whose arithmetic overflows: a difference `b_i − a_i` beyond ±1.8e308,
 * or differences whose magnitudes sum beyond it (then some assignment's sum is ±∞ or NaN).
 * Every null sum is at most `Σ|d_i|` in magnitude, so a finite `Σ|d_i|` keeps all of them
 * finite; an overflowed statistic would otherwise compare as no tie at all and give p = 0.
 */
function overflowError(path: string, detail: string): StatsError {
  return new StatsError(
    'NON_FINITE_VALUE',
    path,
    `pairedPermutationTest: the score differences b − a must be finite and sum to a finite number, but ${detail}; rescale both vectors (e.g. divide both by their largest magnitude).`,
  );
}

/** The differences `b_i − a_i` of checked scores, refused when they overflow. */
function differences(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const d = new Float64Array(a.length);
  let magnitude = 0;
  for (let i = 0; i < a.length; i++) {
    checkScore('a', i, a[i]!);
    checkScore('b', i, b[i]!);
    d[i] = b[i]! - a[i]!;
    if (!Number.isFinite(d[i]!)) {
      throw overflowError(`b[${i}]`, `b[${i}] − a[${i}] = ${b[i]} − ${a[i]} overflows to ${d[i]}`);
    }
    magnitude += Math.abs(d[i]!);
  }
  if (!Number.isFinite(magnitude)) {
    throw overflowError('b', 'the sum of their magnitudes overflows to Infinity');
  }
  return d;
}

/**
 * One random sign from a user's [0, 1) generator: 1 (flip) when the draw is below 1/2. A
 * generator outside [0, 1) (`() => 1`, a `nextUint32`) would never flip, and give p = 1; one
 * range test per draw refuses it.
 */
function randomSign(rng: () => number): 0 | 1 {
  const u = rng();
  if (!(u >= 0 && u < 1) || typeof u !== 'number') {
    throw rngDrawError('pairedPermutationTest', 'options.rng', u);
  }
  return u < 0.5 ? 1 : 0;
}

/**
 * The paired permutation (sign-flip) test of two score vectors on the same items: is the
 * mean difference `b − a` larger in magnitude than swapping each pair's sides at random gives?
 *
 * @param a - side A's per-item scores
 * @param b - side B's per-item scores, same items in the same order
 * @param options - the number of random assignments and the generator
 * @returns the mean difference, the two-sided p-value, whether it was exact and how many
 *   assignments were evaluated
 * @throws StatsError `LENGTH_MISMATCH` when the vectors differ in length, `TOO_FEW_VALUES`
 *   for no pair, `INVALID_COUNT` for a bad `options.permutations`, `MISSING_VALUE` for a NaN
 *   score (`a[i]` or `b[i]`) or when a random test is needed and no `options.rng` was given,
 *   `NON_FINITE_VALUE` for an infinite score (`a[i]`, `b[i]`) or for finite scores whose
 *   differences overflow (`b[i]` for a `b_i − a_i`, `b` for the sum of the `|b_i − a_i|`, beyond
 *   ±1.8e308), `INVALID_VALUE` for a score that is not a number, `MISSING_VALUE` or
 *   `INVALID_VALUE` when `a` or `b` is not an array, `INVALID_OPTION` for an `options.rng`
 *   that is not a function or whose draw is not a number in [0, 1)
 * @remarks
 * Under H0 each difference `d_i = b_i − a_i` is as likely as `−d_i`. With `T = mean(d)` and
 * the null statistics `T*` of the assignments, `P₋ = #{T* ≤ T} / N` and
 * `P₊ = #{T* ≥ T} / N`, where a `T*` within `γ` of `T` counts as a tie, and
 * `p = min(1, 2 min(P₋, P₊))`. `γ = max(1e-14, 1e-14·|T|, 2(n − 1)ε·Σ|d_i| / n)`: scipy
 * 1.10's tolerance, so exact p-values agree with scipy's, unless the rounding error of the
 * sums is larger (large scores, e.g. latencies in ms: an assignment whose sum is 0 exactly
 * leaves ~1e-10 in floating point, which scipy counts as no tie and this test as the tie it
 * is). Note that `γ` is absolute below |T| = 1: scores on a tiny scale (differences around
 * 1e-14 or less) tie more than their values say, as in scipy.
 * Exact when `2^n ≤ permutations` (every assignment, N = 2^n); otherwise random assignments
 * with `N = permutations + 1` and the observed one counted in both tails (Phipson & Smyth,
 * 2010), as `scipy.stats.permutation_test(permutation_type='samples')` computes it. Equal
 * sides give p = 1. Scores whose differences overflow are refused rather than given a
 * meaningless p (scipy returns a NaN statistic there).
 * @example
 * pairedPermutationTest([0.1, 0.2, 0.3, 0.4, 0.45, 0.5], [0.9, 0.8, 0.7, 0.6, 0.5, 0.95]).pValue; // 0.03125
 * @see scipy.stats.permutation_test
 */
export function pairedPermutationTest(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PairedPermutationOptions = {},
): PairedPermutationResult {
  checkOptionKeys('pairedPermutationTest', options, PERMUTATION_KEYS);
  if (options.rng !== undefined) {
    checkRng(
      'pairedPermutationTest',
      'options.rng',
      options.rng,
      'for the random sign assignments',
    );
  }
  checkVector('pairedPermutationTest', 'a', a, 'scores');
  checkVector('pairedPermutationTest', 'b', b, 'scores');
  if (a.length !== b.length) {
    throw new StatsError(
      'LENGTH_MISMATCH',
      'b',
      `pairedPermutationTest: a has ${a.length} scores but b has ${b.length}; pass the same items in the same order.`,
    );
  }
  const n = a.length;
  if (n === 0) {
    throw new StatsError(
      'TOO_FEW_VALUES',
      'a',
      'pairedPermutationTest: a and b hold no pair; pass at least one item scored on both sides.',
    );
  }
  const permutations = options.permutations ?? 9999;
  checkCount('pairedPermutationTest', 'options.permutations', permutations, 1);
  const d = differences(a, b);
  const observed = signFlipMean(d, () => false);
  const exact = n < 31 && 2 ** n <= permutations;
  if (!exact) {
    checkRng(
      'pairedPermutationTest',
      'options.rng',
      options.rng,
      `for the random sign assignments of ${n} pairs (2^${n} > ${permutations} permutations)`,
    );
  }
  let magnitude = 0;
  for (let i = 0; i < n; i++) magnitude += Math.abs(d[i]!);
  const tolerance = Math.max(
    TIE_EPSILON,
    Math.abs(TIE_EPSILON * observed),
    (ROUNDING * (n - 1) * magnitude) / n,
  );
  let atMost = exact ? 0 : 1;
  let atLeast = exact ? 0 : 1;
  const total = exact ? 2 ** n : permutations;
  const rng = options.rng;
  const signs = new Uint8Array(n);
  for (let s = 0; s < total; s++) {
    if (exact) for (let i = 0; i < n; i++) signs[i] = (s >>> i) & 1;
    else for (let i = 0; i < n; i++) signs[i] = randomSign(rng!);
    const t = signFlipMean(d, (i) => signs[i] === 1);
    if (t <= observed + tolerance) atMost++;
    if (t >= observed - tolerance) atLeast++;
  }
  const count = exact ? total : total + 1;
  const pValue = Math.min(1, (2 * Math.min(atMost, atLeast)) / count);
  return { statistic: observed, pValue, exact, permutations: total };
}
