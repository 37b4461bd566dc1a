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
 * Whether the UTF-16 unit `code` is Python whitespace (`str.isspace()`), the characters of
 * {@link PY_WHITESPACE_CLASS}; all of them are in the Basic Multilingual Plane.
 *
 * @param code - a UTF-16 code unit
 * @returns true for Python whitespace
 * @example
 * ```ts
 * isPyWhitespace(0x85); // true
 * isPyWhitespace(0xfeff); // false
 * ```
 */
export function isPyWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  if (code <= 0xa0) return code === 0x85 || code === 0xa0;
  if (code < 0x1680) return false;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

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
  // a scan rather than a split on a regex: this is on the path of every BLEU and chrF segment
  const fields: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isPyWhitespace(text.charCodeAt(i))) {
      if (start >= 0) {
        fields.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) fields.push(start === 0 ? text : text.slice(start));
  return fields;
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
