import { generationGreaterIsBetter } from '@assay/runner';
import { resolveScorers } from '../config/generation-scorers.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { itemPlace } from '../datasets/item-place.js';
import { EvaluationError } from '../errors.js';
import { answerExtractor } from '../generation/extract-answer.js';
import type { TaskModule } from './task-module.js';

type GenerationConfig = Extract<RunConfig['task'], { type: 'generation' }>;

/**
 * Whether a higher value of a generation scorer is better (`ter` is an error rate; every
 * other scorer, assertions included, is higher-better).
 *
 * @param metric - the scorer's metric
 * @returns true unless the metric is lower-better
 * @example
 * generationHigherIsBetter('ter'); // false
 */
export function generationHigherIsBetter(metric: string): boolean {
  return metric === 'ter' ? generationGreaterIsBetter('ter') : true;
}

/**
 * Generation: each answer goes through the extraction chain (`task.extract`) and is scored
 * against the item's references by the task's scorers; samples of one item are combined by
 * the reducer. An answer the chain cannot read is `unparseable` (an extraction failure):
 * counted and shown, and scored as an empty answer.
 *
 * @param task - the validated `task` section
 * @returns the task module
 * @example
 * const task = generationTask({ type: 'generation', scorers: ['bleu'], extract: [], samples: 1, reducer: 'mean' });
 * task.outcome('any text', 'reference'); // 'answered'
 */
export function generationTask(task: GenerationConfig): TaskModule {
  const scorers = resolveScorers(task.scorers);
  const extract = answerExtractor(task.extract);
  const names = scorers.map((s) => s.name);
  return {
    type: 'generation',
    labels: [],
    positive: null,
    needsLabel: false,
    stratify: false,
    scored: true,
    comparesCorrectness: false,
    metricNames: names,
    logprobScoring: undefined,
    generation: { scorers, reducer: task.reducer, samples: task.samples },
    checkItems: (items) => {
      const missing = items.find((it) => it.reference === undefined);
      if (missing) {
        throw new EvaluationError(
          'MISSING_COLUMN',
          `${itemPlace(missing, true)} has no reference, which a generation task scores against; map the reference column in dataset.columns.reference, or use the built-in 'spam-assassin-subjects' data set.`,
          { path: 'dataset.columns.reference' },
        );
      }
    },
    expected: (item) => item.reference ?? null,
    references: (item) =>
      item.references ?? (item.reference === undefined ? null : [item.reference]),
    parse: extract,
    outcome: (parsed) => (parsed === null ? 'unparseable' : 'answered'),
    entersMetrics: (row) => row.outcome !== 'failed',
    defaultMetrics: () => [...names],
    labelCounts: () => ({}),
    encode: () => [],
    missingReason: () => 'no answered item',
    plots: () => null,
  };
}
