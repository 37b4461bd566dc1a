import { closestName } from '@assay/labels';
import { judgeMetricNames, judgeMetricProblem } from '../judges/judge-config-checks.js';
import { generationMetricNames } from './generation-scorers.js';
import { arr, type Loose, obj } from './loose-read.js';
import {
  CLASSIFICATION_METRICS,
  MULTIPLE_CHOICE_METRICS,
  metricDidYouMean,
  negatedScorerProblem,
  REGRESSION_METRICS,
  SERVICE_METRICS,
  serviceMetricsOf,
  serviceMetricTaskProblem,
} from './metric-names.js';
import { scoreThresholdChecks } from './score-threshold-checks.js';
import { thresholdFormProblem } from './threshold-form-checks.js';
import { thresholdRangeProblem } from './threshold-range-checks.js';
import { parseThreshold } from './thresholds.js';

/** Reports one problem of the configuration at a path. */
type AddIssue = (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;

const KNOWN_THRESHOLD_METRICS = new Set<string>([
  ...CLASSIFICATION_METRICS,
  ...REGRESSION_METRICS,
  ...MULTIPLE_CHOICE_METRICS,
  ...SERVICE_METRICS,
]);

/** The metrics a task reports, and whether its type is known at all. */
interface TaskMetrics {
  readonly type: unknown;
  readonly known: boolean;
  readonly allowed: readonly string[];
}

const TASK_TYPES = ['classification', 'regression', 'generation', 'multiple-choice'];

function taskMetrics(task: Loose): TaskMetrics {
  // a misspelt type is checked as the type it most likely meant (its own error says which),
  // so the metric names are checked in the same round, not only once the type is fixed
  const type =
    typeof task.type === 'string' && !TASK_TYPES.includes(task.type)
      ? (closestName(task.type, TASK_TYPES) ?? task.type)
      : task.type;
  const allowed: readonly string[] =
    type === 'classification'
      ? CLASSIFICATION_METRICS
      : type === 'regression'
        ? REGRESSION_METRICS
        : type === 'multiple-choice'
          ? MULTIPLE_CHOICE_METRICS
          : generationMetricNames(task);
  const known = typeof type === 'string' && TASK_TYPES.includes(type);
  return { type, known, allowed };
}

function modelNameChecks(c: Loose, add: AddIssue): void {
  const seen = new Map<string, number>();
  arr(c.models).forEach((m, i) => {
    const name = obj(m).name;
    if (typeof name !== 'string') return;
    const prev = seen.get(name);
    if (prev !== undefined) {
      add({
        code: 'custom',
        path: ['models', i, 'name'],
        message: `duplicate model name '${name}' (also models[${prev}].name); names must be distinct`,
      });
    } else seen.set(name, i);
  });
}

function metricListChecks(c: Loose, t: TaskMetrics, add: AddIssue): void {
  arr(obj(c.evaluation).metrics).forEach((m, i) => {
    if (t.known && typeof m === 'string' && !t.allowed.includes(m)) {
      add({
        code: 'custom',
        path: ['evaluation', 'metrics', i],
        message:
          negatedScorerProblem(m, t.allowed) ??
          `unknown metric '${m}' for a ${String(t.type)} task; ${metricDidYouMean(m, t.allowed, `expected one of ${t.allowed.join(', ')}`)}`,
      });
    }
  });
}

function thresholdChecks(c: Loose, t: TaskMetrics, add: AddIssue): void {
  // judge_score / judge_kappa when the run has a judge (and a human grade column)
  const judged = judgeMetricNames(c);
  arr(c.thresholds).forEach((text, i) => {
    if (typeof text !== 'string') return;
    const parsed = parseThreshold(text);
    if (!parsed.ok) {
      add({ code: 'custom', path: ['thresholds', i], message: parsed.message });
      return;
    }
    const metric = parsed.threshold.metric;
    const isService = (SERVICE_METRICS as readonly string[]).includes(metric);
    const formProblem = thresholdFormProblem(parsed.threshold, c);
    if (formProblem !== undefined) {
      add({ code: 'custom', path: ['thresholds', i], message: formProblem });
    }
    const rangeProblem = thresholdRangeProblem(parsed.threshold, c);
    if (rangeProblem !== undefined) {
      add({ code: 'custom', path: ['thresholds', i], message: rangeProblem });
    }
    const taskProblem = isService ? serviceMetricTaskProblem(metric, t.type) : undefined;
    if (taskProblem !== undefined) {
      add({ code: 'custom', path: ['thresholds', i], message: `'${text}': ${taskProblem}` });
    }
    if (judged.includes(metric)) return;
    const judgeProblem = judgeMetricProblem(metric, c);
    if (judgeProblem !== undefined) {
      add({ code: 'custom', path: ['thresholds', i], message: judgeProblem });
      return;
    }
    if (
      (!t.known && !KNOWN_THRESHOLD_METRICS.has(metric)) ||
      (t.known && !isService && !t.allowed.includes(metric))
    ) {
      // only what the task can report: cost_per_correct_usd is no choice for free text
      const services = t.known ? serviceMetricsOf(t.type) : SERVICE_METRICS;
      const valid = t.known ? [...t.allowed, ...judged, ...services] : [...KNOWN_THRESHOLD_METRICS];
      add({
        code: 'custom',
        path: ['thresholds', i],
        message:
          negatedScorerProblem(metric, t.allowed) ??
          `unknown metric '${metric}'; ${metricDidYouMean(metric, valid, `expected a task metric (${[...t.allowed, ...judged].join(', ') || 'none'}) or a service metric (${services.join(', ')})`)}`,
      });
    }
  });
}

function columnChecks(c: Loose, t: TaskMetrics, add: AddIssue): void {
  const dataset = obj(c.dataset);
  const columns = obj(dataset.columns);
  if (obj(c.evaluation).method === 'group' && dataset.path !== undefined && !columns.group) {
    add({
      code: 'custom',
      path: ['dataset', 'columns', 'group'],
      message: "evaluation.method 'group' needs a group column; map one in dataset.columns.group",
    });
  }
  if (t.type === 'generation' && dataset.path !== undefined && !columns.reference) {
    add({
      code: 'custom',
      path: ['dataset', 'columns', 'reference'],
      message: 'a generation task needs a reference column; map one in dataset.columns.reference',
    });
  }
}

/**
 * A multiple-choice task may leave out the prompt (its default template is simple-evals');
 * `dataset.columns.choices` belongs to that task only.
 */
function multipleChoiceChecks(c: Loose, add: AddIssue): void {
  const prompt = obj(c.prompt);
  const mc = obj(c.task).type === 'multiple-choice';
  if (!mc && prompt.template === undefined && prompt.messages === undefined) {
    add({
      code: 'custom',
      path: ['prompt'],
      message:
        "expected exactly one of 'template' (a user message with {{field}} slots) or 'messages'",
    });
  }
  const choices = obj(obj(c.dataset).columns).choices;
  if (choices !== undefined && !mc && obj(c.task).type !== undefined) {
    add({
      code: 'custom',
      path: ['dataset', 'columns', 'choices'],
      message: "dataset.columns.choices is read by task.type 'multiple-choice' only",
    });
  }
}

/**
 * `position_bias_rate` compares an item's answers across choice orders: with no extra order
 * (`task.permutations` 0, the default) it has no value, which a run found only after every
 * request was paid for.
 */
function positionBiasChecks(c: Loose, t: TaskMetrics, add: AddIssue): void {
  if (t.type !== 'multiple-choice') return;
  const permutations = obj(c.task).permutations;
  if (permutations !== undefined && permutations !== 0) return;
  const problem =
    'position_bias_rate needs task.permutations of 1 or more (each item also asked in other choice orders); set task.permutations, e.g. 2';
  arr(obj(c.evaluation).metrics).forEach((m, i) => {
    if (m === 'position_bias_rate')
      add({ code: 'custom', path: ['evaluation', 'metrics', i], message: problem });
  });
  arr(c.thresholds).forEach((text, i) => {
    if (typeof text !== 'string') return;
    const parsed = parseThreshold(text);
    if (parsed.ok && parsed.threshold.metric === 'position_bias_rate')
      add({ code: 'custom', path: ['thresholds', i], message: problem });
  });
}

function fewShotChecks(c: Loose, t: TaskMetrics, add: AddIssue): void {
  const count = obj(obj(c.prompt).fewShot).count;
  if (typeof count === 'number' && count > 0 && t.known && t.type !== 'classification') {
    add({
      code: 'custom',
      path: ['prompt', 'fewShot', 'count'],
      message:
        'few-shot examples are drawn stratified by label; only classification tasks support them',
    });
  }
}

/**
 * The rules of a run configuration that span sections: distinct model names, metric names
 * valid for the task (in `evaluation.metrics` and thresholds), threshold forms, the scores a
 * threshold on `roc_auc` and the like needs (`params.logprobs`), the group and
 * reference columns a method or task needs, the prompt a task needs, few-shot support.
 *
 * @remarks
 * Runs inside the schema's `superRefine` even when other fields failed, so every problem is
 * reported at once: the input may be ill-typed, hence the defensive reads.
 *
 * @param input - the raw configuration
 * @param add - receives each problem
 * @example
 * const issues = [];
 * crossFieldChecks({ models: [{ name: 'a' }, { name: 'a' }] }, (issue) => issues.push(issue));
 * issues[0].path; // ['models', 1, 'name']
 */
export function crossFieldChecks(input: unknown, add: AddIssue): void {
  const c = obj(input);
  const t = taskMetrics(obj(c.task));
  modelNameChecks(c, add);
  metricListChecks(c, t, add);
  thresholdChecks(c, t, add);
  scoreThresholdChecks(c, add);
  columnChecks(c, t, add);
  multipleChoiceChecks(c, add);
  positionBiasChecks(c, t, add);
  fewShotChecks(c, t, add);
}
