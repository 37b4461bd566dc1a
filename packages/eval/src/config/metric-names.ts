/**
 * Task metrics `assay run` reports and accepts in `evaluation.metrics` and
 * `thresholds`, named as scikit-learn's scorer strings.
 *
 * @remarks Higher is better for all of them except `log_loss` and `brier_score`
 * (and the regression errors).
 */
export const CLASSIFICATION_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'f1',
  'f1_macro',
  'f1_micro',
  'f1_weighted',
  'precision',
  'precision_macro',
  'precision_weighted',
  'recall',
  'recall_macro',
  'recall_weighted',
  'matthews_corrcoef',
  'cohen_kappa',
  'roc_auc',
  'log_loss',
  'brier_score',
] as const;

/** Regression metrics (scikit-learn names, unsigned). */
export const REGRESSION_METRICS = [
  'mean_absolute_error',
  'mean_squared_error',
  'root_mean_squared_error',
  'r2',
  'median_absolute_error',
] as const;

/**
 * Service metrics usable in thresholds, computed per model from the request
 * records (`*_ms` in milliseconds, rates in [0, 1], costs in USD).
 */
export const SERVICE_METRICS = [
  'error_rate',
  'unparseable_rate',
  'p50_latency_ms',
  'p90_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  'p50_ttft_ms',
  'p95_ttft_ms',
  'p99_ttft_ms',
  'p50_tpot_ms',
  'p95_tpot_ms',
  'output_tokens_per_s',
  'total_cost_usd',
  'cost_per_correct_usd',
] as const;

/** One of {@link CLASSIFICATION_METRICS}. */
export type ClassificationMetricName = (typeof CLASSIFICATION_METRICS)[number];
/** One of {@link REGRESSION_METRICS}. */
export type RegressionMetricName = (typeof REGRESSION_METRICS)[number];
/** One of {@link SERVICE_METRICS}. */
export type ServiceMetricName = (typeof SERVICE_METRICS)[number];

/**
 * Whether larger values of a metric are better.
 *
 * @param name - a task or service metric name
 * @returns `false` for losses, errors, latencies, costs and error rates
 * @example
 * higherIsBetter('f1_macro'); // true
 */
export function higherIsBetter(name: string): boolean {
  return (
    !/(loss|error|brier|latency|ttft|tpot|cost|rate$)/.test(name) || name === 'output_tokens_per_s'
  );
}
