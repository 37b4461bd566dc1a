import { StatsError } from '../errors.js';
import { checkNumber, checkNumbers, describeValue } from '../validation/check-arguments.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';

/** Options of {@link snapRoundingTies}. */
export interface RoundingTiesOptions {
  /** the difference on the full sample, metric(B) − metric(A) (NaN: only 0 is snapped to) */
  observed: number;
  /**
   * the magnitude of the values subtracted: the largest |metric(A)|, |metric(B)| on the full
   * sample (the rounding error of a difference scales with its operands, not with itself)
   */
  scale: number;
  /**
   * each replicate's own magnitude, max(|metric(A)|, |metric(B)|) on that resample (default:
   * `scale` for every one). Give them where one row can dominate a metric: MAPE over a true 0
   * is 4.5e13 on the full sample and about 1 on a resample without that row, where a tolerance
   * of the full sample's scale would swallow real differences.
   */
  replicateScales?: ArrayLike<number>;
}

const TIES_KEYS: OptionKeys<RoundingTiesOptions> = {
  observed: true,
  scale: true,
  replicateScales: true,
};

/**
 * The tolerance, in units of the operands' magnitude: a metric value carries a few roundings
 * of its own (a ratio of counts, an F-score of two ratios), the subtraction one more; 4 ε
 * covers that. Smaller differences are below the resolution of the values themselves; a sum
 * over many rows can carry more rounding, which this leaves unsnapped (as before).
 */
const TIE_TOLERANCE = 4 * Number.EPSILON;

/** What {@link snapRoundingTies} returns. */
export interface RoundingTies {
  /** the observed difference, exactly 0 where it is 0 but for rounding */
  difference: number;
  /** the replicates, each equal to `difference` or to 0 but for rounding made exactly that */
  replicates: Float64Array;
}

/**
 * The observed difference metric(B) − metric(A) and its resampled values, with each that
 * equals the observed difference or 0 but for rounding set to exactly that value.
 *
 * @remarks
 * Why: a resample's difference is computed from other operands than the full sample's, so a
 * value equal to it in exact arithmetic differs in its last bits: 0.9675 − 0.96 is
 * 0.007500000000000062 and 0.97 − 0.9625 is 0.007499999999999951. BCa's bias correction
 * counts replicates equal to θ̂ as half below (`bcaInterval`, as scipy's
 * `percentileofscore(kind='mean')`), and the paired p-value counts replicates at 0 on both
 * sides; compared exactly, each rounded tie counted as a whole replicate on one side. With
 * accuracy on 400 items and 5 discordant pairs, 18% of the replicates tie with θ̂ and z₀ moved
 * from 0.04 to 0.25: the interval's lower end moved one step, from −0.0025 to 0, and a gate
 * `ci_low >= 0` passed that the exact interval fails. Differences that are 0 in exact
 * arithmetic (the same metric value from other counts) likewise read ±1e-17, on which the
 * sign of an interval's end and a gate at 0 then hung.
 *
 * With `s` the full sample's scale and `s_r` replicate r's (`replicateScales`, default `s`):
 * the observed difference θ̂ becomes 0 where `|θ̂| ≤ 4 ε s` (ε = 2⁻⁵², see `Number.EPSILON`):
 * two equal metric values computed in other orders; a gate `≥ 0` on the difference must not
 * hang on that. Then replicate `d` becomes θ̂ where `|d − θ̂| ≤ 4 ε (s_r + s)` (both carry
 * rounding), else 0 where `|d| ≤ 4 ε s_r`; NaN stays NaN. The values are otherwise unchanged,
 * so percentile ends move by rounding at most.
 *
 * @param replicates - metric(B) − metric(A) on each resample; NaN where undefined
 * @param options - the observed difference and the magnitude of the metric values
 * @returns the difference and a new array of replicates, rounding ties made exact
 * @throws StatsError `INVALID_VALUE` for entries or options that are not numbers, or a
 *   negative or non-finite `scale`; `INVALID_OPTION` for an unknown option key
 * @example
 * snapRoundingTies([0.97 - 0.9625, 0.9625 - 0.9625, 0.98 - 0.96], { observed: 0.9675 - 0.96, scale: 0.9675 }).replicates;
 * // Float64Array [0.007500000000000062, 0, 0.020000000000000018]
 */
export function snapRoundingTies(
  replicates: ArrayLike<number>,
  options: RoundingTiesOptions,
): RoundingTies {
  const fn = 'snapRoundingTies';
  checkNumbers(fn, 'replicates', replicates);
  if (options === null || typeof options !== 'object') {
    throw new StatsError(
      'MISSING_VALUE',
      'options',
      `${fn}: options is required: pass { observed, scale }.`,
    );
  }
  checkOptionKeys(fn, options, TIES_KEYS);
  const { observed, scale, replicateScales } = options;
  checkNumber(fn, 'options.observed', observed);
  checkScale(fn, 'options.scale', scale);
  if (replicateScales !== undefined) {
    checkNumbers(fn, 'options.replicateScales', replicateScales);
    if (replicateScales.length !== replicates.length) {
      throw new StatsError(
        'INVALID_VALUE',
        'options.replicateScales',
        `${fn}: options.replicateScales must hold one scale per replicate (${replicates.length}), got ${replicateScales.length}.`,
      );
    }
  }
  const difference = Math.abs(observed) <= TIE_TOLERANCE * scale ? 0 : observed;
  const out = Float64Array.from(replicates);
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    const own = replicateScales === undefined ? scale : replicateScales[i]!;
    // a NaN or infinite replicate scale belongs to a replicate with no finite value
    const s = Number.isFinite(own) ? Math.abs(own) : 0;
    if (Math.abs(d - difference) <= TIE_TOLERANCE * (s + scale)) out[i] = difference;
    else if (Math.abs(d) <= TIE_TOLERANCE * s) out[i] = 0;
  }
  return { difference, replicates: out };
}

/**
 * The magnitude of a difference's operands, the scale of its rounding: the larger of |a| and
 * |b|, leaving out NaN and infinities (0 when neither is finite).
 *
 * @param a - metric(A)
 * @param b - metric(B)
 * @returns max(|a|, |b|) over the finite ones
 * @example
 * differenceScale(0.96, -0.9675); // 0.9675
 * differenceScale(Number.NaN, 2); // 2
 */
export function differenceScale(a: number, b: number): number {
  return Math.max(0, ...[a, b].filter(Number.isFinite).map(Math.abs));
}

/** Throws unless `scale` is a finite number ≥ 0. */
function checkScale(fn: string, path: string, scale: number): void {
  checkNumber(fn, path, scale);
  if (scale >= 0 && scale < Number.POSITIVE_INFINITY) return;
  throw new StatsError(
    'INVALID_VALUE',
    path,
    `${fn}: ${path} must be a finite number ≥ 0 (the largest |metric value| of either side), got ${describeValue(scale)}.`,
  );
}
