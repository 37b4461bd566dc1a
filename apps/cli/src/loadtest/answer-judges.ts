import { type DatasetItem, scorerValues, type TaskModule } from '@assay/eval';
import type { AnswerJudge, AnswerVerdict } from '@assay/loadtest';

/** Verdict of an answer that has no value to score (regression: no number in it). */
const UNSCORED: AnswerVerdict = { correct: null, scores: null };

/**
 * Classification and multiple choice: the task's own parser reads the answer (multiple
 * choice: asked in the data set's choice order, variant 0) and its outcome says right or
 * wrong; an unparseable answer counts as wrong, as in `assay run`'s accuracy.
 *
 * @param task - the task module (`taskFor`)
 * @param items - the data set, in workload order
 * @returns the judge (`scores: { accuracy: 0 | 1 }`)
 * @example
 * ```ts
 * const judge = correctnessJudge(taskFor(config.task), items);
 * ```
 */
export function correctnessJudge(task: TaskModule, items: readonly DatasetItem[]): AnswerJudge {
  return (i, text) => {
    const item = items[i]!;
    const correct = task.outcome(task.parse(text, item, 0), task.expected(item)) === 'correct';
    return { correct, scores: { accuracy: correct ? 1 : 0 } };
  };
}

/**
 * Regression: the absolute error of the answer's number against the target; the step mean is
 * the MAE. An answer without a number is not scored (as `assay run` leaves it out of MAE).
 *
 * @param task - the task module (`taskFor`)
 * @param items - the data set, in workload order
 * @returns the judge (`scores: { mae: |answer - target| }`)
 * @example
 * ```ts
 * const judge = absoluteErrorJudge(taskFor(config.task), items);
 * ```
 */
export function absoluteErrorJudge(task: TaskModule, items: readonly DatasetItem[]): AnswerJudge {
  return (i, text) => {
    const item = items[i]!;
    const parsed = task.parse(text, item, 0);
    const expected = task.expected(item);
    if (parsed === null || expected === null) return UNSCORED;
    const error = Math.abs(Number(parsed) - Number(expected));
    return Number.isFinite(error) ? { correct: null, scores: { mae: error } } : UNSCORED;
  };
}

/**
 * Generation: the answer goes through the task's extraction chain (an answer it cannot read is
 * scored as empty, as `assay run` does) and every configured scorer scores it against the
 * item's references with eval's `scorerValues`, the per-answer values behind `assay run`'s
 * means.
 *
 * @param task - the task module (`taskFor`) of a generation task
 * @param items - the data set, in workload order
 * @returns the judge (`scores`: scorer name → value; non-finite values left out)
 * @example
 * ```ts
 * const judge = generationJudge(taskFor(config.task), items);
 * ```
 */
export function generationJudge(task: TaskModule, items: readonly DatasetItem[]): AnswerJudge {
  const scorers = task.generation?.scorers ?? [];
  return async (i, text) => {
    const item = items[i]!;
    const row = {
      output: task.parse(text, item, 0) ?? '',
      references: task.references(item) ?? [],
      id: item.id,
    };
    const values = await scorerValues([row], scorers);
    const scores: Record<string, number> = {};
    for (const [name, v] of values) if (Number.isFinite(v[0])) scores[name] = v[0]!;
    return { correct: null, scores };
  };
}
