import {
  bleuStatistics,
  chrfStatistics,
  corpusBleuFromStatistics,
  corpusChrfFromStatistics,
  corpusTerFromStatistics,
  terStatistics,
} from '@assay/text-metrics';

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
 * of summed statistics (sacrebleu's defaults; chrF++ is word order 2), for resampling.
 *
 * @param metric - bleu, chrf, chrf_pp or ter
 * @param bleuTokenize - BLEU's tokenizer (default 13a)
 * @returns the statistics and scoring functions
 * @example
 * const bleu = corpusMetric('bleu');
 * bleu.score(bleu.statistics('the cat', ['the cat'])); // 100
 */
export function corpusMetric(
  metric: CorpusMetricName,
  bleuTokenize = '13a',
): {
  statistics: (output: string, references: readonly string[]) => Float64Array;
  score: (sums: Float64Array) => number;
} {
  switch (metric) {
    case 'bleu':
      return {
        statistics: (o, r) => bleuStatistics(o, r, { tokenize: bleuTokenize as never }),
        score: (s) => corpusBleuFromStatistics(s, { tokenize: bleuTokenize as never }).score,
      };
    case 'chrf':
      return {
        statistics: (o, r) => chrfStatistics(o, r),
        score: (s) => corpusChrfFromStatistics(s).score,
      };
    case 'chrf_pp':
      return {
        statistics: (o, r) => chrfStatistics(o, r, { wordOrder: 2 }),
        score: (s) => corpusChrfFromStatistics(s, { wordOrder: 2 }).score,
      };
    case 'ter':
      return {
        statistics: (o, r) => terStatistics(o, r),
        score: (s) => corpusTerFromStatistics(s).score,
      };
  }
}
