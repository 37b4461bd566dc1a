import { MAX_CV_FOLDS } from '@assay/runner';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';

/**
 * The most predictions one run may plan, all models together: one per (model, fold, test
 * item), that is requests before identical prompts are merged. Every planned prediction
 * holds a built prompt in memory until the run ends, so `evaluation.repeats: 1000000` would
 * run until killed; split a larger evaluation into several runs.
 */
export const MAX_RUN_PREDICTIONS = 1_000_000;

/** `1234567` as `1,234,567`. */
const count = (n: number): string => n.toLocaleString('en-US');

/** Whether the configured method repeats its folds (only `repeated-stratified` does). */
function repeats(evaluation: RunConfig['evaluation']): number {
  return evaluation.method === 'repeated-stratified' ? evaluation.repeats : 1;
}

/**
 * How many folds the `evaluation` section makes, all repeats together: `k × repeats` for
 * `repeated-stratified`, 1 for `holdout` and `all`, `k` otherwise.
 *
 * @param evaluation - the validated `evaluation` section
 * @returns the fold count
 * @example
 * plannedFolds({ ...config.evaluation, method: 'repeated-stratified', k: 5, repeats: 3 }); // 15
 */
export function plannedFolds(evaluation: RunConfig['evaluation']): number {
  return evaluation.method === 'holdout' || evaluation.method === 'all'
    ? 1
    : evaluation.k * repeats(evaluation);
}

/**
 * Refuses an `evaluation` section whose folds exceed `MAX_CV_FOLDS` (10,000, the limit
 * `assay score --cv` has too), before the data set is read or a fold is built.
 *
 * @param evaluation - the validated `evaluation` section
 * @throws EvaluationError `PLAN_TOO_LARGE` at `evaluation.repeats` (or `evaluation.k` when `k`
 *   alone is over) naming the fold count and the limit
 * @example
 * checkFoldCount(config.evaluation); // undefined: a run of few enough folds
 */
export function checkFoldCount(evaluation: RunConfig['evaluation']): void {
  const folds = plannedFolds(evaluation);
  if (folds <= MAX_CV_FOLDS) return;
  const byRepeats = repeats(evaluation) > 1 && evaluation.k <= MAX_CV_FOLDS;
  const how = byRepeats
    ? `evaluation.k ${evaluation.k} × evaluation.repeats ${evaluation.repeats} = ${count(folds)} folds`
    : `evaluation.k ${evaluation.k} makes ${count(folds)} folds`;
  throw new EvaluationError(
    'PLAN_TOO_LARGE',
    `${how}, above the limit of ${count(MAX_CV_FOLDS)} folds per run; lower ${byRepeats ? 'evaluation.repeats' : 'evaluation.k'}.`,
    { path: byRepeats ? 'evaluation.repeats' : 'evaluation.k' },
  );
}

/** Prompts per item: a multiple-choice task asks each item in `1 + task.permutations` orders. */
function promptsPerItem(task: RunConfig['task']): number {
  return task.type === 'multiple-choice' ? 1 + task.permutations : 1;
}

/**
 * The predictions a run plans at most, all models together: every item once per repeat
 * (fewer for `holdout` and `timeseries`, whose folds leave items untested), times the samples
 * per item of a generation task and the choice orders of a multiple-choice task (fewer when
 * an item has too few choices for that many orders), for each model.
 *
 * @param config - the validated configuration
 * @param items - the number of items loaded
 * @returns the upper bound
 * @example
 * plannedPredictions(config, 300); // 300 × repeats × models
 */
export function plannedPredictions(config: RunConfig, items: number): number {
  const samples = config.task.type === 'generation' ? config.task.samples : 1;
  const orders = promptsPerItem(config.task);
  return items * repeats(config.evaluation) * samples * orders * config.models.length;
}

/**
 * Refuses a run that would plan more than {@link MAX_RUN_PREDICTIONS} predictions, before any
 * fold or prompt is built.
 *
 * @param config - the validated configuration
 * @param items - the number of items loaded
 * @throws EvaluationError `PLAN_TOO_LARGE` at `evaluation.repeats` (or `dataset.limit` when
 *   the data set alone is too large) naming the count and the limit
 * @example
 * checkPredictionCount(config, items.length); // undefined: few enough predictions
 */
export function checkPredictionCount(config: RunConfig, items: number): void {
  const planned = plannedPredictions(config, items);
  if (planned <= MAX_RUN_PREDICTIONS) return;
  const r = repeats(config.evaluation);
  const models = config.models.length;
  const samples = config.task.type === 'generation' ? config.task.samples : 1;
  const byRepeats = r > 1;
  const orders = promptsPerItem(config.task);
  const perItem = orders > 1 ? ` × ${count(orders)} choice orders` : '';
  throw new EvaluationError(
    'PLAN_TOO_LARGE',
    `${count(items)} items × ${count(r)} repeat${r === 1 ? '' : 's'}${samples > 1 ? ` × ${samples} samples` : ''}${perItem} × ${models} model${models === 1 ? '' : 's'} = ${count(planned)} predictions (requests before identical prompts are merged), above the limit of ${count(MAX_RUN_PREDICTIONS)} per run; lower ${byRepeats ? 'evaluation.repeats' : 'dataset.limit'}, or split the evaluation into several runs.`,
    { path: byRepeats ? 'evaluation.repeats' : 'dataset.limit' },
  );
}
