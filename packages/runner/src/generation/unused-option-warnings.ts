import type { GenerationOptions } from './generation-options.js';

/**
 * Warnings for generation options given but read by none of the job's metrics: `stemmer`
 * (only ROUGE stems), `bleuTokenize` (only BLEU), `normalize` (only `exact_match` and
 * `token_f1`). An option that changes nothing must not look as if it shaped the figures.
 *
 * @param options - the job's options, as given
 * @param metrics - the job's metrics
 * @returns one sentence per unused option
 * @example
 * unusedGenerationOptionWarnings({ stemmer: 'porter' }, ['bleu']);
 * // ['stemmer porter has no effect: only rouge1 … rouge9, rougeL and rougeLsum stem, and …']
 */
export function unusedGenerationOptionWarnings(
  options: Pick<GenerationOptions, 'stemmer' | 'bleuTokenize' | 'normalize'>,
  metrics: readonly string[],
): string[] {
  const listed = `the metrics are ${metrics.join(', ')}`;
  const out: string[] = [];
  if (options.stemmer === 'porter' && !metrics.some((m) => m.startsWith('rouge'))) {
    out.push(
      `stemmer porter has no effect: only rouge1 … rouge9, rougeL and rougeLsum stem, and ${listed}.`,
    );
  }
  if (options.bleuTokenize !== undefined && !metrics.includes('bleu')) {
    out.push(
      `bleu tokenize ${options.bleuTokenize} has no effect: only bleu reads it, and ${listed}.`,
    );
  }
  if (
    options.normalize !== undefined &&
    !metrics.some((m) => m === 'exact_match' || m === 'token_f1')
  ) {
    out.push(
      `normalize has no effect: only exact_match and token_f1 normalize the texts, and ${listed}.`,
    );
  }
  return out;
}
