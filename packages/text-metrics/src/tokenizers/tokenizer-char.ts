import { checkString } from '../argument-checks.js';

/**
 * The `char` tokenizer without argument checks (see {@link tokenizeChar}).
 *
 * @example
 * tokenizeCharUnchecked('a😀'); // 'a 😀'
 */
export function tokenizeCharUnchecked(line: string): string {
  // Python iterates a str by code point: a surrogate pair is one character
  return Array.from(line).join(' ');
}

/**
 * sacrebleu's `char` BLEU tokenizer: every character (Unicode code point) becomes a token, as
 * `' '.join(line)`. Whitespace characters become tokens of their own in the returned string;
 * BLEU then splits on whitespace, so they never count as tokens.
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_char.py`. A character is a code point,
 * not a grapheme: an emoji with a skin-tone modifier or a letter with a combining accent gives
 * two tokens, as in Python.
 * @param line - the text to tokenize
 * @returns the code points joined by single spaces
 * @example
 * tokenizeChar('日本 ok'); // '日 本   o k'
 */
export function tokenizeChar(line: string): string {
  return tokenizeCharUnchecked(checkString(line, 'line'));
}
