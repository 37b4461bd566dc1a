// The names alone, with no imports: part of the light `@assay/runner/options` entry that
// option parsers load at start-up.

/**
 * The metrics of `assay score --task generation`, in the order the report lists them.
 *
 * @example
 * ```ts
 * import { GENERATION_METRICS } from '@assay/runner';
 * GENERATION_METRICS.includes('chrf_pp'); // true
 * ```
 */
export const GENERATION_METRICS = [
  'exact_match',
  'token_f1',
  'bleu',
  'chrf',
  'chrf_pp',
  'ter',
  'rouge1',
  'rouge2',
  'rouge3',
  'rouge4',
  'rouge5',
  'rouge6',
  'rouge7',
  'rouge8',
  'rouge9',
  'rougeL',
  'rougeLsum',
  'levenshtein_similarity',
] as const;

/** One generation metric name (see {@link GENERATION_METRICS}). */
export type GenerationMetric = (typeof GENERATION_METRICS)[number];

/** The corpus metrics: scored from summed sacrebleu statistics, on sacrebleu's 0-100 scale. */
export type CorpusMetric = 'bleu' | 'chrf' | 'chrf_pp' | 'ter';

/** The metrics used when none are named. */
export const DEFAULT_GENERATION_METRICS: readonly GenerationMetric[] = [
  'exact_match',
  'token_f1',
  'bleu',
  'chrf',
  'rougeL',
];
