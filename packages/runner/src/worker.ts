import { isMainThread, workerData } from 'node:worker_threads';
import { move } from 'piscina';
import type { WorkerTask } from './pool/task-types.js';
import { warmUpKernels } from './pool/warm-up.js';
import { runTask } from './pool/worker-tasks.js';

const start = workerData as { warmUp?: boolean; workers?: number } | undefined;

/** Results this large are moved (transferred) back instead of copied. */
const MOVE_MIN_BYTES = 1 << 20;

/**
 * The Piscina worker of the scoring pool: runs one task over the shared
 * columns and returns its result (copied back; a large table is moved).
 *
 * @remarks
 * `ASSAY_RUNNER_FAULT=exit|throw` in the environment makes every task exit the
 * worker thread or throw: a test-only hook proving that a dying worker rejects
 * the run instead of hanging it. It is ignored outside worker threads.
 *
 * @param task - a task built by the runner
 * @returns the result, a buffer of a megabyte or more marked for transfer
 */
function scoreTask(task: WorkerTask): unknown {
  const fault = process.env.ASSAY_RUNNER_FAULT;
  if (!isMainThread && fault === 'exit') process.exit(3);
  if (!isMainThread && fault === 'throw')
    throw new Error('injected worker fault (ASSAY_RUNNER_FAULT=throw)');
  const result = runTask(task);
  // Piscina only unwraps a moved value at the top level. Small results go back as copies:
  // transferring a buffer detaches it, and the first detached buffer makes V8 throw away
  // every optimised function of the worker (they assume that no buffer was ever
  // detached), the warm-up's included. Tables and replicate values are a few kilobytes;
  // only a table of a megabyte or more, whose copy would cost more, is moved.
  if (result instanceof Float64Array && result.byteLength >= MOVE_MIN_BYTES) return move(result);
  return result;
}

/**
 * What Piscina loads as the handler: {@link scoreTask}, or, in a pool started ahead of its work
 * (`Runner.start`), a promise of it that resolves once the worker has compiled its kernels.
 *
 * @remarks
 * Piscina awaits a handler export that is a promise before it reports the worker ready, so the
 * warm-up runs while the worker waits for work, not in the first task: an idle ready worker
 * blocks in `Atomics.wait`, where no promise moves. Not a top-level await: V8 in Node 20 aborts
 * the whole process (`Check failed: (location_) != nullptr` in
 * `SourceTextModule::ExecuteAsyncModule`) when a worker is terminated while a module with one
 * is evaluated, as a pool torn down early does to its workers (a failing worker, a bad file
 * found while they start). A warm-up that fails leaves the kernels cold, nothing else.
 */
const handler: typeof scoreTask | Promise<typeof scoreTask> =
  !isMainThread && start?.warmUp === true
    ? warmUpKernels(start.workers).then(
        () => scoreTask,
        () => scoreTask,
      )
    : scoreTask;
export default handler;
