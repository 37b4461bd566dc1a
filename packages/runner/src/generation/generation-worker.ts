import { isMainThread } from 'node:worker_threads';
import { move } from 'piscina';
import { runGenerationTask } from './generation-kernels.js';
import type { GenerationTask } from './generation-tasks.js';

/**
 * The pool's handler for generation tasks, loaded by a worker the first time it is given one
 * (`pool.run(task, { filename })`), so that classification runs never load the text metrics.
 *
 * @remarks
 * As in the classification worker, `ASSAY_RUNNER_FAULT=exit|throw` makes every task exit the
 * worker thread or throw (a test-only hook; ignored outside worker threads).
 *
 * @param task - a generation rows or bootstrap task
 * @returns its numbers, moved (transferred, not copied) back
 */
export default function generationTask(task: GenerationTask): unknown {
  const fault = process.env.ASSAY_RUNNER_FAULT;
  if (!isMainThread && fault === 'exit') process.exit(3);
  if (!isMainThread && fault === 'throw')
    throw new Error('injected worker fault (ASSAY_RUNNER_FAULT=throw)');
  const result = runGenerationTask(task);
  // a refused row is a small plain object, cloned; only the numbers are worth transferring
  return result instanceof Float64Array ? move(result) : result;
}
