import { REGRESSION_METRICS } from '../config/metric-names.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { itemPlace } from '../datasets/item-place.js';
import { EvaluationError } from '../errors.js';
import {
  type AnswerSpec,
  capturedAnswer,
  firstNumber,
  wholeNumber,
} from '../prompt/parse-answer.js';
import { itemClusters } from './item-clusters.js';
import type { TaskModule } from './task-module.js';

type RegressionConfig = Extract<RunConfig['task'], { type: 'regression' }>;

/**
 * The number a regression answer gives, by `task.answer.extract`: `number` (the default) its
 * first number; `regex` the first number in the pattern's capture (`Answer:\s*(.+)` for an
 * answer that reasons first); `exact` the whole answer, which must be one number.
 *
 * @param text - the answer
 * @param spec - `task.answer`
 * @returns the number as a decimal string, or null (unparseable)
 * @example
 * regressionAnswer('Step 1: 12 + 30 = 42. Answer: 42', { extract: 'regex', pattern: 'Answer:\\s*(.+)', caseSensitive: false, trim: true }); // '42'
 */
export function regressionAnswer(text: string, spec: AnswerSpec): string | null {
  if (spec.extract === 'exact') return wholeNumber(text);
  if (spec.extract === 'regex') {
    const captured = capturedAnswer(text, spec);
    return captured === null ? null : firstNumber(captured);
  }
  return firstNumber(text);
}

/**
 * Regression: the answer's number is the prediction ({@link regressionAnswer}); an answer
 * without one is `unparseable` and left out of the error metrics (counted in
 * `items.unparseable`).
 *
 * @param task - the config's `task` section
 * @returns the task module
 * @example
 * regressionTask({ type: 'regression', answer: { extract: 'number', caseSensitive: false, trim: true } }).parse('about 4.5'); // '4.5'
 */
export function regressionTask(task: RegressionConfig): TaskModule {
  return {
    type: 'regression',
    labels: [],
    positive: null,
    needsLabel: true,
    stratify: false,
    scored: true,
    comparesCorrectness: false,
    metricNames: REGRESSION_METRICS,
    logprobScoring: undefined,
    checkItems(items) {
      const bad = items.find((it) => !Number.isFinite(Number(it.label)));
      if (bad) {
        throw new EvaluationError(
          'NON_NUMERIC_VALUE',
          `${itemPlace(bad, true)} has a non-numeric target '${bad.label}'; a regression target is a number (dataset.columns.label).`,
          { path: 'dataset.columns.label' },
        );
      }
    },
    references: () => null,
    expected: (item) => item.label ?? null,
    parse: (text) => regressionAnswer(text, task.answer),
    outcome(parsed, expected) {
      if (parsed === null) return 'unparseable';
      return Number(parsed) === Number(expected) ? 'correct' : 'wrong';
    },
    entersMetrics: (row) => row.parsed !== null && row.expected !== null,
    defaultMetrics: () => ['mean_absolute_error', 'root_mean_squared_error', 'r2'],
    labelCounts: () => ({}),
    encode(rows, metrics) {
      const numeric = rows.filter((r) => r.parsed !== null && r.expected !== null);
      if (numeric.length === 0 || metrics.length === 0) return [];
      return [
        {
          input: {
            yTrue: Float64Array.from(numeric, (r) => Number(r.expected)),
            yPred: Float64Array.from(numeric, (r) => Number(r.parsed)),
          },
          foldIds: Int32Array.from(numeric, (r) => r.fold),
          clusterIds: itemClusters(numeric),
          task: 'regression',
          metrics,
        },
      ];
    },
    missingReason: (_metric, rows) =>
      rows.some((r) => r.expected !== null)
        ? 'no answer had a number'
        : 'no answered item to score',
    plots: () => null,
  };
}
