/**
 * The values of `@assay/runner`'s options alone (input formats, generation metrics, BLEU
 * tokenizers) and the matcher that suggests one for a mistyped name, for option parsers: `@assay/runner/options` loads none of the readers, metrics
 * or the worker pool, so a command line can list the choices at start-up for the cost of a
 * few small modules.
 *
 * @example
 * ```ts
 * import { GENERATION_METRICS, INPUT_FORMATS } from '@assay/runner/options';
 * INPUT_FORMATS.includes('arrow'); // true
 * GENERATION_METRICS.includes('bleu'); // true
 * ```
 * @packageDocumentation
 */

export { closestName } from '@assay/labels';
export { GENERATION_BLEU_TOKENIZERS } from './generation/bleu-tokenizers.js';
export {
  DEFAULT_GENERATION_METRICS,
  GENERATION_METRICS,
  type GenerationMetric,
} from './generation/generation-metric-names.js';
export { INPUT_FORMATS, type InputFormat } from './io/input-formats.js';
