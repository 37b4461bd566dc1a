import { isMainThread, workerData } from 'node:worker_threads';
import { move } from 'piscina';
import type { WorkerTask } from './pool/task-types.js';
import { warmUpKernels } from './pool/warm-up.js';
import { runTask } from './pool/worker-tasks.js';

// a pool started ahead of its work (Runner.start) compiles its kernels while it waits
if (!isMainThread && (workerData as { warmUp?: boolean } | undefined)?.warmUp === true) {
  await warmUpKernels();
}

/**
 * The Piscina worker of the scoring pool: runs one task over the shared
 * columns and moves (transfers, not copies) the result buffer back.
 *
 * @remarks
 * `ASSAY_RUNNER_FAULT=exit|throw` in the environment makes every task exit the
 * worker thread or throw: a test-only hook proving that a dying worker rejects
 * the run instead of hanging it. It is ignored outside worker threads.
 *
 * @param task - a task built by the runner
 * @returns the result, with its buffer marked for transfer
 */
export default function scoreTask(task: WorkerTask): unknown {
  const fault = process.env.ASSAY_RUNNER_FAULT;
  if (!isMainThread && fault === 'exit') process.exit(3);
  if (!isMainThread && fault === 'throw')
    throw new Error('injected worker fault (ASSAY_RUNNER_FAULT=throw)');
  const result = runTask(task);
  // Piscina only unwraps a moved value at the top level; rows results are small and cloned
  if (result instanceof Float64Array) return move(result);
  return result;
}
