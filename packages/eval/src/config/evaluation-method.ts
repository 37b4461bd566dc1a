import { obj } from './loose-read.js';
import { type SplitSettingFields, unusedSplitSettingWarnings } from './unused-split-settings.js';

/** The `evaluation.method`s that split the items into training and test folds. */
type CvMethod = 'holdout' | 'kfold' | 'stratified' | 'group' | 'repeated-stratified' | 'timeseries';

/**
 * The `evaluation.method` of a configuration that names none: `all` (every item scored
 * once) for zero-shot prompts, `stratified` when few-shot examples are drawn from the
 * training folds.
 *
 * @param fewShotCount - `prompt.fewShot.count`
 * @returns the method
 * @remarks
 * Cross-validation only means something when the training folds teach the prompt
 * something (few-shot examples). Zero-shot, every fold asks the same question of each
 * item, so folds add nothing, and repeated CV only repeats answers.
 * @example
 * defaultMethod(0); // 'all'
 */
export function defaultMethod(fewShotCount: number): 'all' | 'stratified' {
  // few-shot examples are a classification's alone (drawn stratified by label)
  return fewShotCount > 0 ? 'stratified' : 'all';
}

/**
 * The run warning of a stratified method on a task without classes (regression, generation,
 * multiple choice), or null: its folds are plain k-fold folds, whatever the name says.
 *
 * @param method - the resolved `evaluation.method`
 * @param taskType - `task.type`
 * @returns the warning, or null
 * @example
 * unstratifiableWarning('stratified', 'regression'); // "evaluation.method 'stratified' …"
 */
export function unstratifiableWarning(method: string, taskType: unknown): string | null {
  if (taskType === 'classification') return null;
  if (method !== 'stratified' && method !== 'repeated-stratified') return null;
  const plain = method === 'stratified' ? 'kfold' : 'kfold, repeated with new shuffles';
  return `evaluation.method '${method}' keeps each class's share in every fold, but a ${String(taskType)} task has no classes to keep (scikit-learn's StratifiedKFold refuses a continuous target), so the folds are plain k-fold folds (${plain}); set evaluation.method: kfold to say so.`;
}

/**
 * The run warning of a cross-validation method with nothing to learn from its training
 * folds (`prompt.fewShot.count` 0), or null.
 *
 * @param method - the resolved `evaluation.method`
 * @param fewShotCount - `prompt.fewShot.count`
 * @returns the warning, or null when the method is `all` or few-shot examples are drawn
 * @example
 * cvWithoutLearningWarning('repeated-stratified', 0); // "evaluation.method 'repeated-stratified' …"
 */
export function cvWithoutLearningWarning(
  method: 'all' | CvMethod,
  fewShotCount: number,
): string | null {
  if (method === 'all' || fewShotCount > 0) return null;
  const repeats =
    method === 'repeated-stratified'
      ? ' Every repeat reuses the same answers (an identical prompt is sent once): they count once per repeat as predictions but add no information, and the intervals resample items, so repeats do not narrow them.'
      : '';
  return `evaluation.method '${method}' splits the items into training and test folds, but nothing is learned from the training part (prompt.fewShot.count is 0): every item gets the same prompt whatever its fold.${repeats} Use evaluation.method: all (the default without few-shot examples) to score every item once.`;
}

/** The `evaluation` fields that say whether its split shuffles. */
interface ShuffleFields {
  readonly method: 'all' | CvMethod;
  readonly shuffle?: boolean | undefined;
  readonly testIds?: readonly string[] | undefined;
}

/** The `evaluation` fields that {@link evaluationWarnings} reads. */
type WarnedFields = ShuffleFields & SplitSettingFields;

/**
 * Whether the method shuffles the items before it splits them when `evaluation.shuffle` lets
 * it: `kfold`, `stratified`, `repeated-stratified` and a `holdout` without `testIds`.
 *
 * @param evaluation - the resolved `evaluation` section
 * @returns true for those methods
 * @example
 * mayShuffle({ method: 'group' }); // false
 */
export function mayShuffle(evaluation: ShuffleFields): boolean {
  const { method } = evaluation;
  return (
    method === 'kfold' ||
    method === 'stratified' ||
    method === 'repeated-stratified' ||
    (method === 'holdout' && evaluation.testIds === undefined)
  );
}

/** Why a method that never shuffles does not (for {@link unusedShuffleWarning}). */
function neverShuffles(evaluation: ShuffleFields): string {
  switch (evaluation.method) {
    case 'all':
      return "'all' tests every item in one part";
    case 'group':
      return "'group' assigns whole groups to folds by size (scikit-learn's GroupKFold), in no random order";
    case 'timeseries':
      return "'timeseries' keeps the data set's order by definition";
    default:
      return 'evaluation.testIds names the test part';
  }
}

/**
 * The run warning of an `evaluation.shuffle` that the method ignores, or null.
 *
 * @param evaluation - the resolved `evaluation` section (`method`, `shuffle`, `testIds`)
 * @returns the warning when `shuffle` is set for `all`, `group`, `timeseries` or a holdout
 *   named by `testIds` (none of which shuffles), else null
 * @example
 * unusedShuffleWarning({ method: 'group', shuffle: false }); // "evaluation.shuffle has no effect …"
 */
export function unusedShuffleWarning(evaluation: ShuffleFields): string | null {
  if (evaluation.shuffle === undefined || mayShuffle(evaluation)) return null;
  return `evaluation.shuffle has no effect with evaluation.method '${evaluation.method}': ${neverShuffles(evaluation)}, so nothing is shuffled either way.`;
}

/**
 * What a run's evaluation settings make doubtful, one sentence each: a cross-validation with
 * nothing to learn ({@link cvWithoutLearningWarning}), a `shuffle` the method ignores
 * ({@link unusedShuffleWarning}), a written `k`, `testSize` or `repeats` the method ignores
 * ({@link unusedSplitSettingWarnings}) and a stratified method on a task without classes
 * ({@link unstratifiableWarning}). `results.json`'s `warnings` and `--dry-run` both print them.
 *
 * @param evaluation - the resolved `evaluation` section
 * @param fewShotCount - `prompt.fewShot.count`
 * @param taskType - `task.type` (default classification)
 * @returns the warnings, in that order (empty when none applies)
 * @example
 * evaluationWarnings({ method: 'all', shuffle: false }, 0); // ["evaluation.shuffle has no effect …"]
 */
export function evaluationWarnings(
  evaluation: WarnedFields,
  fewShotCount: number,
  taskType: unknown = 'classification',
): string[] {
  const cv = cvWithoutLearningWarning(evaluation.method, fewShotCount);
  const shuffle = unusedShuffleWarning(evaluation);
  const unused = unusedSplitSettingWarnings(evaluation);
  const strata = unstratifiableWarning(evaluation.method, taskType);
  return [cv, shuffle, ...unused, strata].filter((w): w is string => w !== null);
}

/**
 * Refuses `evaluation.method: all` with few-shot examples: `all` has no training part to
 * draw them from (drawing them from the items scored would put answers in the prompts).
 *
 * @param input - the raw configuration (may be ill-typed: other fields can have failed)
 * @param addIssue - reports a problem with its path
 * @example
 * const issues = [];
 * checkEvaluationMethod({ evaluation: { method: 'all' }, prompt: { fewShot: { count: 2 } } }, (issue) => issues.push(issue));
 * issues.map((i) => i.path); // [['evaluation', 'method']]
 */
export function checkEvaluationMethod(
  input: unknown,
  addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void,
): void {
  const c = obj(input);
  const count = obj(obj(c.prompt).fewShot).count;
  if (obj(c.evaluation).method === 'all' && typeof count === 'number' && count > 0) {
    addIssue({
      code: 'custom',
      path: ['evaluation', 'method'],
      message:
        "'all' scores every item and has no training part to draw prompt.fewShot examples from; use a cross-validation method such as 'stratified', or set prompt.fewShot.count: 0",
    });
  }
}
