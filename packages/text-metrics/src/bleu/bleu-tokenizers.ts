// No imports: `@assay/text-metrics/bleu-tokenizers` is loaded by option parsers at start-up.

/**
 * BLEU tokenizers, as sacrebleu names them: `13a` (the default, mteval-v13a), `none` (split on
 * whitespace), `intl` (mteval-v14 international: Unicode punctuation and symbols), `char` (every
 * character) and `zh` (Chinese characters one by one, 13a rules for the rest).
 */
export type BleuTokenizer = '13a' | 'none' | 'intl' | 'char' | 'zh';

/**
 * Every {@link BleuTokenizer}, in the order the documentation lists them (for option parsers).
 *
 * @example
 * BLEU_TOKENIZERS.includes('intl'); // true
 */
export const BLEU_TOKENIZERS: readonly BleuTokenizer[] = ['13a', 'none', 'intl', 'char', 'zh'];
