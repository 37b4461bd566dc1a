import { checkString } from '../argument-checks.js';
import { pySplit } from '../python-compat/python-strings.js';

/*
 * sacrebleu's `TokenizerV14International` (tokenizers/tokenizer_intl.py, mteval-v14.pl's
 * international tokenization). Its three `regex` patterns use Unicode general categories, which
 * JavaScript's `u` flag gives too; scripts/make-sacrebleu-fixtures.py records the class of every
 * code point under Python's `regex` module and a test compares them with these, code point by
 * code point.
 */
// punctuation after a non-number
const PUNCTUATION_AFTER_NON_NUMBER = /(\P{N})(\p{P})/gu;
// punctuation before a non-number
const PUNCTUATION_BEFORE_NON_NUMBER = /(\p{P})(\P{N})/gu;
const SYMBOL = /(\p{S})/gu;

/**
 * The `intl` tokenizer without argument checks (see {@link tokenizeIntl}).
 *
 * @example
 * tokenizeIntlUnchecked('ok: 1,5€'); // 'ok : 1,5 €'
 */
export function tokenizeIntlUnchecked(line: string): string {
  line = line
    .replace(PUNCTUATION_AFTER_NON_NUMBER, '$1 $2 ')
    .replace(PUNCTUATION_BEFORE_NON_NUMBER, ' $1 $2')
    .replace(SYMBOL, ' $1 ');
  return pySplit(line).join(' ');
}

/**
 * sacrebleu's `intl` BLEU tokenizer (mteval-v14.pl's international tokenization): splits off
 * every Unicode punctuation mark (`\p{P}`) unless it stands between two numbers (`\p{N}`), and
 * every symbol (`\p{S}`: currency, math, emoji, …), then joins the tokens with single spaces.
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_intl.py`. The three substitutions run in
 * order, each over the output of the previous one: `(\P{N})(\p{P})` → `$1 $2 `, then
 * `(\p{P})(\P{N})` → ` $1 $2`, then `(\p{S})` → ` $1 `. As in mteval-v14.pl, a mark at either end
 * of the line has no neighbour there, so a number followed by a final period keeps it (`2023.`).
 * XML entities are not unescaped. The categories come from the JavaScript engine's Unicode
 * tables; they equal Python's `regex` module on every code point both assign (checked by test).
 * @param line - the text to tokenize
 * @returns the tokens joined by single spaces
 * @example
 * tokenizeIntl('Größe: 1,234.5€ «ok»!'); // 'Größe : 1,234.5 € « ok » !'
 */
export function tokenizeIntl(line: string): string {
  return tokenizeIntlUnchecked(checkString(line, 'line'));
}
