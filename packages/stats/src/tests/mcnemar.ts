import { StatsError } from '../errors.js';
import { checkVector, describeValue } from '../validation/check-arguments.js';
import { checkNoOptions } from '../validation/check-calls.js';
import { binomialTestHalf } from './binomial-test.js';

/** Result of McNemar's exact test on paired correctness. */
export interface McNemarResult {
  /** items model A answered correctly and model B did not */
  onlyA: number;
  /** items model B answered correctly and model A did not */
  onlyB: number;
  /** two-sided exact p-value */
  pValue: number;
}

/** One entry of a correctness vector: a number or a string would count by its truthiness. */
function correctness(name: string, i: number, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new StatsError(
    'INVALID_VALUE',
    `${name}[${i}]`,
    `mcnemarExact: ${name}[${i}] must be a boolean (whether the model was right on item ${i}), got ${describeValue(value)}.`,
  );
}

/**
 * McNemar's exact test: do two models differ in accuracy on the same items?
 *
 * @param correctA - per item, whether model A was right
 * @param correctB - per item, whether model B was right (same order, same length)
 * @returns discordant counts and the exact two-sided p-value
 * @throws StatsError `LENGTH_MISMATCH` when the two vectors differ in length,
 *   `INVALID_VALUE` naming `correctA[i]` or `correctB[i]` when an entry is not a boolean
 *   (1, 0.9 or 'no' would otherwise count by truthiness); `MISSING_VALUE` or `INVALID_VALUE`
 *   naming `correctA` or `correctB` when it is not an array;
 *   `INVALID_OPTION` (path `options`) for an argument beyond these (it takes no options)
 * @remarks Only discordant pairs carry information: with `b` items only A got
 *   right and `c` items only B got right, under H0 `b ~ Binomial(b + c, 1/2)`
 *   and the p-value is {@link binomialTestHalf}`(b, b + c)`. The exact
 *   (binomial) form is used at every sample size, as statsmodels'
 *   `mcnemar(table, exact=True)`. No discordant pairs gives p = 1.
 * @example
 * mcnemarExact([true, true, false], [false, true, false]).pValue; // 1
 * @see statsmodels.stats.contingency_tables.mcnemar
 */
export function mcnemarExact(
  correctA: ArrayLike<boolean>,
  correctB: ArrayLike<boolean>,
): McNemarResult {
  // biome-ignore lint/complexity/noArguments: counts a JavaScript caller's extra arguments; a rest parameter would show in the .d.ts
  checkNoOptions(arguments, 'mcnemarExact');
  checkVector('mcnemarExact', 'correctA', correctA, 'booleans');
  checkVector('mcnemarExact', 'correctB', correctB, 'booleans');
  if (correctA.length !== correctB.length) {
    throw new StatsError(
      'LENGTH_MISMATCH',
      'correctB',
      `mcnemarExact: correctA has ${correctA.length} items but correctB has ${correctB.length}; pass the same items in the same order.`,
    );
  }
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < correctA.length; i++) {
    const a = correctness('correctA', i, correctA[i]);
    const b = correctness('correctB', i, correctB[i]);
    if (a && !b) onlyA++;
    else if (!a && b) onlyB++;
  }
  return { onlyA, onlyB, pValue: binomialTestHalf(onlyA, onlyA + onlyB) };
}
