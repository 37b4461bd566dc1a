import { checkString } from '../argument-checks.js';
import { pySplit } from '../python-compat/python-strings.js';

/*
 * sacrebleu's `Tokenizer13a` + `TokenizerRegexp` (mteval-v13a.pl as used by WMT), rule by rule.
 * The ASCII punctuation class is all of it except ' , - . (those have the digit-aware rules).
 */
const PUNCTUATION = /([{-~[-\x60 -&(-+:-@/])/gu;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/gu;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/gu;
const DASH_AFTER_DIGIT = /([0-9])(-)/gu;

/** The 13a tokenizer without argument checks (the kernels call this). */
export function tokenize13aUnchecked(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  line = ` ${line} `
    .replace(PUNCTUATION, ' $1 ')
    .replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ')
    .replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2')
    .replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return pySplit(line).join(' ');
}

/**
 * sacrebleu's default BLEU tokenizer `13a` (the mteval-v13a.pl rules WMT uses): drops
 * `<skipped>`, joins `-` + newline, unescapes `&quot; &amp; &lt; &gt;`, splits off ASCII
 * punctuation except `' , - .`, splits `.` and `,` unless between digits, splits `-` after a
 * digit, and joins the tokens with single spaces (Python's notion of whitespace).
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_13a.py` and `tokenizer_re.py`; parity
 * with it is checked by committed fixtures.
 * @param line - the text to tokenize
 * @returns the tokens joined by single spaces
 * @example
 * tokenize13a('Hello, world! It costs $1,234.50.'); // 'Hello , world ! It costs $ 1,234.50 .'
 */
export function tokenize13a(line: string): string {
  return tokenize13aUnchecked(checkString(line, 'line'));
}
