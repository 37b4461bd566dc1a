import { closestName } from '@assay/labels';
import type { EvaluationIssue } from '../errors.js';
import { formatConfigIssues } from './format-issues.js';
import { TaskSchema } from './task-schema.js';

/** The task types `task.type` takes, read from the schema so a new type is never missed. */
const TASK_TYPES: readonly string[] = TaskSchema.options.map((o) => o.shape.type.value);

/**
 * The problems of a task whose `type` is misspelt, found by checking it as the type it most
 * likely meant: a misspelt type stops the schema at the type, so its other problems (a
 * misspelt extract step, an unknown key) would surface only on the next try.
 *
 * @param raw - the raw configuration that failed
 * @returns the task's other problems, each path under `task` and its message ending with the
 *   type it was checked as; none when `task.type` is valid, absent or too far from any type
 * @example
 * misspeltTaskTypeIssues({ task: { type: 'clasification', labels: ['a'], answer: { extract: 'first_label' } } });
 * // [{ code: 'too_small', path: 'task.labels', … }, { code: 'invalid_value', path: 'task.answer.extract', message: "unknown extract 'first_label'; did you mean 'first-label'? … (checked as task type 'classification')" }]
 */
export function misspeltTaskTypeIssues(raw: unknown): EvaluationIssue[] {
  const task = (raw as { task?: unknown } | null)?.task;
  if (task === null || typeof task !== 'object' || Array.isArray(task)) return [];
  const type = (task as { type?: unknown }).type;
  if (typeof type !== 'string' || TASK_TYPES.includes(type)) return [];
  const meant = closestName(type, TASK_TYPES);
  if (meant === undefined) return [];
  const again = { ...task, type: meant };
  const result = TaskSchema.safeParse(again);
  if (result.success) return [];
  return formatConfigIssues(result.error.issues, { input: again, schema: TaskSchema }).map(
    (issue) => ({
      ...issue,
      path: issue.path === '(root)' ? 'task' : `task.${issue.path}`,
      message: `${issue.message} (checked as task type '${meant}')`,
    }),
  );
}
