import { describeValue } from '@assay/labels';
import { StatsError } from '../errors.js';

// one wording for received values across the packages (`the string "0.95"`)
export { describeValue };

/**
 * Throws unless `level` is a confidence level strictly between 0 and 1.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'options.ci'`
 * @param level - the value to check
 * @throws StatsError `INVALID_LEVEL`
 * @example
 * ```ts
 * checkLevel('bootstrapInterval', 'options.ci', 0.95); // undefined
 * try { checkLevel('bootstrapInterval', 'options.ci', 95); } catch (error) {
 *   error.message; // 'bootstrapInterval: options.ci must be a confidence level strictly between 0 and 1 (e.g. 0.95), got 95.'
 * }
 * ```
 */
export function checkLevel(fn: string, path: string, level: number): void {
  if (typeof level === 'number' && level > 0 && level < 1) return;
  throw new StatsError(
    'INVALID_LEVEL',
    path,
    `${fn}: ${path} must be a confidence level strictly between 0 and 1 (e.g. 0.95), got ${describeValue(level)}.`,
  );
}

/**
 * Throws unless `value` is an integer no smaller than `min`.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'options.samples'`
 * @param value - the value to check
 * @param min - smallest valid value
 * @throws StatsError `INVALID_COUNT`
 * @example
 * ```ts
 * checkCount('bootstrapInterval', 'options.samples', 1000, 1); // undefined
 * try { checkCount('bootstrapInterval', 'options.samples', 2.5, 1); } catch (error) {
 *   error.message; // 'bootstrapInterval: options.samples must be an integer >= 1, got 2.5.'
 * }
 * ```
 */
export function checkCount(fn: string, path: string, value: number, min: number): void {
  if (Number.isSafeInteger(value) && value >= min) return;
  throw new StatsError(
    'INVALID_COUNT',
    path,
    `${fn}: ${path} must be an integer >= ${min}, got ${describeValue(value)}.`,
  );
}

/**
 * Throws unless `value` is a number in `[0, max]` (NaN is rejected).
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'q'`
 * @param value - the value to check
 * @param max - upper end of the range: 1 for probabilities, 100 for percentiles
 * @throws StatsError `INVALID_PROBABILITY`
 * @example
 * ```ts
 * checkProbability('quantile', 'q', 0.5, 1); // undefined
 * try { checkProbability('percentile', 'q', 120, 100); } catch (error) {
 *   error.message; // 'percentile: q must be a number in [0, 100], got 120.'
 * }
 * ```
 */
export function checkProbability(fn: string, path: string, value: number, max: number): void {
  if (typeof value === 'number' && value >= 0 && value <= max) return;
  throw new StatsError(
    'INVALID_PROBABILITY',
    path,
    `${fn}: ${path} must be a number in [0, ${max}], got ${describeValue(value)}.`,
  );
}

/**
 * Throws unless `seed` is a seed of `createRng`: an integer in [0, 2³²).
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'options.seed'`
 * @param seed - the value to check
 * @throws StatsError `INVALID_COUNT`
 * @example
 * ```ts
 * checkSeed('f', 'options.seed', 42); // undefined
 * try { checkSeed('f', 'options.seed', -1); } catch (error) {
 *   error.message; // 'f: options.seed must be an integer in [0, 4294967295] (a 32-bit seed), got -1.'
 * }
 * ```
 */
export function checkSeed(fn: string, path: string, seed: number): void {
  if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) return;
  throw new StatsError(
    'INVALID_COUNT',
    path,
    `${fn}: ${path} must be an integer in [0, 4294967295] (a 32-bit seed), got ${describeValue(seed)}.`,
  );
}

/**
 * Throws unless `rng` is a uniform [0, 1) generator, i.e. a function.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'options.rng'`
 * @param rng - the value to check
 * @param why - what the generator is for, ending the message's first clause
 * @throws StatsError `MISSING_VALUE` when it is absent, `INVALID_OPTION` when it is not a function
 * @example
 * ```ts
 * checkRng('f', 'options.rng', Math.random, 'to draw resamples'); // undefined
 * try { checkRng('bootstrapInterval', 'options.rng', undefined, 'to draw resamples'); } catch (error) {
 *   error.code; // 'MISSING_VALUE'
 * }
 * ```
 */
export function checkRng(fn: string, path: string, rng: unknown, why: string): void {
  if (typeof rng === 'function') return;
  const absent = rng === undefined || rng === null;
  throw new StatsError(
    absent ? 'MISSING_VALUE' : 'INVALID_OPTION',
    path,
    `${fn}: ${path} must be a uniform [0, 1) generator (a function) ${why}, e.g. () => createRng(seed).nextFloat(); got ${describeValue(rng)}.`,
  );
}

/**
 * Throws unless `options` is an object, so that a plain-JavaScript caller who left the
 * options out gets a StatsError naming what to pass, not a TypeError from reading a field.
 *
 * @param fn - the public function being called, for the message
 * @param options - the options argument as received
 * @param hint - what to pass, e.g. `'{ rng, samples?, ci? }'`
 * @throws StatsError `MISSING_VALUE` (absent) or `INVALID_OPTION` (not an object)
 * @example
 * ```ts
 * checkOptionsGiven('f', {}, '{ rng }'); // undefined
 * try { checkOptionsGiven('bootstrapInterval', undefined, '{ rng, samples?, ci? }'); } catch (error) {
 *   error.message; // 'bootstrapInterval: options must be an object { rng, samples?, ci? }; got undefined.'
 * }
 * ```
 */
export function checkOptionsGiven(fn: string, options: unknown, hint: string): void {
  if (typeof options === 'object' && options !== null && !Array.isArray(options)) return;
  const absent = options === undefined || options === null;
  throw new StatsError(
    absent ? 'MISSING_VALUE' : 'INVALID_OPTION',
    'options',
    `${fn}: options must be an object ${hint}; got ${describeValue(options)}.`,
  );
}

/**
 * Throws unless `values` is a vector: an array, a typed array or another array-like object
 * (a string is not one), so that a plain-JavaScript caller who passed nothing, or a single
 * value, gets a StatsError naming the argument rather than a TypeError from reading `length`.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'values'` or `'correctA'`
 * @param values - the value to check
 * @param what - what the vector holds, for the message, e.g. `'numbers'`
 * @throws StatsError `MISSING_VALUE` when absent, `INVALID_VALUE` when not array-like
 * @example
 * ```ts
 * checkVector('f', 'values', Float64Array.of(1), 'numbers'); // undefined
 * try { checkVector('mean', 'values', 'abc', 'numbers'); } catch (error) {
 *   error.message; // 'mean: values must be an array of numbers, got the string "abc".'
 * }
 * ```
 */
export function checkVector(fn: string, path: string, values: unknown, what: string): void {
  if (
    typeof values === 'object' &&
    values !== null &&
    Number.isSafeInteger((values as { length?: unknown }).length) &&
    (values as { length: number }).length >= 0
  ) {
    return;
  }
  const absent = values === undefined || values === null;
  throw new StatsError(
    absent ? 'MISSING_VALUE' : 'INVALID_VALUE',
    path,
    `${fn}: ${path} must be an array of ${what}, got ${describeValue(values)}.`,
  );
}

/**
 * Throws unless `values` is a vector whose every entry is a number (NaN included: the callers
 * read it as "undefined" and skip it). A string or a boolean would otherwise be coerced by
 * `+`, `<` or a `Float64Array` and give a plausible but wrong result.
 *
 * @remarks
 * One pass, `typeof` per entry; a typed array of numbers holds nothing else and is not
 * looped over, so the check costs nothing on the typed arrays hot paths pass.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'values'`; an entry is named `values[i]`
 * @param values - the value to check
 * @throws StatsError `MISSING_VALUE` or `INVALID_VALUE` (see {@link checkVector}), or
 *   `INVALID_VALUE` naming the first entry that is not a number
 * @example
 * ```ts
 * checkNumbers('f', 'values', [1, NaN]); // undefined
 * try { checkNumbers('mean', 'values', [1, '2']); } catch (error) {
 *   error.message; // 'mean: values[1] must be a number (NaN for "undefined"), got the string "2".'
 * }
 * ```
 */
export function checkNumbers(fn: string, path: string, values: unknown): void {
  checkVector(fn, path, values, 'numbers');
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    // BigInt64Array and BigUint64Array hold bigints, which the loop below refuses
    if (!(values instanceof BigInt64Array || values instanceof BigUint64Array)) return;
  }
  const vector = values as ArrayLike<unknown>;
  for (let i = 0; i < vector.length; i++) {
    if (typeof vector[i] !== 'number') {
      throw new StatsError(
        'INVALID_VALUE',
        `${path}[${i}]`,
        `${fn}: ${path}[${i}] must be a number (NaN for "undefined"), got ${describeValue(vector[i])}.`,
      );
    }
  }
}

/**
 * Throws unless `value` is a number (NaN included), so that a numeric string or a boolean is
 * refused rather than coerced by arithmetic.
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'x'`
 * @param value - the value to check
 * @throws StatsError `INVALID_VALUE`
 * @example
 * ```ts
 * checkNumber('f', 'x', NaN); // undefined
 * try { checkNumber('f', 'x', true); } catch (error) {
 *   error.message; // 'f: x must be a number, got the boolean true.'
 * }
 * ```
 */
export function checkNumber(fn: string, path: string, value: unknown): void {
  if (typeof value === 'number') return;
  throw new StatsError(
    'INVALID_VALUE',
    path,
    `${fn}: ${path} must be a number, got ${describeValue(value)}.`,
  );
}

/**
 * Throws unless `value` is a function (a metric, say).
 *
 * @param fn - the public function being called, for the message
 * @param path - the argument's name, e.g. `'metric'`
 * @param value - the value to check
 * @param what - what the function computes, for the message
 * @throws StatsError `MISSING_VALUE` when absent, `INVALID_VALUE` when not a function
 * @example
 * ```ts
 * checkFunction('f', 'metric', Math.max, 'of the resampled rows'); // undefined
 * try { checkFunction('bootstrapInterval', 'metric', 3, 'of the resampled rows'); } catch (error) {
 *   error.message; // 'bootstrapInterval: metric must be a function of the resampled rows, got 3.'
 * }
 * ```
 */
export function checkFunction(fn: string, path: string, value: unknown, what: string): void {
  if (typeof value === 'function') return;
  const absent = value === undefined || value === null;
  throw new StatsError(
    absent ? 'MISSING_VALUE' : 'INVALID_VALUE',
    path,
    `${fn}: ${path} must be a function ${what}, got ${describeValue(value)}.`,
  );
}
