import { calibrationCurve, rocAucScore, rocCurve } from '@assay/core-metrics';
import { CONFUSION_MATRIX_CLASS_LIMIT, metricSpec } from '@assay/runner';
import { CLASSIFICATION_METRICS } from '../config/metric-names.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { parseAnswer } from '../prompt/parse-answer.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { calibrationPoints } from './calibration-points.js';
import { itemClusters } from './item-clusters.js';
import type { ClassificationPlots, ScoringPass, TaskModule } from './task-module.js';
import { unlistedLabelsMessage } from './unlisted-labels.js';

type ClassificationConfig = Extract<RunConfig['task'], { type: 'classification' }>;

const DEFAULT_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'precision_macro',
  'recall_macro',
];

/** Label code of an answer that matches no task label (a class outside the runner's `labels`). */
const UNPARSEABLE = -1;

/**
 * Metrics of one positive label (`f1_score(..., labels=[pos], average=None)`, and the
 * share of the other items predicted positive).
 */
const POSITIVE_LABEL_METRICS = new Set([
  'f1',
  'precision',
  'recall',
  'jaccard',
  'false_positive_rate',
]);

function positiveLabelMetric(name: string): boolean {
  return POSITIVE_LABEL_METRICS.has(metricSpec(name)?.name ?? name);
}

function readsScores(name: string): boolean {
  return metricSpec(name)?.needs === 'scores';
}

/**
 * Label codes for the runner. Binary: the positive label is `1`, the other `0`;
 * multiclass: the task label's index; an answer that matches no label is `-1`, a
 * predicted class outside the runner's `labels` option.
 */
function labelCoder(labels: readonly string[], positive: number): (l: string | null) => number {
  if (labels.length === 2) {
    return (l) => (l === labels[positive] ? 1 : l === labels[1 - positive] ? 0 : UNPARSEABLE);
  }
  return (l) => {
    const i = l === null ? -1 : labels.indexOf(l);
    return i < 0 ? UNPARSEABLE : i;
  };
}

function encodeRows(
  rows: readonly PredictionRow[],
  metrics: readonly string[],
  labels: readonly string[],
  positive: number,
): ScoringPass[] {
  const kept = rows.filter((r) => r.expected !== null);
  if (kept.length === 0 || metrics.length === 0) return [];
  const binary = labels.length === 2;
  const code = labelCoder(labels, positive);
  const yTrue = Int32Array.from(kept, (r) => code(r.expected));
  const yPred = Int32Array.from(kept, (r) => code(r.parsed));
  const foldIds = Int32Array.from(kept, (r) => r.fold);
  const clusterIds = itemClusters(kept);
  const scored = binary && kept.every((r) => r.score !== null);
  const passes: ScoringPass[] = [];
  const main = metrics.filter(
    (m) => (binary || !positiveLabelMetric(m)) && (scored || !readsScores(m)),
  );
  if (main.length > 0) {
    passes.push({
      input: scored
        ? { yTrue, yPred, yScore: Float64Array.from(kept, (r) => r.score!) }
        : { yTrue, yPred },
      foldIds,
      clusterIds,
      task: 'classification',
      labels: binary ? [1, 0] : labels.map((_, i) => i),
      metrics: main,
    });
  }
  const oneVsRest = binary ? [] : metrics.filter(positiveLabelMetric);
  if (oneVsRest.length > 0) {
    // the positive label against the rest: the same tp, predicted and support counts
    const ovr = (c: number) => (c === UNPARSEABLE ? UNPARSEABLE : c === positive ? 1 : 0);
    passes.push({
      input: { yTrue: yTrue.map(ovr), yPred: yPred.map(ovr) },
      foldIds,
      clusterIds,
      task: 'classification',
      labels: [1, 0],
      metrics: oneVsRest,
    });
  }
  return passes;
}

function plotsOf(
  rows: readonly PredictionRow[],
  labels: readonly string[],
  positive: string,
): ClassificationPlots {
  const confusion = labels.length > CONFUSION_MATRIX_CLASS_LIMIT ? null : confusionOf(rows, labels);
  const confusionNote =
    confusion === null
      ? {
          confusionNote: `${labels.length} labels are more than the confusion-matrix limit of ${CONFUSION_MATRIX_CLASS_LIMIT}: the matrix is left out of results.json and the report; the metrics are computed from per-label counts.`,
        }
      : {};
  const plots = plotsWithCurves(rows, labels, positive, confusion);
  return { ...plots, ...confusionNote };
}

function confusionOf(
  rows: readonly PredictionRow[],
  labels: readonly string[],
): NonNullable<ClassificationPlots['confusion']> {
  const columns = [...labels, 'unparseable'];
  const index = new Map(columns.map((l, i) => [l, i]));
  const matrix = labels.map(() => columns.map(() => 0));
  for (const r of rows) {
    const t = index.get(r.expected ?? '');
    if (t === undefined || t >= labels.length) continue;
    matrix[t]![r.parsed === null ? labels.length : (index.get(r.parsed) ?? labels.length)]!++;
  }
  return { labels: columns, matrix };
}

function plotsWithCurves(
  rows: readonly PredictionRow[],
  labels: readonly string[],
  positive: string,
  confusion: ClassificationPlots['confusion'],
): ClassificationPlots {
  const withScore = rows.filter((r) => r.score !== null);
  if (labels.length !== 2 || withScore.length === 0 || withScore.length !== rows.length) {
    return { confusion, roc: null, calibration: null };
  }
  const isPositive = withScore.map((r) => r.expected === positive);
  const scores = withScore.map((r) => r.score!);
  const y01 = isPositive.map((p) => (p ? 1 : 0));
  let roc: ClassificationPlots['roc'] = null;
  if (y01.includes(0) && y01.includes(1)) {
    const curve = rocCurve(y01, scores);
    roc = { fpr: Array.from(curve.fpr), tpr: Array.from(curve.tpr), auc: rocAucScore(y01, scores) };
  }
  const cal = calibrationCurve(y01, scores, { nBins: 10 });
  const calibration = {
    meanPredicted: Array.from(cal.probPred),
    fractionPositive: Array.from(cal.probTrue),
    counts: [] as number[],
  };
  // bin counts (for tooltips) from the same uniform bins; dropped if an edge case made the
  // non-empty bins differ from scikit-learn's
  const counts = calibrationPoints(isPositive, scores, 10).counts;
  if (counts.length === calibration.meanPredicted.length) calibration.counts = counts;
  return { confusion, roc, calibration };
}

/**
 * Classification: the answer is parsed to one of `task.labels` (`unparseable` when it
 * matches none) and judged against the item's label; scores (P(positive label) from
 * log-probabilities) exist for binary tasks.
 *
 * @param task - the config's `task` section
 * @returns the task module
 * @example
 * classificationTask({ type: 'classification', labels: ['spam', 'ham'], answer: { extract: 'first-label', caseSensitive: false, trim: true } }).parse('SPAM.'); // 'spam'
 */
export function classificationTask(task: ClassificationConfig): TaskModule {
  const labels = task.labels;
  const positive = task.positiveLabel ?? labels[0]!;
  const positiveIndex = Math.max(0, labels.indexOf(positive));
  return {
    type: 'classification',
    labels,
    positive,
    needsLabel: true,
    stratify: true,
    scored: true,
    comparesCorrectness: true,
    metricNames: CLASSIFICATION_METRICS,
    logprobScoring: labels.length === 2 ? { labels, positive } : undefined,
    checkItems(items) {
      const message = unlistedLabelsMessage(labels, items);
      if (message !== undefined) {
        throw new EvaluationError('INVALID_CONFIG', message, { path: 'task.labels' });
      }
    },
    references: () => null,
    expected: (item) => item.label ?? null,
    parse: (text) => parseAnswer(text, labels, task.answer).value,
    outcome(parsed, expected) {
      if (parsed === null) return 'unparseable';
      return parsed === expected ? 'correct' : 'wrong';
    },
    entersMetrics: (row) => row.expected !== null,
    defaultMetrics(rows) {
      const scored = rows.some((r) => r.score !== null);
      return labels.length === 2 && scored
        ? [...DEFAULT_METRICS, 'roc_auc', 'log_loss', 'brier_score']
        : [...DEFAULT_METRICS];
    },
    labelCounts(items) {
      const counts: Record<string, number> = {};
      for (const it of items)
        if (it.label !== undefined) counts[it.label] = (counts[it.label] ?? 0) + 1;
      return counts;
    },
    encode: (rows, metrics) => encodeRows(rows, metrics, labels, positiveIndex),
    missingReason(metric, rows) {
      const kept = rows.filter((r) => r.expected !== null);
      if (kept.length === 0) return 'no answered item to score';
      if (!readsScores(metric)) return 'not computed for this task';
      if (labels.length !== 2) return 'needs scores, which assay run has for binary tasks only';
      const unscored = kept.filter((r) => r.score === null).length;
      return unscored === kept.length
        ? 'needs scores: set params.logprobs: true (and a model that returns log-probabilities)'
        : `needs a score for every answer, but ${unscored} of ${kept.length} have none`;
    },
    plots: (rows) => plotsOf(rows, labels, positive),
  };
}
