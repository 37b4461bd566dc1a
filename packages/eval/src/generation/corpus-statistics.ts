import { type CorpusMetricOptions, corpusScore, corpusStatistics } from '@assay/runner';

/** The corpus metrics: sacrebleu statistics summed over answers, then scored. */
export type CorpusMetricName = 'bleu' | 'chrf' | 'chrf_pp' | 'ter';

const CORPUS: ReadonlySet<string> = new Set(['bleu', 'chrf', 'chrf_pp', 'ter']);

/**
 * Whether a metric is scored from summed statistics (so a subset's value is not a mean).
 *
 * @param metric - a scorer's metric
 * @returns true for bleu, chrf, chrf_pp and ter
 * @example
 * isCorpusMetric('chrf'); // true
 */
export function isCorpusMetric(metric: string): metric is CorpusMetricName {
  return CORPUS.has(metric);
}

/**
 * A corpus metric as two functions: one answer's sacrebleu statistics, and the corpus score
 * of summed statistics (the runner's, with sacrebleu's defaults; chrF++ is word order 2),
 * for resampling.
 *
 * @param metric - bleu, chrf, chrf_pp or ter
 * @param bleuTokenize - BLEU's tokenizer (default 13a)
 * @returns the statistics and scoring functions
 * @example
 * const bleu = corpusMetric('bleu');
 * bleu.score(bleu.statistics('the cat sat on the mat', ['the cat sat on the mat'])); // 100
 */
export function corpusMetric(
  metric: CorpusMetricName,
  bleuTokenize = '13a',
): {
  statistics: (output: string, references: readonly string[]) => Float64Array;
  score: (sums: Float64Array) => number;
} {
  const options = { bleuTokenize: bleuTokenize as CorpusMetricOptions['bleuTokenize'] };
  return {
    statistics: (output, references) => corpusStatistics(metric, output, references, options),
    score: (sums) => corpusScore(metric, sums, options).score,
  };
}
