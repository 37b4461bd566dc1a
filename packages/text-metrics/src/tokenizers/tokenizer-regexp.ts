import { pySplit } from '../python-compat/python-strings.js';

/*
 * sacrebleu's `TokenizerRegexp` (tokenizers/tokenizer_re.py), the post-tokenizer of `13a` and
 * `zh`, as its four regexes. 13a has its own scan (tokenizer-13a.ts) because it runs on every
 * BLEU segment; `zh` uses these regexes as sacrebleu does. Unlike 13a, `zh` does not pad the
 * line with spaces first, so a `.` or `,` at either end of the line has no neighbour there and
 * rules B and C cannot match it (`2023.` stays one token).
 */
const RULES: readonly (readonly [RegExp, string])[] = [
  // ASCII punctuation except ' , - . (and the space range's start, which is the space itself)
  [/([{-~[-\x60 -&(-+:-@/])/gu, ' $1 '],
  // period and comma unless preceded by a digit
  [/([^0-9])([.,])/gu, '$1 $2 '],
  // period and comma unless followed by a digit
  [/([.,])([^0-9])/gu, ' $1 $2'],
  // dash after a digit
  [/([0-9])(-)/gu, '$1 $2 '],
];

/**
 * sacrebleu's `TokenizerRegexp.__call__`: the four mteval-v13a substitutions on `line` as given
 * (no padding), then the tokens joined by single spaces (Python's `split()`).
 *
 * @example
 * tokenizeRegexp('Hi, 3.5-4 (ok).'); // 'Hi , 3.5 - 4 ( ok ) .'
 * tokenizeRegexp('in 2023.'); // 'in 2023.' (a final period has no neighbour to match)
 */
export function tokenizeRegexp(line: string): string {
  for (const [pattern, replacement] of RULES) line = line.replace(pattern, replacement);
  return pySplit(line).join(' ');
}
