import { checkNumbers } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';

/**
 * Mean and standard deviation of fold scores.
 *
 * @param values - one score per fold (NaN entries are ignored)
 * @returns `{ mean, std }`, both NaN when no value is defined
 * @throws StatsError `MISSING_VALUE` or `INVALID_VALUE` when `values` is not an array,
 *   `INVALID_VALUE` naming `values[i]` when an entry is not a number;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks `std` is the population standard deviation (ddof = 0),
 *   `sqrt(Σ (x − mean)² / n)`, as `numpy.std` and scikit-learn's
 *   `cross_val_score(...).std()` report.
 * @example
 * meanStd([1, 3]).std; // 1
 * @see numpy.std
 */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'meanStd');
  checkNumbers('meanStd', 'values', values);
  const kept = values.filter((v) => !Number.isNaN(v));
  if (kept.length === 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
  const variance = kept.reduce((a, b) => a + (b - mean) ** 2, 0) / kept.length;
  return { mean, std: Math.sqrt(variance) };
}
