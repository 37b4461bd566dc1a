import { didYouMean } from '@assay/labels';
import { METRIC_REGISTRY, metricAliases, metricSpec } from '@assay/runner';

/** What a run can give a metric: labels always, one score per item for binary tasks. */
const RUN_INPUTS: ReadonlySet<string> = new Set(['labels', 'scores', 'values']);

function taskMetrics(task: 'classification' | 'regression'): readonly string[] {
  const names = [...METRIC_REGISTRY.values()]
    .filter((spec) => spec.task === task && RUN_INPUTS.has(spec.needs))
    .map((spec) => spec.name);
  // `neg_*` names stay out: a run reports a loss as it is (see negatedScorerProblem)
  const aliases = Object.entries(metricAliases())
    .filter(([alias, name]) => names.includes(name) && !alias.startsWith('neg_'))
    .map(([alias]) => alias);
  return [...names, ...aliases].sort();
}

/**
 * Why a scikit-learn `neg_*` scorer name (`neg_mean_absolute_error`) is refused in
 * `evaluation.metrics` and `thresholds`, or undefined for any other name.
 *
 * @remarks
 * scikit-learn negates losses so that larger is always better; `assay run` reports a loss as
 * it is, lower is better. Accepted as an alias, `neg_mean_absolute_error` held the positive
 * MAE under a name that says it is negative, and `neg_mean_absolute_error >= -10` passed for
 * a model with an MAE of 18. (`assay score` accepts the aliases: its report names the metric
 * by its canonical, positive name.)
 *
 * @param name - the metric as written
 * @param allowed - the task's metric names
 * @returns the message, naming the positive metric to write instead
 * @example
 * negatedScorerProblem('neg_mean_absolute_error', REGRESSION_METRICS); // "'neg_mean_absolute_error' is scikit-learn's …"
 */
export function negatedScorerProblem(name: string, allowed: readonly string[]): string | undefined {
  if (!name.startsWith('neg_')) return undefined;
  const canonical = metricAliases()[name];
  if (canonical === undefined || !allowed.includes(canonical)) return undefined;
  const plain = allowed.includes(name.slice(4)) ? name.slice(4) : canonical;
  return `'${name}' is scikit-learn's negated scorer (larger is better); assay run reports ${plain} as it is (lower is better), so a neg_ name would carry a value of the wrong sign: write '${plain}' (in thresholds e.g. '${plain} <= 0.5')`;
}

/**
 * Task metrics `assay run` accepts in `evaluation.metrics` and `thresholds` for a
 * classification task: every metric of `@assay/runner`'s registry that needs labels or
 * (binary tasks with `params.logprobs`) one score per item, by scikit-learn scorer name,
 * and their aliases (`neg_log_loss`, `brier_score_loss`, ...). The same vocabulary as
 * `assay score`.
 */
export const CLASSIFICATION_METRICS: readonly string[] = taskMetrics('classification');

/** Regression metrics `assay run` accepts: the registry's, with aliases (`mean_absolute_error` = `mae`). */
export const REGRESSION_METRICS: readonly string[] = taskMetrics('regression');

/**
 * Metrics of a multiple-choice task: `accuracy` (share of answers, every choice order of
 * every item, that pick the correct choice; an unparseable answer counts as wrong) and
 * `position_bias_rate` (share of the items asked in several orders whose picked choice
 * changes with the order; needs `task.permutations` of 1 or more). Lower is better for the
 * latter.
 *
 * @example
 * MULTIPLE_CHOICE_METRICS.includes('position_bias_rate'); // true
 */
export const MULTIPLE_CHOICE_METRICS: readonly string[] = ['accuracy', 'position_bias_rate'];

/** Task metrics computed by a task module rather than the runner's registry, with their direction. */
const TASK_OWN_DIRECTIONS: Readonly<Record<string, boolean>> = { position_bias_rate: false };

/**
 * Service metrics usable in thresholds, computed per model from the request
 * records (`*_ms` in milliseconds, rates in [0, 1], costs in USD), with whether
 * larger values are better.
 */
const SERVICE_DIRECTIONS = {
  error_rate: false,
  unparseable_rate: false,
  p50_latency_ms: false,
  p90_latency_ms: false,
  p95_latency_ms: false,
  p99_latency_ms: false,
  p50_ttft_ms: false,
  p95_ttft_ms: false,
  p99_ttft_ms: false,
  p50_tpot_ms: false,
  p95_tpot_ms: false,
  requests_per_s: true,
  output_tokens_per_s: true,
  decode_tokens_per_s: true,
  total_cost_usd: false,
  cost_per_correct_usd: false,
} as const;

/** One service metric name. */
export type ServiceMetricName = keyof typeof SERVICE_DIRECTIONS;

/** Service metrics usable in thresholds. */
export const SERVICE_METRICS = Object.keys(SERVICE_DIRECTIONS) as readonly ServiceMetricName[];

/**
 * Service metrics that some task types can never give a value, with the types that can and
 * why: a threshold on one of them would be checked only after every request was paid for, and
 * fail with "has no value in this run".
 */
const SERVICE_METRIC_TASKS: Readonly<
  Partial<
    Record<
      ServiceMetricName,
      { readonly tasks: readonly string[]; readonly why: string; readonly instead: string }
    >
  >
> = {
  cost_per_correct_usd: {
    tasks: ['classification', 'regression', 'multiple-choice'],
    why: 'it divides the total cost by the number of correct answers, and a generation answer is scored, never marked correct or wrong',
    instead: 'gate the cost with total_cost_usd instead',
  },
};

/**
 * Why a service metric can never have a value for a task type, or undefined when it can.
 *
 * @param metric - a service metric (any other name gives undefined)
 * @param taskType - `task.type`
 * @returns the problem, naming the task types that have the metric and what to gate instead
 * @example
 * serviceMetricTaskProblem('cost_per_correct_usd', 'generation');
 * // "cost_per_correct_usd never has a value for a generation task: it divides …"
 */
export function serviceMetricTaskProblem(metric: string, taskType: unknown): string | undefined {
  const rule = SERVICE_METRIC_TASKS[metric as ServiceMetricName];
  if (rule === undefined || typeof taskType !== 'string' || rule.tasks.includes(taskType)) {
    return undefined;
  }
  return `${metric} never has a value for a ${taskType} task: ${rule.why}; it is reported for ${rule.tasks.join(', ')} tasks; ${rule.instead}, or drop this threshold`;
}

/**
 * The service metrics a task type can give a value, for the list of valid metrics an error
 * offers: a generation task has no correct answers, so `cost_per_correct_usd` is left out there.
 *
 * @param taskType - `task.type` (anything else gives every service metric)
 * @returns the service metrics, in {@link SERVICE_METRICS} order
 * @example
 * serviceMetricsOf('generation').includes('cost_per_correct_usd'); // false
 * serviceMetricsOf('classification').includes('cost_per_correct_usd'); // true
 */
export function serviceMetricsOf(taskType: unknown): ServiceMetricName[] {
  return SERVICE_METRICS.filter((m) => serviceMetricTaskProblem(m, taskType) === undefined);
}

/**
 * Whether larger values of a metric are better: from the metric registry for task
 * metrics (`greaterIsBetter`), from the service table for service metrics.
 *
 * @param name - a task metric (or alias) or a service metric
 * @returns `false` for losses, errors, latencies, costs and error rates; `true` for an
 *   unknown name
 * @example
 * higherIsBetter('f1_macro'); // true
 * higherIsBetter('mean_absolute_error'); // false
 */
export function higherIsBetter(name: string): boolean {
  if (name in SERVICE_DIRECTIONS) return SERVICE_DIRECTIONS[name as ServiceMetricName];
  if (Object.hasOwn(TASK_OWN_DIRECTIONS, name)) return TASK_OWN_DIRECTIONS[name]!;
  // the one lower-better generation scorer (an edit rate), unknown to the runner's registry
  if (name === 'ter') return false;
  return metricSpec(name)?.greaterIsBetter ?? true;
}

/**
 * Common abbreviations of metric names, too far from the name for a spelling match
 * (`mcc` is no misspelling of `matthews_corrcoef`), and the name each most likely means.
 */
const METRIC_ABBREVIATIONS: Readonly<Record<string, string>> = {
  mcc: 'matthews_corrcoef',
  matthews: 'matthews_corrcoef',
  auc: 'roc_auc',
  auroc: 'roc_auc',
  roc: 'roc_auc',
  ap: 'average_precision',
  auprc: 'average_precision',
  pr_auc: 'average_precision',
  kappa: 'cohen_kappa',
  f1: 'f1_macro',
  macro_f1: 'f1_macro',
  micro_f1: 'f1_micro',
  weighted_f1: 'f1_weighted',
  acc: 'accuracy',
  bacc: 'balanced_accuracy',
  r_squared: 'r2',
  latency: 'p95_latency_ms',
  ttft: 'p95_ttft_ms',
  tpot: 'p95_tpot_ms',
  cost: 'total_cost_usd',
};

/**
 * "did you mean" for an unknown metric name: the name a common abbreviation stands for
 * (`mcc` → `matthews_corrcoef`, `auc` → `roc_auc`, `f1` → `f1_macro` where `f1` itself is not
 * valid), when that name is valid here; otherwise the closest spelling ({@link didYouMean}).
 *
 * @param name - the metric as written
 * @param valid - the metric names valid here
 * @param rest - what follows, e.g. `expected one of accuracy, f1_macro`
 * @returns `did you mean 'x'? Expected ...`, or `rest` unchanged when nothing fits
 * @example
 * metricDidYouMean('mcc', CLASSIFICATION_METRICS, 'expected …'); // "did you mean 'matthews_corrcoef'? Expected …"
 */
export function metricDidYouMean(name: string, valid: readonly string[], rest: string): string {
  const meant = METRIC_ABBREVIATIONS[name.toLowerCase()];
  if (meant !== undefined && valid.includes(meant) && !valid.includes(name)) {
    return `did you mean '${meant}'? ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  }
  return didYouMean(name, valid, rest);
}
