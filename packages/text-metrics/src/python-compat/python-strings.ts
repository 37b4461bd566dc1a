/**
 * Python 3 string semantics the reference scripts rely on, spelled for JavaScript: `str.split()`
 * and `str.strip()` whitespace, removing `string.punctuation` and `string.digits`, and the
 * Unicode `\w` that Python's `\b` is defined by. The classes were compared code point by code
 * point with Python 3.11 when written (the fixtures test them on chosen texts): they differ only
 * on characters assigned after Unicode 14, the version of Python 3.11's tables.
 */

/**
 * The characters Python's `str.isspace()` (and `\s`) accepts, as character-class source text;
 * JavaScript's `\s` adds U+FEFF and lacks U+001C-U+001F and U+0085.
 *
 * @example
 * ```ts
 * new RegExp(`[${PY_WHITESPACE_CLASS}]`, 'u').test('\u0085'); // true
 * ```
 */
export const PY_WHITESPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const PY_WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE_CLASS}]+`, 'u');
const PY_LEADING_WHITESPACE = new RegExp(`^[${PY_WHITESPACE_CLASS}]+`, 'u');
const PY_TRAILING_WHITESPACE = new RegExp(`[${PY_WHITESPACE_CLASS}]+$`, 'u');

/**
 * Python's `\w` on str patterns: letters, numbers (every `N*` category) and `_`, as
 * character-class source text.
 *
 * @example
 * ```ts
 * new RegExp(`[${PY_WORD_CHAR_CLASS}]`, 'u').test('é'); // true
 * ```
 */
export const PY_WORD_CHAR_CLASS = '\\p{L}\\p{N}_';

const PUNCTUATION_RUN = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+/g;
const DIGIT_RUN = /[0-9]+/g;

/**
 * Python's `text.split()`: the non-empty runs between Python whitespace.
 *
 * @param text - any string
 * @returns the fields
 * @example
 * ```ts
 * pySplit('  a\u001fb  c '); // ['a', 'b', 'c']
 * ```
 */
export function pySplit(text: string): string[] {
  return text.split(PY_WHITESPACE_RUN).filter((field) => field.length > 0);
}

/**
 * Python's `text.strip()`: without leading and trailing Python whitespace.
 *
 * @param text - any string
 * @returns the stripped string
 * @example
 * ```ts
 * pyStrip('\u0085 yes\u00a0'); // 'yes'
 * ```
 */
export function pyStrip(text: string): string {
  return text.replace(PY_LEADING_WHITESPACE, '').replace(PY_TRAILING_WHITESPACE, '');
}

/**
 * Removes every character of `string.punctuation` (ASCII only), as
 * `''.join(ch for ch in text if ch not in set(string.punctuation))` or `str.translate` does.
 *
 * @param text - any string
 * @returns the text without ASCII punctuation
 * @example
 * ```ts
 * removePunctuation("it's 3.5!"); // 'its 35'
 * ```
 */
export function removePunctuation(text: string): string {
  return text.replace(PUNCTUATION_RUN, '');
}

/**
 * Removes every character of `string.digits` (ASCII 0-9 only).
 *
 * @param text - any string
 * @returns the text without ASCII digits
 * @example
 * ```ts
 * removeDigits('route 66'); // 'route '
 * ```
 */
export function removeDigits(text: string): string {
  return text.replace(DIGIT_RUN, '');
}
