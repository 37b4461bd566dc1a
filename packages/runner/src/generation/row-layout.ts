import type { OptionKeys } from '@assay/labels';
import {
  type BleuTokenizer,
  bleuStatistics,
  chrfStatistics,
  corpusBleuFromStatistics,
  corpusChrfFromStatistics,
  corpusTerFromStatistics,
  terStatistics,
} from '@assay/text-metrics';
import { checkOptionKeys } from '../check-option-keys.js';
import { type CorpusMetric, type GenerationMetric, isCorpusMetric } from './generation-metrics.js';
import type { RowLayout } from './generation-tasks.js';

/** chrF++ is chrF with word unigrams and bigrams (sacrebleu's `CHRF(word_order=2)`). */
const CHRF_PP = { wordOrder: 2 } as const;

/** What a job may change of the corpus metrics' sacrebleu options. */
export interface CorpusMetricOptions {
  /** BLEU's tokenizer (default `13a`). */
  readonly bleuTokenize?: BleuTokenizer | undefined;
}

/**
 * The option names of {@link corpusStatistics} and {@link corpusScore}, one per field of
 * {@link CorpusMetricOptions}: a key not listed here is refused, not ignored.
 *
 * @example
 * ```ts
 * Object.keys(CORPUS_METRIC_OPTION_KEYS); // ['bleuTokenize']
 * ```
 */
export const CORPUS_METRIC_OPTION_KEYS: OptionKeys<CorpusMetricOptions> = { bleuTokenize: true };

/**
 * {@link corpusStatistics} without the check of its options, for the runner's own callers,
 * which pass a job's settings (more fields than `bleuTokenize`).
 *
 * @param metric - the corpus metric
 * @param output - the hypothesis
 * @param references - its references (at least one)
 * @param options - the BLEU tokenizer
 * @returns the statistics
 * @example
 * segmentStatistics('bleu', 'the cat', ['the cat']).length; // 13
 */
export function segmentStatistics(
  metric: CorpusMetric,
  output: string,
  references: readonly string[],
  options: CorpusMetricOptions = {},
): Float64Array {
  switch (metric) {
    case 'bleu':
      return bleuStatistics(output, references, { tokenize: options.bleuTokenize ?? '13a' });
    case 'chrf':
      return chrfStatistics(output, references);
    case 'chrf_pp':
      return chrfStatistics(output, references, CHRF_PP);
    case 'ter':
      return terStatistics(output, references);
  }
}

/**
 * {@link corpusScore} without the check of its options, for the runner's own callers.
 *
 * @param metric - the corpus metric
 * @param statistics - statistics summed over at least one segment
 * @param options - the options the statistics were made with
 * @returns the score (0-100) and sacrebleu's signature
 * @example
 * scoreOfSums('chrf', segmentStatistics('chrf', 'ab', ['ab'])).score; // 100
 */
export function scoreOfSums(
  metric: CorpusMetric,
  statistics: Float64Array,
  options: CorpusMetricOptions = {},
): { score: number; signature: string } {
  switch (metric) {
    case 'bleu':
      return corpusBleuFromStatistics(statistics, { tokenize: options.bleuTokenize ?? '13a' });
    case 'chrf':
      return corpusChrfFromStatistics(statistics);
    case 'chrf_pp':
      return corpusChrfFromStatistics(statistics, CHRF_PP);
    case 'ter':
      return corpusTerFromStatistics(statistics);
  }
}

/**
 * One segment's sacrebleu statistics for a corpus metric, with sacrebleu's default options
 * (BLEU: 13a unless `options.bleuTokenize` says otherwise, mixed case; chrF: character order
 * 6, β = 2; chrF++: word order 2; TER: lowercased, no normalization).
 *
 * @param metric - the corpus metric
 * @param output - the hypothesis
 * @param references - its references (at least one)
 * @param options - the BLEU tokenizer
 * @returns the statistics
 * @throws {@link RunnerError} `INVALID_OPTION` for an option other than `bleuTokenize`
 * @example
 * corpusStatistics('bleu', 'the cat', ['the cat']).length; // 13
 */
export function corpusStatistics(
  metric: CorpusMetric,
  output: string,
  references: readonly string[],
  options: CorpusMetricOptions = {},
): Float64Array {
  checkOptionKeys(options, 'corpusStatistics', CORPUS_METRIC_OPTION_KEYS);
  return segmentStatistics(metric, output, references, options);
}

/**
 * A corpus score from summed statistics.
 *
 * @param metric - the corpus metric
 * @param statistics - statistics summed over at least one segment
 * @param options - the options the statistics were made with (the BLEU tokenizer only changes
 *   the signature here: the score depends on the statistics alone)
 * @returns the score (0-100) and sacrebleu's signature
 * @throws {@link RunnerError} `INVALID_OPTION` for an option other than `bleuTokenize`
 * @example
 * corpusScore('chrf', corpusStatistics('chrf', 'ab', ['ab'])).score; // 100
 */
export function corpusScore(
  metric: CorpusMetric,
  statistics: Float64Array,
  options: CorpusMetricOptions = {},
): { score: number; signature: string } {
  checkOptionKeys(options, 'corpusScore', CORPUS_METRIC_OPTION_KEYS);
  return scoreOfSums(metric, statistics, options);
}

/**
 * Lays out the per-row matrix: one slot per per-row metric, the statistics' width per
 * corpus metric, in the order given.
 *
 * @param metrics - the job's metrics
 * @returns the layout
 * @example
 * rowLayout(['exact_match', 'ter']); // { width: 6, slots: [{ name: 'exact_match', offset: 0, width: 1 }, { name: 'ter', offset: 1, width: 5 }] }
 */
export function rowLayout(metrics: readonly GenerationMetric[]): RowLayout {
  let width = 0;
  const slots = metrics.map((name) => {
    const size = isCorpusMetric(name) ? segmentStatistics(name, '', ['']).length : 1;
    const slot = { name, offset: width, width: size };
    width += size;
    return slot;
  });
  return { width, slots };
}

/**
 * Every metric's value from the summed rows of the per-row matrix: the mean for per-row
 * metrics (`sum / count`), the corpus score for corpus metrics; NaN when no row was summed.
 *
 * @param sums - the layout's `width` sums
 * @param count - how many rows were summed
 * @param layout - the matrix layout
 * @param out - where the values go, one per slot
 * @param at - the first index of `out` to write
 * @example
 * const layout = rowLayout(['exact_match']);
 * const values = new Float64Array(1);
 * metricValuesFromSums(Float64Array.of(3), 4, layout, values, 0);
 * values; // Float64Array [0.75]: 3 exact matches in 4 rows
 */
export function metricValuesFromSums(
  sums: Float64Array,
  count: number,
  layout: RowLayout,
  out: Float64Array,
  at: number,
): void {
  layout.slots.forEach((slot, j) => {
    if (count === 0) out[at + j] = Number.NaN;
    else if (isCorpusMetric(slot.name)) {
      const statistics = sums.subarray(slot.offset, slot.offset + slot.width);
      out[at + j] = scoreOfSums(slot.name, statistics).score;
    } else out[at + j] = sums[slot.offset]! / count;
  });
}

/**
 * Sums the per-row matrix over the rows of each group (fold or slice), in row order, so a
 * result never depends on how the rows were scored.
 *
 * @param rows - the `n × width` matrix
 * @param width - numbers per row
 * @param ids - the group of each row (-1: none), or null for one group of every row
 * @param groups - the number of groups
 * @returns per group its `width` sums, and the number of rows of each group
 * @example
 * const rows = Float64Array.of(1, 0, 1, 1); // one number per row
 * groupSums(rows, 1, Int32Array.of(0, 1, 0, -1), 2); // { sums: Float64Array [2, 0], counts: Float64Array [2, 1] }
 */
export function groupSums(
  rows: Float64Array,
  width: number,
  ids: Int32Array | Int8Array | null,
  groups: number,
): { sums: Float64Array; counts: Float64Array } {
  const sums = new Float64Array(groups * width);
  const counts = new Float64Array(groups);
  const n = rows.length / Math.max(width, 1);
  for (let i = 0; i < n; i++) {
    const g = ids === null ? 0 : ids[i]!;
    if (g < 0) continue;
    counts[g]! += 1;
    const from = i * width;
    const to = g * width;
    for (let k = 0; k < width; k++) sums[to + k]! += rows[from + k]!;
  }
  return { sums, counts };
}
