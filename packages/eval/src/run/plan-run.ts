import { createRng } from '@assay/splitters';
import type { RunConfig } from '../config/run-config-schema.js';
import type { DatasetItem } from '../datasets/dataset-item.js';
import type { PromptMessage } from '../prompt/build-messages.js';
import { promptFor } from '../prompt/prompt-for.js';
import { taskFor } from '../tasks/task-for.js';
import type { TaskModule } from '../tasks/task-module.js';
import { loadRunDataset } from './load-run-dataset.js';
import { type FoldSplit, planRequests, type RequestPlan } from './plan.js';
import { checkFoldCount, checkPredictionCount } from './plan-limits.js';
import { splitItems } from './split-items.js';

/** What a run will ask before anything is sent: data, folds and every model's prompts. */
export interface RunPlan {
  /** the task module of `config.task` */
  readonly task: TaskModule;
  /** the evaluated items */
  readonly items: DatasetItem[];
  /** the folds, across repeats */
  readonly splits: FoldSplit[];
  /** each model's request plan (models with the same prompt settings share one) */
  readonly plans: Map<string, RequestPlan>;
}

/**
 * Plans a run: checks the plan's size against the stated limits, loads the data set, splits
 * it into folds and builds every model's prompts. Reads the data set only; writes nothing.
 *
 * @param config - the validated configuration
 * @returns the task, items, folds and request plans
 * @throws EvaluationError `PLAN_TOO_LARGE` (folds or predictions over the limits, checked
 *   before folds or prompts are built), a data set error, `INVALID_CV_SPEC`, `MISSING_COLUMN`
 * @example
 * const planned = await planRun(config);
 * planned.items.length; // 40
 */
export async function planRun(config: RunConfig): Promise<RunPlan> {
  checkFoldCount(config.evaluation);
  return planRunOn(config, await loadRunDataset(config));
}

/**
 * Plans a run on items already loaded (as {@link planRun} after loading the data set): a
 * search plans many runs of one data set, and loading it again for each cost more than the
 * planning.
 *
 * @param config - the validated configuration
 * @param items - its items, as `loadRunDataset(config)` returns them
 * @returns the task, items, folds and request plans
 * @throws EvaluationError `PLAN_TOO_LARGE`, `INVALID_CV_SPEC`, `MISSING_COLUMN`
 * @example
 * const planned = planRunOn(config, await loadRunDataset(config));
 * planned.items.length; // 40
 */
export function planRunOn(config: RunConfig, items: DatasetItem[]): RunPlan {
  checkFoldCount(config.evaluation);
  const task = taskFor(config.task);
  checkPredictionCount(config, items.length);
  const splits = splitItems(items, config.evaluation, task.stratify);
  return { task, items, splits, plans: planModels(config, items, splits, task) };
}

/**
 * Every distinct prompt of the run, all models together, by prompt hash.
 *
 * @param plans - the request plans
 * @returns prompt hash → messages
 * @example
 * distinctPrompts((await planRun(config)).plans).size; // 40
 */
export function distinctPrompts(
  plans: ReadonlyMap<string, RequestPlan>,
): Map<string, PromptMessage[]> {
  const out = new Map<string, PromptMessage[]>();
  for (const plan of new Set(plans.values())) {
    for (const [hash, messages] of plan.prompts) if (!out.has(hash)) out.set(hash, messages);
  }
  return out;
}

/** Answers asked per prompt: `task.samples` of a generation task, else 1. */
function samplesOf(config: RunConfig): number {
  return config.task.type === 'generation' ? config.task.samples : 1;
}

/** One request plan per distinct prompt setting, shared by the models that use it. */
function planModels(
  config: RunConfig,
  items: readonly DatasetItem[],
  splits: readonly FoldSplit[],
  task: TaskModule,
): Map<string, RequestPlan> {
  const plans = new Map<string, RequestPlan>();
  const byModel = new Map<string, RequestPlan>();
  for (const model of config.models) {
    const spec = promptFor(config, model);
    const id = JSON.stringify(spec);
    let plan = plans.get(id);
    if (!plan) {
      plan = planRequests(
        items,
        splits,
        spec,
        (fold) => {
          const rng = createRng((spec.fewShot.seed + fold * 7919) >>> 0);
          return () => rng.nextFloat();
        },
        samplesOf(config),
        task.variants?.bind(task),
      );
      plans.set(id, plan);
    }
    byModel.set(model.name, plan);
  }
  return byModel;
}
