import { checkBooleanOption, checkString } from '../argument-checks.js';
import { compilePythonPattern, pySearch } from '../exact-match/python-pattern.js';
import { readKnownOptions } from '../option-keys.js';

/**
 * Options of {@link includes}.
 *
 * @example
 * ```ts
 * const options: IncludesOptions = { ignoreCase: true };
 * ```
 */
export interface IncludesOptions {
  /** Compare lowercased (default false). */
  readonly ignoreCase?: boolean;
}

/**
 * `includes`: 1 when the prediction contains the substring, else 0.
 *
 * @remarks
 * A plain substring test (`String.prototype.includes`), optionally on lowercased text. The empty
 * substring is in every text.
 *
 * @param prediction - the model's answer
 * @param substring - the text that must occur
 * @param options - `ignoreCase` (false)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string, `INVALID_OPTION`
 * @example
 * ```ts
 * import { includes } from '@assay/text-metrics';
 * includes('The capital is Paris.', 'Paris'); // 1
 * includes('The capital is PARIS.', 'paris', { ignoreCase: true }); // 1
 * ```
 */
export function includes(prediction: string, substring: string, options?: IncludesOptions): number {
  checkString(prediction, 'prediction');
  checkString(substring, 'substring');
  const ignoreCase = checkBooleanOption(
    readKnownOptions(options, ['ignoreCase']).ignoreCase,
    false,
    'options.ignoreCase',
  );
  if (ignoreCase) return prediction.toLowerCase().includes(substring.toLowerCase()) ? 1 : 0;
  return prediction.includes(substring) ? 1 : 0;
}

/**
 * Regex `pattern`: 1 when the pattern matches somewhere in the prediction, else 0.
 *
 * @remarks
 * A search, not a full match: anchor with `^…$` to require the whole answer. A string pattern is
 * read as Python's `re` reads it (the `regexesToIgnore` of {@link exactMatch} are too: see the
 * README), so `re.search(pattern, prediction)` decides; a RegExp is used with its own flags.
 *
 * @param prediction - the model's answer
 * @param pattern - a regular expression (string or RegExp)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string prediction, or naming
 *   `pattern` when it does not compile
 * @example
 * ```ts
 * import { matchesPattern } from '@assay/text-metrics';
 * matchesPattern('Answer: B', '^Answer: [A-D]$'); // 1
 * matchesPattern('answer: b', '(?i)^answer: [a-d]$'); // 1
 * ```
 */
export function matchesPattern(prediction: string, pattern: string | RegExp): number {
  checkString(prediction, 'prediction');
  const regex = compilePythonPattern(pattern, 'Argument pattern', 'INVALID_ARGUMENT');
  return pySearch(prediction, regex) ? 1 : 0;
}
