import {
  checkBooleanOption,
  checkReferences,
  checkString,
  describeValue,
} from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';
import { readKnownOptions } from '../option-keys.js';
import { removeDigits, removePunctuation } from '../python-compat/python-strings.js';
import { compilePythonPattern, pyRemoveAll } from './python-pattern.js';

/**
 * Options of {@link exactMatch}, lm-evaluation-harness's `exact_match` arguments.
 *
 * @example
 * ```ts
 * const gsm8k: ExactMatchOptions = { regexesToIgnore: [',', '\\$', '(?s).*#### ', '\\.$'] };
 * ```
 */
export interface ExactMatchOptions {
  /** Patterns removed (every match replaced by "") from both sides first, in order. */
  readonly regexesToIgnore?: readonly (string | RegExp)[];
  /** Lowercase both sides (default false). */
  readonly ignoreCase?: boolean;
  /** Remove Python's `string.punctuation` (ASCII) from both sides (default false). */
  readonly ignorePunctuation?: boolean;
  /** Remove the ASCII digits 0-9 from both sides (default false). */
  readonly ignoreNumbers?: boolean;
}

interface Normalizer {
  readonly regexes: readonly RegExp[];
  readonly ignoreCase: boolean;
  readonly ignorePunctuation: boolean;
  readonly ignoreNumbers: boolean;
}

function checkNormalizer(options: ExactMatchOptions | undefined): Normalizer {
  const checked = readKnownOptions(options, [
    'regexesToIgnore',
    'ignoreCase',
    'ignorePunctuation',
    'ignoreNumbers',
  ]);
  const patterns: unknown = checked.regexesToIgnore ?? [];
  if (!Array.isArray(patterns)) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option options.regexesToIgnore must be an array of regular expressions; got ${describeValue(patterns)}.`,
      'options.regexesToIgnore',
    );
  }
  return {
    regexes: patterns.map((p, i) =>
      compilePythonPattern(p, `Option options.regexesToIgnore[${i}]`),
    ),
    ignoreCase: checkBooleanOption(checked.ignoreCase, false, 'options.ignoreCase'),
    ignorePunctuation: checkBooleanOption(
      checked.ignorePunctuation,
      false,
      'options.ignorePunctuation',
    ),
    ignoreNumbers: checkBooleanOption(checked.ignoreNumbers, false, 'options.ignoreNumbers'),
  };
}

const TRAILING_NULS = /\0+$/;

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * The harness keeps each text in a numpy string array, and numpy's fixed-width strings have two
 * visible effects that this reproduces: trailing NUL characters are dropped, and a lowercase
 * longer than the original (`İ` → `i̇`) is cut to the array's width.
 */
function normalize(text: string, n: Normalizer): string {
  // the first re.sub reads the Python string itself, every later step a numpy element
  let width = codePointLength(text);
  let out = n.regexes.length === 0 ? text.replace(TRAILING_NULS, '') : text;
  for (const regex of n.regexes) {
    const removed = pyRemoveAll(out, regex);
    width = codePointLength(removed);
    out = removed.replace(TRAILING_NULS, '');
  }
  if (n.ignoreCase) {
    const lower = out.toLowerCase();
    out = codePointLength(lower) > width ? Array.from(lower).slice(0, width).join('') : lower;
  }
  if (n.ignorePunctuation) out = removePunctuation(out);
  if (n.ignoreNumbers) out = removeDigits(out);
  return out.replace(TRAILING_NULS, '');
}

/**
 * Exact match as lm-evaluation-harness scores `generate_until` tasks (its `exact_match`, ported
 * from Hugging Face evaluate): 1 when the prediction equals a reference after the options, else 0.
 *
 * @remarks
 * The options apply to both sides in the harness's order: every pattern of `regexesToIgnore`
 * (`re.sub(s, "", x)`, in order), then `ignoreCase` (`str.lower`), `ignorePunctuation` (remove
 * `string.punctuation`, ASCII only), `ignoreNumbers` (remove `string.digits`). Nothing else is
 * normalized: whitespace counts. With several references the best counts (the harness scores one
 * target; HELM and SQuAD take the max). String patterns are Python `re` patterns, translated to
 * JavaScript with Python's meaning (see the README); a RegExp is used as it is. Two effects of the
 * numpy string arrays the harness uses are reproduced: trailing NUL characters are ignored, and
 * with `ignoreCase` a text holding `İ` (whose lowercase is one code point longer) loses its last
 * character.
 *
 * @param prediction - the model's answer
 * @param references - one reference or several
 * @param options - `regexesToIgnore`, `ignoreCase`, `ignorePunctuation`, `ignoreNumbers` (all off)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference;
 *   `INVALID_OPTION` for a bad option or a pattern that does not compile
 * @example
 * ```ts
 * import { exactMatch } from '@assay/text-metrics';
 * exactMatch('The answer is 42.', '42', { regexesToIgnore: ['(?s).*is ', '\\.$'] }); // 1
 * exactMatch('Paris!', ['paris'], { ignoreCase: true, ignorePunctuation: true }); // 1
 * ```
 */
export function exactMatch(
  prediction: string,
  references: string | readonly string[],
  options?: ExactMatchOptions,
): number {
  checkString(prediction, 'prediction');
  const refs = checkReferences(references, 'references');
  const normalizer = checkNormalizer(options);
  const predicted = normalize(prediction, normalizer);
  return refs.some((reference) => normalize(reference, normalizer) === predicted) ? 1 : 0;
}
