/**
 * sacrebleu's BLEU tokenizer names alone: `@assay/text-metrics/bleu-tokenizers` loads one small
 * module and none of the metrics, for option parsers that list the choices at start-up.
 *
 * @example
 * ```ts
 * import { BLEU_TOKENIZERS } from '@assay/text-metrics/bleu-tokenizers';
 * BLEU_TOKENIZERS.includes('zh'); // true
 * ```
 * @packageDocumentation
 */
export { BLEU_TOKENIZERS, type BleuTokenizer } from './bleu/bleu-tokenizers.js';
