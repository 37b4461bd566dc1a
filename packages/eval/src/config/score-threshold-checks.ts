import { metricSpec } from '@assay/runner';
import { arr, type Loose, obj } from './loose-read.js';
import { parseThreshold } from './thresholds.js';

/** Reports one problem of the configuration at a path. */
type AddIssue = (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;

function readsScores(metric: string): boolean {
  return metricSpec(metric)?.needs === 'scores';
}

/** Why models without scores cannot give the metric a value, or undefined when all have them. */
function scoreProblem(c: Loose, source: string, metric: string): string | undefined {
  const labels = arr(obj(c.task).labels);
  if (labels.length > 2) {
    return `'${source}': ${metric} needs scores, which assay run has for binary tasks only (task.labels has ${labels.length}); gate a metric of the answers instead, e.g. f1_macro`;
  }
  const unscored = arr(c.models)
    .map((m, j) => ({ j, logprobs: obj(obj(m).params).logprobs }))
    .filter((m) => m.logprobs !== true)
    .map((m) => `models[${m.j}].params.logprobs`);
  if (unscored.length === 0) return undefined;
  return `'${source}': ${metric} needs each answer's score, read from log-probabilities, and ${unscored.join(', ')} ${unscored.length === 1 ? 'is' : 'are'} not true, so it would have no value after every request was paid for; set ${unscored.join(', ')}: true (with a model that returns log-probabilities), or gate a metric of the answers instead`;
}

/**
 * A threshold on a metric that reads scores (`roc_auc`, `log_loss`, `brier_score`, …) of a
 * classification task: the scores come from log-probabilities, so every model needs
 * `params.logprobs: true`, and a task of more than two labels has none. Without this check
 * the run sent every request and only then failed the threshold.
 *
 * @param input - the raw configuration (any shape: read defensively)
 * @param add - receives each problem, at `thresholds[i]`
 * @example
 * const problems = [];
 * const add = (issue) => problems.push(issue.message);
 * scoreThresholdChecks({ task: { type: 'classification', labels: ['a', 'b'] }, models: [{ params: {} }], thresholds: ['roc_auc >= 0.8'] }, add);
 * problems; // ["'roc_auc >= 0.8': roc_auc needs each answer's score, … models[0].params.logprobs …"]
 */
export function scoreThresholdChecks(input: unknown, add: AddIssue): void {
  const c = obj(input);
  if (obj(c.task).type !== 'classification') return;
  arr(c.thresholds).forEach((text, i) => {
    if (typeof text !== 'string') return;
    const parsed = parseThreshold(text);
    if (!parsed.ok || !readsScores(parsed.threshold.metric)) return;
    const problem = scoreProblem(c, text, parsed.threshold.metric);
    if (problem !== undefined) add({ code: 'custom', path: ['thresholds', i], message: problem });
  });
}
