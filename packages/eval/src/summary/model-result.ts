import type { ModelResult } from '@assay/report';
import type { ModelConfig } from '../config/run-config-schema.js';
import { finiteOrNull, type PredictionRow } from '../run/prediction-row.js';
import type { ExecutedRun } from '../run/run-evaluation.js';
import type { TaskModule } from '../tasks/task-module.js';
import { httpStatusCounts } from './failure-text.js';
import { latencySample } from './latency-sample.js';
import { modelSlices } from './model-slices.js';
import { positiveClassSummary } from './positive-class.js';
import { notRepresentative } from './representativeness.js';
import { serviceStats } from './service-stats.js';
import { wrongAnswerSample } from './wrong-answers.js';

/**
 * The fewest and most choice orders one item was asked in (per fold, the data set's order
 * included), from the `permutation` of the prediction rows: `task.permutations` asks for up to
 * that many extra orders, but an item with two choices has only one other.
 *
 * @param rows - one model's prediction rows
 * @returns `{ min, max }`; null without rows
 * @example
 * ordersPerItem(rows); // { min: 1, max: 1 }: each item asked in one order
 */
export function ordersPerItem(rows: readonly PredictionRow[]): { min: number; max: number } | null {
  const orders = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = `${r.fold}\u0000${r.id}`;
    let s = orders.get(key);
    if (!s) orders.set(key, (s = new Set()));
    s.add(r.permutation ?? 0);
  }
  if (orders.size === 0) return null;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const s of orders.values()) {
    min = Math.min(min, s.size);
    max = Math.max(max, s.size);
  }
  return { min, max };
}

/**
 * One model's part of `results.json`: answer counts, the reported metrics, the positive
 * class's precision, recall and false-positive rate (binary tasks), confusion matrix and
 * curves, latency samples, service statistics, slices and wrong answers.
 *
 * @param run - the executed run
 * @param model - the model's configuration
 * @param rows - the model's prediction rows
 * @param scores - every task metric scored for the model
 * @param metrics - the reported metrics
 * @param task - the task module
 * @returns the model's result
 */
export function modelResult(
  run: ExecutedRun,
  model: ModelConfig,
  rows: readonly PredictionRow[],
  scores: ModelResult['metrics'],
  metrics: readonly string[],
  task: TaskModule,
): ModelResult {
  const count = (o: PredictionRow['outcome']): number => rows.filter((r) => r.outcome === o).length;
  const correct = count('correct');
  const answered = rows.filter((r) => r.outcome !== 'failed' && r.expected !== null);
  const plots = task.plots(answered);
  const req = run.requests.get(model.name)!;
  const reported = Object.fromEntries(metrics.map((name) => [name, scores[name]!]));
  const result: ModelResult = {
    name: model.name,
    provider: model.provider,
    model: model.model,
    items: {
      total: rows.length,
      scored: answered.length,
      correct,
      wrong: count('wrong'),
      unparseable: count('unparseable'),
      failed: count('failed'),
      distinct: new Set(answered.map((r) => r.id)).size,
    },
    metrics: reported,
    confusion: plots?.confusion ?? null,
    ...(plots?.confusionNote === undefined ? {} : { confusionNote: plots.confusionNote }),
    rocCurve: plots?.roc
      ? { ...plots.roc, auc: reported.roc_auc?.value ?? finiteOrNull(plots.roc.auc) }
      : null,
    calibration: plots?.calibration ?? null,
    latencySample: latencySample(req.outcomes, (o) => o.e2eMs),
    ttftSample: latencySample(req.outcomes, (o) => o.ttftMs),
    service: serviceStats(req.outcomes, {
      resumed: req.resumed,
      sent: req.sent,
      cached: req.cached,
      correct,
      sendingMs: req.sendingMs,
      sentOutputTokens: req.sentOutputTokens,
      sentAnswered: req.sentAnswered,
      notRetriedBudget: req.notRetriedBudget ?? 0,
      ...(req.earlierSending === undefined ? {} : { earlierSending: req.earlierSending }),
    }),
    slices: modelSlices(rows, task.type === 'regression'),
    wrongAnswers: wrongAnswerSample(
      rows,
      run.items,
      run.config.output.wrongSamples,
      task.type === 'regression',
      task.shownOrder?.bind(task),
    ),
  };
  Object.assign(result, task.resultFields?.(rows));
  if (result.multipleChoice !== undefined) {
    const orders = ordersPerItem(rows);
    if (orders !== null)
      result.multipleChoice = { ...result.multipleChoice, ordersPerItem: orders };
  }
  const positiveClass = positiveClassSummary(task, scores);
  if (positiveClass) result.positiveClass = positiveClass;
  result.notRepresentative = notRepresentative(
    result,
    run.config.evaluation,
    httpStatusCounts(req.outcomes),
  );
  return result;
}
