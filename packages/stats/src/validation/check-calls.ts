import { StatsError } from '../errors.js';
import { describeValue } from './check-arguments.js';

/** How an unexpected argument reads in a message: an object by its keys, which say what was meant. */
function describeExtra(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto: unknown = Object.getPrototypeOf(value);
    const keys = Object.keys(value);
    if ((proto === Object.prototype || proto === null) && keys.length > 0) {
      return `an options object { ${keys.join(', ')} }`;
    }
  }
  return describeValue(value);
}

/** The public functions that take no options: their parameters and what they compute. */
const NO_OPTIONS = {
  binomialTestHalf: [['k', 'n'], 'the two-sided exact binomial test at p = 0.5'],
  mcnemarExact: [['correctA', 'correctB'], "McNemar's two-sided exact test"],
  wilsonInterval: [
    ['successes', 'trials', 'level'],
    'the Wilson score interval without continuity correction',
  ],
  percentileInterval: [['replicates', 'level'], 'the percentile interval of the replicates'],
  quantileInterval: [
    ['sorted', 'q', 'level'],
    'the distribution-free (order-statistic) interval of a quantile',
  ],
  holmAdjust: [['pValues'], 'Holm–Bonferroni adjusted p-values'],
  benjaminiHochbergAdjust: [
    ['pValues'],
    'Benjamini–Hochberg (false discovery rate) adjusted p-values',
  ],
  meanStd: [['values'], 'the mean and the population standard deviation (ddof = 0)'],
  normalCdf: [['x'], 'the standard normal CDF'],
  normalQuantile: [['p'], 'the standard normal quantile'],
  percentiles: [['values', 'qs'], "numpy's linear percentiles"],
  summarizePercentiles: [['values'], 'the mean, p50, p90, p95, p99 and max'],
  percentileSorted: [['sorted', 'q'], "numpy's linear percentile of sorted values"],
  quantileSorted: [['sorted', 'q'], "numpy's linear quantile of sorted values"],
} as const satisfies Record<string, readonly [readonly string[], string]>;

/** A public function of the package that takes no options. */
export type NoOptionsFunction = keyof typeof NO_OPTIONS;

/**
 * Throws when a function that takes no options was called with more arguments than it
 * declares: a JavaScript caller's `{ alternative: 'greater' }` would otherwise be ignored
 * without a word and the default computation returned as if it were the one asked for.
 *
 * @remarks The callers pass their `arguments` (a rest parameter would put `...extra` in
 *   their declarations and the `.d.ts`); the check is one comparison per call.
 * @param args - the caller's `arguments`
 * @param fn - the public function being called
 * @throws StatsError `INVALID_OPTION` with path `options`, saying what the function computes,
 *   what it was given (an object by its keys) and how to call it
 * @example
 * ```ts
 * checkNoOptions([3, 10], 'binomialTestHalf'); // undefined
 * try { checkNoOptions([3, 10, { alternative: 'greater' }], 'binomialTestHalf'); } catch (error) {
 *   error.message; // 'binomialTestHalf computes the two-sided exact binomial test at p = 0.5 and takes no options, but it was given a third argument, an options object { alternative }; call it as binomialTestHalf(k, n).'
 * }
 * ```
 */
export function checkNoOptions(args: ArrayLike<unknown>, fn: NoOptionsFunction): void {
  const [params, computes] = NO_OPTIONS[fn];
  if (args.length <= params.length) return;
  const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];
  const position = ordinals[params.length] ?? `${params.length + 1}th`;
  throw new StatsError(
    'INVALID_OPTION',
    'options',
    `${fn} computes ${computes} and takes no options, but it was given a ${position} argument, ${describeExtra(args[params.length])}; call it as ${fn}(${params.join(', ')}).`,
  );
}

/**
 * The error for a draw of a user's `rng` that is not a number in [0, 1). Such a generator
 * (`() => rng.nextUint32()` by mistake, `() => 1`) would give out-of-range indices or a
 * one-sided test; the resampling loops test every draw with `u >= 0 && u < 1` plus a
 * `typeof`, which costs next to nothing beside the call, and build this only when it fails.
 *
 * @param fn - the public function being called
 * @param path - the option, e.g. `'options.rng'`
 * @param value - the value the generator returned
 * @returns a StatsError `INVALID_OPTION`, to throw
 * @example
 * ```ts
 * rngDrawError('pairedBootstrap', 'options.rng', 4294967295).message; // 'pairedBootstrap: options.rng must return a uniform draw in [0, 1), but it returned 4294967295; pass a [0, 1) generator such as () => rng.nextFloat() with rng = createRng(seed) of @assay/splitters (not nextUint32 or nextInt).'
 * ```
 */
export function rngDrawError(fn: string, path: string, value: unknown): StatsError {
  return new StatsError(
    'INVALID_OPTION',
    path,
    `${fn}: ${path} must return a uniform draw in [0, 1), but it returned ${describeValue(value)}; pass a [0, 1) generator such as () => rng.nextFloat() with rng = createRng(seed) of @assay/splitters (not nextUint32 or nextInt).`,
  );
}

/**
 * The error for a user metric that returned something other than a number. `metric(B) −
 * metric(A)` would otherwise coerce: `'1' − '1'` is 0, `true` counts as 1, and an object gives
 * NaN, read as "metric undefined" and dropped. NaN itself is a number and keeps its documented
 * meaning. The callers test `typeof` per call and build this only when it fails.
 *
 * @param fn - the public function being called
 * @param path - the callback, e.g. `'metric'`
 * @param value - what it returned
 * @param call - the call that returned it, e.g. `'metric(indices, 1) on resample 3'`
 * @returns a StatsError `INVALID_VALUE`, to throw
 * @example
 * ```ts
 * metricResultError('pairedBootstrap', 'metric', '0.5', 'metric(indices, 0) on all 6 items').message; // 'pairedBootstrap: metric must return a number (NaN where the metric is undefined), but metric(indices, 0) on all 6 items returned the string "0.5".'
 * ```
 */
export function metricResultError(
  fn: string,
  path: string,
  value: unknown,
  call: string,
): StatsError {
  return new StatsError(
    'INVALID_VALUE',
    path,
    `${fn}: ${path} must return a number (NaN where the metric is undefined), but ${call} returned ${describeValue(value)}.`,
  );
}
