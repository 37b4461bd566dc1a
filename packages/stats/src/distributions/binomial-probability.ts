/** δ(n) = ln n! − (n + ½) ln n + n − ln √(2π) for n = 0 … 15, where the series is too short. */
const STIRLING_ERROR_SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
  0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
  0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/**
 * The error of Stirling's formula in ln n!, δ(n) = ln n! − (n + ½) ln n + n − ln √(2π),
 * for a non-negative integer n.
 *
 * @param n - a non-negative integer
 * @returns δ(n), with relative error near the machine epsilon
 * @remarks Tabulated (to double precision, from mpmath) for n ≤ 15; above, the
 *   asymptotic series 1/12n − 1/360n³ + 1/1260n⁵ − 1/1680n⁷ + 1/1188n⁹ cut where its
 *   next term is below double precision, as R's `stirlerr` (C. Loader, "Fast and
 *   Accurate Computation of Binomial Probabilities", 2000).
 * @example
 * ```ts
 * stirlingError(1); // 0.08106146679532726 (= 1 − ln √(2π))
 * stirlingError(100); // 0.0008333305556349206
 * ```
 */
export function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_SMALL[n]!;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * The deviance term bd0(x, μ) = x ln(x/μ) + μ − x of Loader's saddle-point method,
 * without the cancellation of that formula when x is near μ.
 *
 * @param x - a count, x > 0
 * @param mu - the mean, μ > 0
 * @returns bd0(x, μ) ≥ 0
 * @remarks For |x − μ| < 0.1 (x + μ), with v = (x − μ)/(x + μ), bd0 is the series
 *   (x − μ)·v + 2x·Σ_{j≥1} v^{2j+1}/(2j + 1), summed until a term no longer changes it
 *   (Loader 2000; R's `bd0`). Far from μ the direct formula has no cancellation to fear.
 * @example
 * ```ts
 * binomialDeviance(3, 5); // 0.4675231287020276 (= 3 ln(3/5) + 2)
 * binomialDeviance(10, 10.5); // 0.01209835830567997 (the series)
 * binomialDeviance(5, 5); // 0
 * ```
 */
export function binomialDeviance(x: number, mu: number): number {
  if (Math.abs(x - mu) >= 0.1 * (x + mu)) return x * Math.log(x / mu) + mu - x;
  let v = (x - mu) / (x + mu);
  let s = (x - mu) * v;
  let term = 2 * x * v;
  v *= v;
  for (let j = 1; j < 1000; j++) {
    term *= v;
    const next = s + term / (2 * j + 1);
    if (next === s) return next;
    s = next;
  }
  return s;
}

/**
 * P(X = x) for X ~ Binomial(n, 1/2), to about 1e-14 relative at any n.
 *
 * @param x - an integer in [0, n]
 * @param n - a non-negative integer
 * @returns the point probability (0 where it underflows)
 * @remarks Loader's saddle-point form (R's `dbinom_raw` with p = q = ½):
 *   `P(X = x) = exp(δ(n) − δ(x) − δ(n − x) − bd0(x, n/2) − bd0(n − x, n/2)) /
 *   √(2π x (n − x)/n)`, with δ = {@link stirlingError} and bd0 =
 *   {@link binomialDeviance}. Every term is small or computed without cancellation, so
 *   the relative error does not grow with n, unlike sums of ln k!.
 * @example
 * ```ts
 * binomialHalfProbability(2, 4); // 0.375 (6 / 16)
 * binomialHalfProbability(500, 1000); // 0.025225018178360…
 * binomialHalfProbability(0, 2000); // 0 (0.5²⁰⁰⁰ underflows)
 * ```
 */
export function binomialHalfProbability(x: number, n: number): number {
  if (x === 0 || x === n) return 0.5 ** n;
  const half = n / 2;
  const lc =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    binomialDeviance(x, half) -
    binomialDeviance(n - x, half);
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * P(X = x) for X ~ Binomial(n, p), to about 1e-14 relative at any n.
 *
 * @param x - an integer in [0, n]
 * @param n - a non-negative integer
 * @param p - the success probability, in (0, 1)
 * @returns the point probability (0 where it underflows)
 * @remarks Loader's saddle-point form (R's `dbinom_raw`), as {@link binomialHalfProbability}
 *   with μ = np and n − μ = n(1 − p): `exp(δ(n) − δ(x) − δ(n − x) − bd0(x, np) −
 *   bd0(n − x, n(1 − p))) / √(2π x (n − x)/n)`; pⁿ and (1 − p)ⁿ at the ends.
 * @example
 * ```ts
 * binomialProbability(1, 4, 0.25); // 0.421875 (4 · 0.25 · 0.75³)
 * binomialProbability(100, 100, 0.95); // 0.005920529220333…
 * ```
 */
export function binomialProbability(x: number, n: number, p: number): number {
  if (x === 0) return (1 - p) ** n;
  if (x === n) return p ** n;
  const lc =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    binomialDeviance(x, n * p) -
    binomialDeviance(n - x, n * (1 - p));
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}
