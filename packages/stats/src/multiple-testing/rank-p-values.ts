import { StatsError } from '../errors.js';
import { checkVector, describeValue } from '../validation/check-arguments.js';

/**
 * Checks a family of p-values and returns the indices of its defined (non-NaN)
 * members, ordered by ascending p-value (ties in input order).
 *
 * @param fn - the public function being called, for the message
 * @param pValues - p-values in [0, 1]; NaN marks "no test" and is left out
 * @returns indices into `pValues`, smallest p-value first
 * @throws StatsError `INVALID_P_VALUE` when a p-value is outside [0, 1]; `MISSING_VALUE` or
 *   `INVALID_VALUE` when `pValues` is not an array
 * @example
 * ```ts
 * rankPValues('holm', [0.04, NaN, 0.01, 0.04]); // [2, 0, 3]
 * try { rankPValues('holm', [0.5, 1.5]); } catch (error) {
 *   error.message; // 'holm: pValues[1] must be a p-value in [0, 1] (or NaN for "no test"), got 1.5.'
 * }
 * ```
 */
export function rankPValues(fn: string, pValues: readonly number[]): number[] {
  checkVector(fn, 'pValues', pValues, 'p-values in [0, 1]');
  const order: number[] = [];
  pValues.forEach((p, i) => {
    if (Number.isNaN(p)) return;
    if (!(typeof p === 'number' && p >= 0 && p <= 1)) {
      throw new StatsError(
        'INVALID_P_VALUE',
        `pValues[${i}]`,
        `${fn}: pValues[${i}] must be a p-value in [0, 1] (or NaN for "no test"), got ${describeValue(p)}.`,
      );
    }
    order.push(i);
  });
  return order.sort((a, b) => pValues[a]! - pValues[b]!);
}
