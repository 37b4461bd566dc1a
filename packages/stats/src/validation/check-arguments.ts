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
