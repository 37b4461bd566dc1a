import {
  buildMessages,
  type DatasetItem,
  EvaluationError,
  loadRunConfig,
  loadRunDataset,
  promptFor,
  scorerValues,
  type TaskModule,
  taskFor,
} from '@assay/eval';
import type { AnswerJudge, Workload } from '@assay/loadtest';
import { LoadTestError } from '@assay/loadtest';
import { absoluteErrorJudge, correctnessJudge, generationJudge } from './answer-judges.js';

/** A workload built from a run config, and the judge that scores its answers. */
export interface ScoredWorkload {
  readonly workload: Workload;
  readonly judge: AnswerJudge;
}

function refuse(path: string, reason: string): never {
  throw new LoadTestError('INVALID_OPTION', `--score '${path}': ${reason}`, '--score');
}

/**
 * Scores every item's own reference with the task's scorers once, before any request, so a
 * scorer that cannot score this data set (`numeric_match` without a numeric reference) is
 * refused up front instead of failing answers mid-run.
 */
async function checkScorers(task: TaskModule, items: readonly DatasetItem[]): Promise<void> {
  const rows = items.map((item) => {
    const references = task.references(item) ?? [];
    return { output: references[0] ?? '', references, id: item.id };
  });
  await scorerValues(rows, task.generation?.scorers ?? []);
}

async function judgeFor(
  path: string,
  task: TaskModule,
  items: readonly DatasetItem[],
): Promise<AnswerJudge> {
  switch (task.type) {
    case 'classification':
    case 'multiple-choice':
      return correctnessJudge(task, items);
    case 'regression':
      return absoluteErrorJudge(task, items);
    case 'generation':
      if ((task.generation?.scorers.length ?? 0) === 0)
        refuse(path, 'the generation task has no scorers; list them in task.scorers.');
      await checkScorers(task, items);
      return generationJudge(task, items);
  }
}

/**
 * `--score <run-config.yaml>`: the run config's data set rendered with its prompt (the first
 * model's prompt settings, zero-shot; multiple choice: the choices in the data set's order),
 * and a judge that scores each answer with the task's own logic from `@assay/eval`.
 *
 * @remarks
 * Every task type: classification and multiple choice report `accuracy` (an unparseable answer
 * counts as wrong; `correct` in the records), generation reports each of `task.scorers` (the
 * extraction chain, then eval's `scorerValues`: e.g. `exact_match`, `token_f1`, `bleu`),
 * regression the mean absolute error `mae` of the answers with a number. A failed request is
 * not scored. The load test reports each metric per step as `quality` (mean and 95% interval).
 *
 * @param path - the run configuration
 * @returns the workload and the judge
 * @throws LoadTestError `INVALID_OPTION` for a config `assay run` refuses, or a generation task
 *   whose scorers cannot score its data set
 * @example
 * ```ts
 * const { workload, judge } = await scoredWorkload('run.yaml');
 * ```
 */
export async function scoredWorkload(path: string): Promise<ScoredWorkload> {
  try {
    const config = await loadRunConfig(path);
    const task = taskFor(config.task);
    const items = await loadRunDataset(config);
    const spec = promptFor(config, config.models[0]!);
    const asked = items.map((item) => task.variants?.(item)[0] ?? item);
    const messages = asked.map((item) => buildMessages(item, [], spec));
    return {
      workload: {
        prompts: messages.map((m) => m.map((x) => x.content).join('\n\n')),
        labels: items.map((i) => task.expected(i) ?? undefined),
        messages,
        source: `score:${path}`,
      },
      judge: await judgeFor(path, task, items),
    };
  } catch (error) {
    // the whole message, as `assay run` prints it: an invalid config lists its problems on the
    // lines under its first ("invalid (4 problems):" alone names none of them)
    if (error instanceof EvaluationError) refuse(path, error.message);
    throw error;
  }
}
