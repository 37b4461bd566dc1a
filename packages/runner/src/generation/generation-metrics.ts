import { RunnerError } from '../errors.js';
import { didYouMeanMetric } from '../metrics/closest-metric.js';

import {
  type CorpusMetric,
  DEFAULT_GENERATION_METRICS,
  GENERATION_METRICS,
  type GenerationMetric,
} from './generation-metric-names.js';

export { type CorpusMetric, DEFAULT_GENERATION_METRICS, GENERATION_METRICS, type GenerationMetric };

/**
 * Other tools' spellings of a generation metric, keyed case-blind and without `_`, `-`, `.`
 * or spaces: sacrebleu and papers write chrF++, which the edit-distance suggestion would
 * take for `chrf` (two edits from either), though it means `chrf_pp`.
 */
const SPELLINGS: ReadonlyMap<string, GenerationMetric> = new Map([
  ['chrf++', 'chrf_pp'],
  ['chrfpp', 'chrf_pp'],
  ['chrfplusplus', 'chrf_pp'],
]);

/**
 * The sentence that ends an unknown generation metric's message: another tool's spelling
 * named by this tool's name (`chrF++` → `chrf_pp`), else the nearest name, else nothing.
 *
 * @param name - the name as written
 * @returns ` Did you mean "chrf_pp"?`, or an empty string
 * @example
 * generationMetricSuggestion('chrF++'); // ' Did you mean "chrf_pp"?'
 * generationMetricSuggestion('rouge_l'); // ' Did you mean "rougeL"?'
 */
export function generationMetricSuggestion(name: string): string {
  const spelled = SPELLINGS.get(name.toLowerCase().replace(/[\s._-]/g, ''));
  return spelled === undefined
    ? didYouMeanMetric(name, GENERATION_METRICS)
    : ` Did you mean "${spelled}"?`;
}

const CORPUS: ReadonlySet<string> = new Set<CorpusMetric>(['bleu', 'chrf', 'chrf_pp', 'ter']);

/**
 * Whether a metric is a corpus metric (its value comes from statistics summed over the
 * rows, not from a mean of per-row values).
 *
 * @param name - a generation metric
 * @returns true for `bleu`, `chrf`, `chrf_pp`, `ter`
 * @example
 * isCorpusMetric('ter'); // true
 */
export function isCorpusMetric(name: GenerationMetric): name is CorpusMetric {
  return CORPUS.has(name);
}

/**
 * Whether a generation metric is better when greater (every one but `ter`).
 *
 * @param name - a generation metric
 * @returns false only for `ter`
 * @example
 * generationGreaterIsBetter('bleu'); // true
 */
export function generationGreaterIsBetter(name: GenerationMetric): boolean {
  return name !== 'ter';
}

/**
 * Checks metric names against {@link GENERATION_METRICS}.
 *
 * @param names - the requested names, or undefined for the default set
 * @returns the names, each once, in the order given
 * @throws {@link RunnerError} `UNKNOWN_METRIC` naming the unknown metric and listing the
 *   known ones; `INVALID_OPTION` for an empty list
 * @example
 * resolveGenerationMetrics(['bleu', 'rougeL']); // ['bleu', 'rougeL']
 */
export function resolveGenerationMetrics(names: readonly string[] | undefined): GenerationMetric[] {
  if (names === undefined) return [...DEFAULT_GENERATION_METRICS];
  if (names.length === 0) {
    throw new RunnerError(
      'INVALID_OPTION',
      `metrics is empty; name at least one of ${GENERATION_METRICS.join(', ')}.`,
      { path: 'metrics' },
    );
  }
  const known: ReadonlySet<string> = new Set(GENERATION_METRICS);
  const out: GenerationMetric[] = [];
  for (const name of names) {
    if (!known.has(name)) {
      throw new RunnerError(
        'UNKNOWN_METRIC',
        `Unknown generation metric "${name}"; the generation metrics are: ${GENERATION_METRICS.join(', ')}.${generationMetricSuggestion(name)}`,
        { path: 'metrics' },
      );
    }
    if (!out.includes(name as GenerationMetric)) out.push(name as GenerationMetric);
  }
  return out;
}
