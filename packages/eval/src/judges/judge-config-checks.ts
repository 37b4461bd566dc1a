import { didYouMean } from '@assay/labels';
import { arr, obj } from '../config/loose-read.js';

/** One cross-field problem of the `judge` section, as zod's `addIssue` takes it. */
export type JudgeConfigIssue = {
  code: 'custom';
  path: (string | number)[];
  message: string;
};

/** The metric a judge adds to every judged model. */
export const JUDGE_SCORE_METRIC = 'judge_score';
/** The metric of the judge's agreement with the human grade column. */
export const JUDGE_KAPPA_METRIC = 'judge_kappa';

/**
 * The judge metrics a configuration makes available to `thresholds`: `judge_score` with a
 * `judge` section, and `judge_kappa` when it has a `humanGrade` column.
 *
 * @param input - the raw configuration (any shape: read defensively)
 * @returns the metric names, empty without a judge
 * @example
 * judgeMetricNames({ judge: { mode: 'closedqa', humanGrade: { column: 'g' } } }); // ['judge_score', 'judge_kappa']
 */
export function judgeMetricNames(input: unknown): string[] {
  const judge = obj(input).judge;
  if (judge === undefined || judge === null) return [];
  return obj(judge).humanGrade === undefined
    ? [JUDGE_SCORE_METRIC]
    : [JUDGE_SCORE_METRIC, JUDGE_KAPPA_METRIC];
}

/**
 * Why a judge metric named by a threshold is not available in this configuration.
 *
 * @param metric - the threshold's metric
 * @param input - the raw configuration
 * @returns the problem, or undefined when the metric is available or is no judge metric
 * @example
 * judgeMetricProblem('judge_kappa', { judge: { mode: 'closedqa' } }); // "metric 'judge_kappa' needs …"
 */
export function judgeMetricProblem(metric: string, input: unknown): string | undefined {
  if (metric !== JUDGE_SCORE_METRIC && metric !== JUDGE_KAPPA_METRIC) return undefined;
  if (judgeMetricNames(input).includes(metric)) return undefined;
  return metric === JUDGE_SCORE_METRIC || judgeMetricNames(input).length === 0
    ? `metric '${metric}' needs a judge section (judge: { client, mode })`
    : "metric 'judge_kappa' needs a human grade column (judge.humanGrade.column) to compare the judge with";
}

/**
 * The `judge` section's rules that read other sections: a generation task, a named client
 * that is one of `models[]`, and for `pairwise` two distinct models of the run.
 *
 * @remarks Runs inside the run configuration's `superRefine` even when other fields
 * failed, so every problem is reported at once; reads are defensive.
 * @param input - the raw configuration
 * @param addIssue - receives each problem with its path under `judge`
 * @example
 * const issues = [];
 * checkJudgeConfig({ task: { type: 'classification', labels: ['a', 'b'] }, judge: { mode: 'closedqa', client: 'nb' }, models: [{ name: 'nb' }] }, (issue) => issues.push(issue));
 * issues.map((i) => i.message); // ['…']
 */
export function checkJudgeConfig(
  input: unknown,
  addIssue: (issue: JudgeConfigIssue) => void,
): void {
  const c = obj(input);
  if (c.judge === undefined || c.judge === null) return;
  const judge = obj(c.judge);
  const type = obj(c.task).type;
  if (typeof type === 'string' && type !== 'generation') {
    addIssue({
      code: 'custom',
      path: ['judge'],
      message: `a judge grades free-text answers; it needs task.type 'generation' (this task is '${type}')`,
    });
  }
  const names = arr(c.models)
    .map((m) => obj(m).name)
    .filter((n): n is string => typeof n === 'string');
  if (typeof judge.client === 'string' && !names.includes(judge.client)) {
    addIssue({
      code: 'custom',
      path: ['judge', 'client'],
      message: `unknown model '${judge.client}'; ${didYouMean(judge.client, names, `expected the name of a models[] entry (${names.join(', ')}) or an inline client with provider, baseUrl, model and name`)}`,
    });
  }
  if (judge.mode !== 'pairwise') return;
  const pair = judge.pair;
  if (pair === undefined) {
    if (names.length < 2) {
      addIssue({
        code: 'custom',
        path: ['judge', 'mode'],
        message: `mode 'pairwise' compares two models' answers; the run has ${names.length} model${names.length === 1 ? '' : 's'} (add one to models, or choose another mode)`,
      });
    }
    return;
  }
  arr(pair).forEach((name, i) => {
    if (typeof name === 'string' && !names.includes(name)) {
      addIssue({
        code: 'custom',
        path: ['judge', 'pair', i],
        message: `unknown model '${name}'; ${didYouMean(name, names, `expected one of ${names.join(', ')}`)}`,
      });
    }
  });
  const [a, b] = arr(pair);
  if (typeof a === 'string' && a === b) {
    addIssue({
      code: 'custom',
      path: ['judge', 'pair', 1],
      message: `pairwise compares two different models; '${a}' is named twice`,
    });
  }
}
