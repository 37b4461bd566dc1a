import { checkString } from '../argument-checks.js';
import { booleanOption, readOptions } from '../sacrebleu/arguments.js';
import { formatSignature } from '../sacrebleu/signature.js';
import {
  type TercomTokenizerOptions,
  tokenizeTercomUnchecked,
} from '../tokenizers/tokenizer-tercom.js';

/** Options of the TER functions; the names follow sacrebleu's `TER(...)` arguments. */
export type TerOptions = Partial<TercomTokenizerOptions>;

const KNOWN = ['normalized', 'noPunct', 'asianSupport', 'caseSensitive'] as const;

/**
 * Checks and completes TER options (all default to false, as sacrebleu); throws a
 * `TextMetricsError` on an unknown key or a non-boolean value.
 *
 * @example
 * resolveTerOptions({ normalized: true }); // { normalized: true, noPunct: false, asianSupport: false, caseSensitive: false }
 */
export function resolveTerOptions(options: unknown): TercomTokenizerOptions {
  const raw = readOptions(options, KNOWN);
  return {
    normalized: booleanOption(raw, 'normalized', false),
    noPunct: booleanOption(raw, 'noPunct', false),
    asianSupport: booleanOption(raw, 'asianSupport', false),
    caseSensitive: booleanOption(raw, 'caseSensitive', false),
  };
}

/**
 * sacrebleu's TER signature; `referenceCount` is the `nrefs` value.
 *
 * @example
 * terSignature(resolveTerOptions({}), '1'); // 'nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0'
 */
export function terSignature(options: TercomTokenizerOptions, referenceCount: string): string {
  return formatSignature(referenceCount, [
    ['case', options.caseSensitive ? 'mixed' : 'lc'],
    ['tok', 'tercom'],
    ['norm', options.normalized],
    ['punct', !options.noPunct],
    ['asian', options.asianSupport],
  ]);
}

/**
 * sacrebleu's TER tokenizer (`TercomTokenizer`, a port of Tercom's Normalizer): lowercases unless
 * `caseSensitive`; with `normalized`, Tercom's punctuation, entity and possessive rules (and CJK
 * splitting with `asianSupport`); with `noPunct`, removes `.,?:;!"()` (and CJK punctuation with
 * `asianSupport`); then joins the tokens with single spaces. The TER functions apply it to the
 * text with trailing whitespace removed.
 *
 * @remarks Source: sacrebleu 2.6.0 `tokenizers/tokenizer_ter.py`; parity by committed fixtures.
 * @param text - the text to tokenize
 * @param options - the TER options (all default to false)
 * @returns the tokens joined by single spaces
 * @example
 * tokenizeTercom('Hello, World!'); // 'hello, world!'
 * tokenizeTercom('Hello, World!', { normalized: true }); // 'hello , world !'
 */
export function tokenizeTercom(text: string, options?: TerOptions): string {
  const resolved = resolveTerOptions(options);
  return tokenizeTercomUnchecked(checkString(text, 'text'), resolved);
}
