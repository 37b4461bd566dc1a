// From text-metrics' tokenizer list, not its index: this file is part of the light
// `@assay/runner/options` entry, which must not load the metrics (the JSON-schema check
// alone brings ajv).
import { BLEU_TOKENIZERS, type BleuTokenizer } from '@assay/text-metrics/bleu-tokenizers';

/**
 * The BLEU tokenizers `bleuTokenize` accepts: sacrebleu's names, as `@assay/text-metrics`
 * implements them (for option parsers such as the CLI's `--bleu-tokenize`).
 *
 * @example
 * GENERATION_BLEU_TOKENIZERS.includes('zh'); // true
 */
export const GENERATION_BLEU_TOKENIZERS: readonly BleuTokenizer[] = BLEU_TOKENIZERS;
