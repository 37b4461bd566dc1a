import { ScopedCache } from './scoped-cache.js';

/** What one pass over a numeric column finds, so that later checks need not scan it again. */
export interface NumberProfile {
  /** The first row holding NaN (a missing value), or -1. */
  readonly firstMissing: number;
  /** Whether every value that is not NaN is a finite integer. */
  readonly integral: boolean;
  /** The smallest value that is not NaN (+Infinity when there is none). */
  readonly min: number;
  /** The greatest value that is not NaN (-Infinity when there is none). */
  readonly max: number;
}

/**
 * Profiles by values array while {@link withProfileCache} runs (the column objects around
 * them are re-spread, the arrays are not); none outside it, since a caller may change a
 * loaded column's values between two jobs.
 */
const profiles = new ScopedCache<Float64Array, NumberProfile>();

/**
 * Runs `work` with the profiles of {@link profileNumbers} remembered, so that the passes of
 * one preparation scan each numeric column once; forgets them afterwards.
 *
 * @param work - synchronous work over columns that do not change while it runs
 * @returns what `work` returns
 * @example
 * ```ts
 * const values = Float64Array.of(1, 2);
 * withProfileCache(() => profileNumbers(values) === profileNumbers(values)); // true: scanned once
 * profileNumbers(values) === profileNumbers(values); // false: nothing is remembered outside
 * ```
 */
export function withProfileCache<T>(work: () => T): T {
  return profiles.within(work);
}

/**
 * One pass over a numeric column: its first missing row, whether it holds integers only,
 * and its range. Inside {@link withProfileCache} it is remembered per array, so that the
 * missing-value check, task inference and label encoding share one scan.
 *
 * @remarks
 * `Math.floor(v) === v` holds for infinities too, so a column counts as integral only when
 * its extremes are finite as well (as `Number.isInteger` has it).
 *
 * @param values - the column (NaN = missing)
 * @returns the profile
 * @example
 * ```ts
 * profileNumbers(Float64Array.of(3, Number.NaN, -1)); // { firstMissing: 1, integral: true, min: -1, max: 3 }
 * ```
 */
export function profileNumbers(values: Float64Array): NumberProfile {
  const known = profiles.get(values);
  if (known !== undefined) return known;
  let firstMissing = -1;
  let integral = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      if (firstMissing < 0) firstMissing = i;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    // the int32 test first: no call per row while the loop is still interpreted (cold)
    if ((v | 0) !== v && Math.floor(v) !== v) integral = false;
  }
  const profile = finishProfile(firstMissing, integral, min, max);
  profiles.set(values, profile);
  return profile;
}

/**
 * {@link profileNumbers} of two columns of one length in one loop (the true and predicted
 * labels): a loop runs interpreted for its first few hundred thousand rows in a fresh
 * process, so one loop over both columns pays that once instead of twice. Remembered like
 * {@link profileNumbers}.
 *
 * @param a - a column (NaN = missing)
 * @param b - another column, as long as `a`
 * @returns the profiles of `a` and `b`
 * @example
 * ```ts
 * profileNumberPair(Float64Array.of(1, 0, Number.NaN), Float64Array.of(0.5, 1, 1));
 * // [{ firstMissing: 2, integral: true, min: 0, max: 1 }, { firstMissing: -1, integral: false, min: 0.5, max: 1 }]
 * ```
 */
export function profileNumberPair(
  a: Float64Array,
  b: Float64Array,
): [NumberProfile, NumberProfile] {
  const knownA = profiles.get(a);
  const knownB = profiles.get(b);
  if (knownA !== undefined && knownB !== undefined) return [knownA, knownB];
  if (a.length !== b.length || a === b) return [profileNumbers(a), profileNumbers(b)];
  let missingA = -1;
  let missingB = -1;
  let integralA = true;
  let integralB = true;
  let minA = Number.POSITIVE_INFINITY;
  let minB = Number.POSITIVE_INFINITY;
  let maxA = Number.NEGATIVE_INFINITY;
  let maxB = Number.NEGATIVE_INFINITY;
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const u = a[i]!;
    const v = b[i]!;
    if (Number.isNaN(u)) {
      if (missingA < 0) missingA = i;
    } else {
      if (u < minA) minA = u;
      if (u > maxA) maxA = u;
      if ((u | 0) !== u && Math.floor(u) !== u) integralA = false;
    }
    if (Number.isNaN(v)) {
      if (missingB < 0) missingB = i;
    } else {
      if (v < minB) minB = v;
      if (v > maxB) maxB = v;
      if ((v | 0) !== v && Math.floor(v) !== v) integralB = false;
    }
  }
  const profileA = finishProfile(missingA, integralA, minA, maxA);
  const profileB = finishProfile(missingB, integralB, minB, maxB);
  profiles.set(a, profileA);
  profiles.set(b, profileB);
  return [profileA, profileB];
}

/** A profile from a scan's findings: infinite extremes are not integers. */
function finishProfile(
  firstMissing: number,
  integral: boolean,
  min: number,
  max: number,
): NumberProfile {
  const finite = min > max || (Number.isFinite(min) && Number.isFinite(max));
  return { firstMissing, integral: integral && finite, min, max };
}

/**
 * Forgets a column's profile (its values are about to be overwritten in place).
 *
 * @param values - the column
 * @example
 * ```ts
 * withProfileCache(() => {
 *   const values = Float64Array.of(1, 2);
 *   profileNumbers(values).integral; // true
 *   forgetProfile(values);
 *   values[0] = 0.5;
 *   profileNumbers(values).integral; // false: scanned again
 * });
 * ```
 */
export function forgetProfile(values: Float64Array): void {
  profiles.delete(values);
}
