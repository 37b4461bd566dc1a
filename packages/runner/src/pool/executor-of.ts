import type { Executor } from '../score/executor.js';
import type { ValuesResult, WorkerTask } from './task-types.js';
import type { FoldsResult } from './worker-tasks.js';

/**
 * The scoring engine's {@link Executor} over one function that runs any worker task:
 * a pool's `run`, or a call on the calling thread.
 *
 * @param run - runs a task and resolves to its result
 * @returns the executor
 * @example
 * const exec = executorOf(async (task) => runTask(task));
 * Object.keys(exec); // ['confusion', 'values', 'folds', 'foldTask', 'labelScan', 'sharedPass']
 */
export function executorOf(run: (task: WorkerTask) => Promise<unknown>): Executor {
  return {
    confusion: async (task) => (await run(task)) as Float64Array,
    values: async (task) => (await run(task)) as ValuesResult,
    folds: async (task) => (await run(task)) as FoldsResult,
    foldTask: async (task) => (await run(task)) as Int32Array | null,
    labelScan: async (task) => (await run(task)) as Int32Array,
    sharedPass: async (task) => (await run(task)) as Int32Array | Float64Array | null,
  };
}
