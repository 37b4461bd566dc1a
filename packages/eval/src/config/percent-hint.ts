import type { z } from 'zod';
import { valueAt } from './schema-keys.js';

/**
 * What a fraction setting holds, a typical value, and the least value meant as a percentage
 * worth quoting back (`ci: 2` is no 2% confidence level), by its key. Only settings that are
 * shares: `topP` is also at most 1, but a probability mass nobody writes as a percentage, so
 * a hint there would mislead (its valid range says more).
 */
const FRACTIONS: Readonly<Record<string, readonly [string, number, number?]>> = {
  ci: ['a confidence level', 0.95, 0.5],
  testSize: ["the test part's share", 0.2],
  // assay tune's search.nested
  testFraction: ["the test part's share", 0.2],
  maxFailedFraction: ['a share of failed requests', 0.05],
  maxUnparseableFraction: ['a share of unparseable answers', 0.5],
};

/**
 * The hint for a fraction written as a percentage (`evaluation.ci: 95`), which zod reports only
 * as `expected a value < 1`: what the setting is and the fraction meant (`ci: 90` gives 0.9; a
 * typical value where that is no valid or likely one, as `ci: 100` or `ci: 2`), as a threshold written as a
 * percentage (`accuracy >= 90`) is told to write a share as a fraction.
 *
 * @param issue - a zod issue
 * @param input - the raw configuration the issue's path points into
 * @returns the hint, or undefined unless the issue is a share setting (see `FRACTIONS`) above
 *   a limit of at most 1 whose value lies in (1, 100], as a percentage does
 * @example
 * const ci = RunConfigSchema.shape.evaluation.safeParse({ ci: 95 }).error.issues[0];
 * percentHint({ ...ci, path: ['evaluation', 'ci'] }, { evaluation: { ci: 95 } });
 * // 'a confidence level is a fraction, e.g. 0.95 for 95%, not a percentage'
 */
export function percentHint(issue: z.core.$ZodIssue, input: unknown): string | undefined {
  if (issue.code !== 'too_big' || issue.origin !== 'number') return undefined;
  if (Number(issue.maximum) > 1) return undefined;
  const value = valueAt(input, issue.path);
  if (typeof value !== 'number' || value <= 1 || value > 100) return undefined;
  const key = issue.path.at(-1);
  const fraction =
    typeof key === 'string' && Object.hasOwn(FRACTIONS, key) ? FRACTIONS[key] : undefined;
  if (fraction === undefined) return undefined;
  const [what, typical, least = 0] = fraction;
  // the value written, as the fraction meant (90 -> 0.9), where that fraction is valid; 100 for
  // a confidence level is not (it must be below 1): the typical value then
  const meant = Number((value / 100).toPrecision(12));
  const max = Number(issue.maximum);
  const valid = (issue.inclusive ? meant <= max : meant < max) && meant >= least;
  const example = valid ? meant : typical;
  // 0.95 * 100 is 95 in binary too, but 0.05 * 100 is 5.000000000000001: round to what is meant
  const percent = Number((example * 100).toPrecision(12));
  return `${what} is a fraction, e.g. ${example} for ${percent}%, not a percentage`;
}
