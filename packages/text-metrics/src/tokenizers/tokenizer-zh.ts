import { checkString } from '../argument-checks.js';
import { pyStrip } from '../python-compat/python-strings.js';
import { tokenizeRegexp } from './tokenizer-regexp.js';

/*
 * sacrebleu's `TokenizerZh` (tokenizers/tokenizer_zh.py). Its `_UCODE_RANGES` are compared with
 * Python's `start <= char <= end` on strings, and two entries are written with five hex digits
 * after `\u` ('\u20000', '\u2a6d6', '\u2f800', '\u2fa1d'), which Python reads as a four-digit
 * escape plus one more character. So ('\u20000', '\u2a6d6') is the two-character strings
 * U+2000 '0' .. U+2A6D '6', and a single character lies between them when it is U+2001..U+2A6D:
 * general punctuation (dashes, curly quotes, …), currency signs, letterlike symbols, arrows and
 * math operators count as "Chinese", while CJK Extension B (U+20000..U+2A6D6, which the comment
 * meant) does not; likewise the second entry becomes U+2F81..U+2FA1 (inside the Kangxi radicals).
 * The ranges below are what sacrebleu computes, not what its comments say; a test checks them
 * against sacrebleu's `_is_chinese_char` over every code point.
 */
const CHINESE_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4db5], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fa5], // CJK Unified Ideographs
  [0x9fa6, 0x9fbb], // CJK Unified Ideographs, Unicode 4.1
  [0xf900, 0xfa2d], // CJK Compatibility Ideographs
  [0xfa30, 0xfa6a],
  [0xfa70, 0xfad9],
  [0x2001, 0x2a6d], // ('\u20000', '\u2a6d6'), see above
  [0x2f81, 0x2fa1], // ('\u2f800', '\u2fa1d'), see above
  [0xff00, 0xffef], // full-width ASCII and punctuation, half-width Katakana and Hangul
  [0x2e80, 0x2eff], // CJK Radicals Supplement
  [0x3000, 0x303f], // CJK punctuation
  [0x31c0, 0x31ef], // CJK strokes
  [0x2f00, 0x2fdf], // Kangxi Radicals
  [0x2ff0, 0x2fff], // ideographic description characters
  [0x3100, 0x312f], // Bopomofo
  [0x31a0, 0x31bf], // Bopomofo Extended
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0x2600, 0x26ff], // miscellaneous symbols
  [0x2700, 0x27bf], // dingbats
  [0x3200, 0x32ff], // enclosed CJK letters and months
  [0x3300, 0x33ff], // CJK compatibility
];

/**
 * Whether sacrebleu's `zh` tokenizer puts spaces around the code point `codePoint`
 * (`TokenizerZh._is_chinese_char`, including the ranges its string comparison really gives).
 *
 * @example
 * isZhChineseCharacter(0x4e2d); // true (中)
 * isZhChineseCharacter(0x2014); // true (the em dash, in U+2001..U+2A6D)
 * isZhChineseCharacter(0x20000); // false (CJK Extension B, outside the BMP)
 */
export function isZhChineseCharacter(codePoint: number): boolean {
  for (const [start, end] of CHINESE_RANGES) {
    if (codePoint >= start && codePoint <= end) return true;
  }
  return false;
}

/**
 * The `zh` tokenizer without argument checks (see {@link tokenizeZh}).
 *
 * @example
 * tokenizeZhUnchecked(' 中文, ok. '); // '中 文 , ok .'
 */
export function tokenizeZhUnchecked(line: string): string {
  let spaced = '';
  for (const character of pyStrip(line)) {
    spaced += isZhChineseCharacter(character.codePointAt(0)!) ? ` ${character} ` : character;
  }
  return tokenizeRegexp(spaced);
}

/**
 * sacrebleu's `zh` BLEU tokenizer (Shujian Huang's, used by WMT for Chinese): strips the line,
 * puts every Chinese character between spaces, then applies 13a's punctuation rules to the rest.
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_zh.py` and `tokenizer_re.py`. "Chinese"
 * is sacrebleu's list of BMP ranges (CJK ideographs, CJK punctuation, full-width forms, Bopomofo,
 * Kangxi radicals, miscellaneous symbols and dingbats, …) as its string comparison really reads
 * it, which also takes in U+2001..U+2A6D (general punctuation such as `—` and `“”`, currency
 * signs, arrows, math operators) and leaves out every character outside the BMP (CJK Extension B,
 * emoji). Unlike 13a, the line is not padded and entities and `<skipped>` are left alone, so a
 * `.` or `,` at either end of the line stays attached to a digit next to it.
 * @param line - the text to tokenize
 * @returns the tokens joined by single spaces
 * @example
 * tokenizeZh('我喜欢“机器翻译”, 2024年.'); // '我 喜 欢 “ 机 器 翻 译 ” , 2024 年 .'
 */
export function tokenizeZh(line: string): string {
  return tokenizeZhUnchecked(checkString(line, 'line'));
}
