import { RunnerError } from '../errors.js';
import { didYouMeanMetric } from '../metrics/closest-metric.js';

import {
  type CorpusMetric,
  DEFAULT_GENERATION_METRICS,
  GENERATION_METRICS,
  type GenerationMetric,
} from './generation-metric-names.js';

export { type CorpusMetric, DEFAULT_GENERATION_METRICS, GENERATION_METRICS, type GenerationMetric };

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
        `Unknown generation metric "${name}"; the generation metrics are: ${GENERATION_METRICS.join(', ')}.${didYouMeanMetric(name, GENERATION_METRICS)}`,
        { path: 'metrics' },
      );
    }
    if (!out.includes(name as GenerationMetric)) out.push(name as GenerationMetric);
  }
  return out;
}
