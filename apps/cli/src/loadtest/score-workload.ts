import {
  buildMessages,
  EvaluationError,
  loadRunConfig,
  loadRunDataset,
  parseAnswer,
  promptFor,
} from '@assay/eval';
import type { AnswerJudge, Workload } from '@assay/loadtest';
import { LoadTestError } from '@assay/loadtest';

/** A workload built from a run config, and the judge that scores its answers. */
export interface ScoredWorkload {
  readonly workload: Workload;
  readonly judge: AnswerJudge;
}

/**
 * `--score <run-config.yaml>`: the run config's data set rendered with its prompt (the first
 * model's prompt settings, zero-shot), and a judge that parses each answer with the task's
 * answer settings and compares it with the item's label.
 *
 * @remarks
 * Classification tasks only: an answer counts correct when its parsed label equals the gold
 * label; an unparseable answer counts as wrong; a failed request is not scored.
 *
 * @param path - the run configuration
 * @returns the workload and the judge
 * @throws LoadTestError `INVALID_OPTION` for a config assay run refuses or a task that is not classification
 */
export async function scoredWorkload(path: string): Promise<ScoredWorkload> {
  try {
    const config = await loadRunConfig(path);
    const task = config.task;
    if (task.type !== 'classification') {
      throw new LoadTestError(
        'INVALID_OPTION',
        `--score '${path}' has a ${task.type} task; assay loadtest scores classification tasks only.`,
        '--score',
      );
    }
    const items = await loadRunDataset(config);
    const spec = promptFor(config, config.models[0]!);
    const messages = items.map((item) => buildMessages(item, [], spec));
    return {
      workload: {
        prompts: messages.map((m) => m.map((x) => x.content).join('\n\n')),
        labels: items.map((i) => i.label),
        messages,
        source: `score:${path}`,
      },
      judge: (i, text) =>
        parseAnswer(text, task.labels, task.answer).value === (items[i]?.label ?? null),
    };
  } catch (error) {
    if (error instanceof EvaluationError) {
      throw new LoadTestError(
        'INVALID_OPTION',
        `--score '${path}': ${error.message.split('\n')[0]}`,
        '--score',
      );
    }
    throw error;
  }
}
