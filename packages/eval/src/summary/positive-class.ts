import type { MetricSummary, PositiveClassSummary } from '@assay/report';
import type { TaskModule } from '../tasks/task-module.js';

/** The runner metrics behind `models[].positiveClass`, in its order. */
const POSITIVE_CLASS_METRICS = ['precision', 'recall', 'false_positive_rate'] as const;

/**
 * The metrics to score besides the reported ones so that a binary classification task can
 * show its positive class's precision, recall and false-positive rate.
 *
 * @param task - the task module
 * @returns the runner metric names; empty unless the task is binary classification
 * @example
 * positiveClassMetrics(taskFor(config.task)); // ['precision', 'recall', 'false_positive_rate']
 */
export function positiveClassMetrics(task: TaskModule): readonly string[] {
  return task.type === 'classification' && task.labels.length === 2 ? POSITIVE_CLASS_METRICS : [];
}

/**
 * A model's `positiveClass` entry of `results.json`, from the metrics scored on the runner.
 *
 * @param task - the task module
 * @param scores - every metric scored for the model
 * @returns the positive label with its precision, recall and false-positive rate, or
 *   undefined when the task is not binary classification
 * @example
 * const task = taskFor(config.task);
 * const runner = createRunner();
 * const scores = await scoreModelOnPool(runner, rows, task, positiveClassMetrics(task), { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 });
 * await runner.close();
 * positiveClassSummary(task, scores)?.recall.value; // 1
 */
export function positiveClassSummary(
  task: TaskModule,
  scores: Readonly<Record<string, MetricSummary>>,
): PositiveClassSummary | undefined {
  if (positiveClassMetrics(task).length === 0 || task.positive === null) return undefined;
  const [precision, recall, falsePositiveRate] = POSITIVE_CLASS_METRICS.map((m) => scores[m]);
  if (!precision || !recall || !falsePositiveRate) return undefined;
  return { label: task.positive, precision, recall, falsePositiveRate };
}
