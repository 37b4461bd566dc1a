import { RunnerError } from '../errors.js';
import type { ScoreTask } from '../score/score-columns.js';
import { didYouMeanMetric } from './closest-metric.js';
import { CONFUSION_METRICS } from './confusion-metrics.js';
import type { MetricSpec } from './metric-spec.js';
import { PROBABILISTIC_METRICS } from './probabilistic-metrics.js';
import { REGRESSION_METRICS } from './regression-metrics.js';
import { RANKING_METRICS } from './score-metrics.js';

/**
 * Every metric `assay score` knows, by scikit-learn scorer name (without the
 * `neg_` prefix of losses: `log_loss`, `mae`, ...).
 */
export const METRIC_REGISTRY: ReadonlyMap<string, MetricSpec> = new Map(
  [...CONFUSION_METRICS, ...RANKING_METRICS, ...PROBABILISTIC_METRICS, ...REGRESSION_METRICS].map(
    (spec) => [spec.name, spec],
  ),
);

const ALIASES: Record<string, string> = {
  neg_log_loss: 'log_loss',
  neg_brier_score: 'brier_score',
  brier_score_loss: 'brier_score',
  neg_mean_absolute_error: 'mae',
  mean_absolute_error: 'mae',
  neg_mean_squared_error: 'mse',
  mean_squared_error: 'mse',
  neg_root_mean_squared_error: 'rmse',
  root_mean_squared_error: 'rmse',
  neg_mean_absolute_percentage_error: 'mape',
  mean_absolute_percentage_error: 'mape',
  neg_median_absolute_error: 'median_absolute_error',
  neg_max_error: 'max_error',
  top_k: 'top_k_accuracy',
};

/**
 * The registry entry of a metric name or alias (`mean_absolute_error` → `mae`,
 * `neg_log_loss` → `log_loss`), or undefined for an unknown name.
 *
 * @param name - a scikit-learn scorer name or alias
 * @returns the metric's spec
 * @example
 * metricSpec('mean_absolute_error')?.name; // 'mae'
 */
export function metricSpec(name: string): MetricSpec | undefined {
  const trimmed = name.trim();
  return METRIC_REGISTRY.get(ALIASES[trimmed] ?? trimmed);
}

/**
 * The aliases {@link resolveMetrics} accepts besides the registry's own names.
 *
 * @returns alias → registry name
 * @example
 * metricAliases().mean_absolute_error; // 'mae'
 */
export function metricAliases(): Readonly<Record<string, string>> {
  return ALIASES;
}

/**
 * The names accepted by {@link resolveMetrics}.
 *
 * @param task - restrict to one task
 * @returns metric names, sorted
 * @example
 * ```ts
 * import { metricNames } from '@assay/runner';
 * metricNames('regression'); // ['explained_variance', 'mae', 'mape', 'max_error', 'median_absolute_error', 'mse', 'r2', 'rmse']
 * ```
 */
export function metricNames(task?: ScoreTask): string[] {
  return [...METRIC_REGISTRY.values()]
    .filter((spec) => task === undefined || spec.task === task)
    .map((spec) => spec.name)
    .sort();
}

/** What the job provides, to pick defaults and reject metrics that cannot run. */
export interface AvailableInputs {
  readonly task: ScoreTask;
  readonly scores: boolean;
  readonly proba: boolean;
  readonly nClasses: number;
}

/**
 * The default metrics of a job: for classification accuracy, balanced
 * accuracy, macro F1/precision/recall and MCC (plus ROC AUC and log loss when
 * scores or probabilities are given); for regression MAE, RMSE, R² and MAPE.
 *
 * @param inputs - what the job provides
 * @returns metric names
 * @example
 * ```ts
 * import { defaultMetrics } from '@assay/runner';
 * defaultMetrics({ task: 'regression', scores: false, proba: false, nClasses: 0 }); // ['mae', 'rmse', 'r2', 'mape']
 * defaultMetrics({ task: 'classification', scores: true, proba: false, nClasses: 2 }).at(-1); // 'roc_auc'
 * ```
 */
export function defaultMetrics(inputs: AvailableInputs): string[] {
  if (inputs.task === 'regression') return ['mae', 'rmse', 'r2', 'mape'];
  const out = [
    'accuracy',
    'balanced_accuracy',
    'f1_macro',
    'precision_macro',
    'recall_macro',
    'matthews_corrcoef',
  ];
  const binary = inputs.nClasses <= 2;
  if (binary && (inputs.scores || inputs.proba)) out.push('roc_auc');
  if (!binary && inputs.proba) out.push('roc_auc_ovr');
  if (inputs.proba) out.push('log_loss');
  return out;
}

/**
 * Looks up metric names (defaults when none are given) and checks that the
 * job provides what each needs.
 *
 * @param names - requested names, or undefined/empty for the defaults
 * @param inputs - what the job provides
 * @returns the metric specs, in request order, without duplicates
 * @throws {@link RunnerError} `UNKNOWN_METRIC` listing the valid names;
 *   `INVALID_OPTION` for a metric of the other task or one whose input is missing
 * @example
 * ```ts
 * import { resolveMetrics } from '@assay/runner';
 * const inputs = { task: 'regression', scores: false, proba: false, nClasses: 0 };
 * resolveMetrics(['neg_mean_absolute_error', 'r2'], inputs).map((spec) => spec.name); // ['mae', 'r2']
 * ```
 */
export function resolveMetrics(
  names: readonly string[] | undefined,
  inputs: AvailableInputs,
): MetricSpec[] {
  const wanted = names === undefined || names.length === 0 ? defaultMetrics(inputs) : names;
  const out: MetricSpec[] = [];
  for (const raw of wanted) {
    const name = ALIASES[raw.trim()] ?? raw.trim();
    const spec = METRIC_REGISTRY.get(name);
    if (spec === undefined) {
      throw new RunnerError(
        'UNKNOWN_METRIC',
        `Unknown metric "${raw}"; valid metrics for ${inputs.task} are: ${metricNames(inputs.task).join(', ')}.${didYouMeanMetric(raw.trim(), metricNames(inputs.task))}`,
        { path: 'metrics' },
      );
    }
    if (spec.task !== inputs.task) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Metric "${name}" is a ${spec.task} metric but the task is ${inputs.task}; valid metrics for ${inputs.task} are: ${metricNames(inputs.task).join(', ')}.`,
        { path: 'metrics' },
      );
    }
    if (spec.needs === 'proba' && !inputs.proba) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Metric "${name}" needs class probabilities; pass --y-proba (yProba) with one column per class.`,
        { path: 'metrics' },
      );
    }
    if (spec.needs === 'scores' && !inputs.scores && !inputs.proba) {
      throw new RunnerError(
        'INVALID_OPTION',
        `Metric "${name}" needs scores of the positive class; pass --y-score (yScore) or, for two classes, --y-proba.`,
        { path: 'metrics' },
      );
    }
    if (!out.includes(spec)) out.push(spec);
  }
  return out;
}
