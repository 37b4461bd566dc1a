import type { RangeTask, SharedPassTask } from './task-types.js';

/** Length of the fixed head before the per-block table: census pair counts, else none. */
function headOf(task: RangeTask): number {
  return task.kind === 'label-census' ? 1024 : 0;
}

/** Width of a per-block row: census 32 values, block counts K classes. */
function widthOf(task: RangeTask): number {
  return task.kind === 'label-census' ? 32 : task.kind === 'block-counts' ? task.nClasses : 0;
}

/**
 * Adds a `[head | blocks × width | first rows (width)]` table into a larger one
 * of the same form, its blocks starting at block `offset`; first rows merge by
 * minimum, -1 meaning absent.
 *
 * @param into - the whole-column table
 * @param part - a range's table
 * @param head - head length
 * @param width - entries per block (0 for a plain sum)
 * @param offset - the part's first block in `into`
 */
export function addBlockTable(
  into: Int32Array | Float64Array,
  part: Int32Array | Float64Array,
  head: number,
  width: number,
  offset: number,
): void {
  if (width === 0) {
    for (let j = 0; j < part.length; j++) into[j]! += part[j]!;
    return;
  }
  for (let j = 0; j < head; j++) into[j]! += part[j]!;
  const blocks = part.length - head - width;
  const at = head + offset * width;
  for (let j = 0; j < blocks; j++) into[at + j]! += part[head + j]!;
  const firstInto = into.length - width;
  const firstPart = part.length - width;
  for (let v = 0; v < width; v++) {
    const row = part[firstPart + v]!;
    const seen = into[firstInto + v]!;
    if (row >= 0 && (seen < 0 || row < seen)) into[firstInto + v] = row;
  }
}

/**
 * The first rows at the end of a `[head | blocks × width | first rows]` table,
 * absent values (-1) as +Infinity, so that they sort last.
 *
 * @param table - a merged table
 * @param width - entries per block
 * @returns each value's first row
 */
export function firstRowsOf(table: Int32Array | Float64Array, width: number): Float64Array {
  return Float64Array.from(table.subarray(table.length - width), (row) =>
    row < 0 ? Number.POSITIVE_INFINITY : row,
  );
}

/**
 * An empty whole-column table for a pass (first rows -1).
 *
 * @param task - the pass
 * @param size - the length of a confusion result (per-block tables know theirs)
 * @returns the zeroed table
 */
function emptyTable(task: SharedPassTask, size: number): Int32Array | Float64Array {
  const head = headOf(task.range);
  const width = widthOf(task.range);
  if (width === 0) return new Float64Array(size);
  const table = new Int32Array(head + task.nBlocks * width + width);
  table.fill(-1, table.length - width);
  return table;
}

/**
 * Runs a worker's share of a shared pass (see {@link SharedPassTask}).
 *
 * @param task - the pass
 * @param run - runs one range task
 * @returns the sum over the claimed ranges, null when none was left, or an
 *   empty Int32Array when a range gave up (the census met a value it cannot
 *   count); then no other range is claimed by anyone
 */
export function runSharedPass(
  task: SharedPassTask,
  run: (range: RangeTask) => Int32Array | Float64Array,
): Int32Array | Float64Array | null {
  const { bounds, next, blockRows } = task;
  const ranges = bounds.length - 1;
  const head = headOf(task.range);
  const width = widthOf(task.range);
  let total: Int32Array | Float64Array | null = null;
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i >= ranges) return total;
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const part = run({ ...task.range, start, end });
    if (part.length === 0) {
      // make every other worker stop claiming too
      Atomics.store(next, 0, ranges);
      return part;
    }
    total ??= emptyTable(task, part.length);
    addBlockTable(total, part, head, width, Math.floor(start / blockRows));
  }
}

/**
 * Runs a pass as one shared-pass task per worker and merges their sums.
 *
 * @param run - queues one task on the pool
 * @param range - the task to run per range
 * @param ranges - the ranges, in row order
 * @param workers - tasks to queue (one per worker)
 * @param blockRows - rows per block of per-block tables
 * @param n - rows
 * @param onProgress - called with claimed and total ranges every 100 ms and at the end
 * @param here - runs a range on the calling thread, which then claims ranges too once the
 *   workers' tasks are queued (for a machine with a core left for it); omitted, it claims none
 * @returns the merged table, or an empty Int32Array when a range gave up
 */
export async function sharedPass(
  run: (task: SharedPassTask) => Promise<Int32Array | Float64Array | null>,
  range: RangeTask,
  ranges: readonly [number, number][],
  workers: number,
  blockRows: number,
  n: number,
  onProgress?: (done: number, total: number) => void,
  here?: (range: RangeTask) => Int32Array | Float64Array,
): Promise<Int32Array | Float64Array> {
  const bounds = new Float64Array(new SharedArrayBuffer((ranges.length + 1) * 8));
  ranges.forEach(([start], i) => {
    bounds[i] = start;
  });
  bounds[ranges.length] = ranges.at(-1)?.[1] ?? 0;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const task: SharedPassTask = {
    kind: 'shared-pass',
    range,
    bounds,
    next,
    blockRows,
    nBlocks: Math.ceil(n / blockRows),
  };
  const total = ranges.length;
  // the workers claim ranges without a message per range, so progress is read off the counter
  const timer =
    onProgress === undefined
      ? undefined
      : setInterval(() => onProgress(Math.min(Atomics.load(next, 0), total), total), 100);
  let parts: (Int32Array | Float64Array | null)[];
  try {
    // a failed task stops every other claim: the pass is lost anyway
    const stop = () => Atomics.store(next, 0, ranges.length);
    const queued = Array.from({ length: Math.max(1, Math.min(workers, ranges.length)) }, () =>
      run(task).catch((error: unknown) => {
        stop();
        throw error;
      }),
    );
    let own: Int32Array | Float64Array | null = null;
    try {
      if (here !== undefined) own = runSharedPass(task, here);
    } catch (error) {
      stop();
      await Promise.allSettled(queued);
      throw error;
    }
    // every task is waited for, so none is left claiming when this pass returns (or throws)
    const settled = await Promise.allSettled(queued);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    parts = settled.map(
      (r) => (r as PromiseFulfilledResult<Int32Array | Float64Array | null>).value,
    );
    parts.push(own);
  } finally {
    clearInterval(timer);
  }
  onProgress?.(total, total);
  if (parts.some((p) => p !== null && p.length === 0)) return new Int32Array(0);
  const head = headOf(range);
  const width = widthOf(range);
  let merged: Int32Array | Float64Array | null = null;
  for (const part of parts) {
    if (part === null) continue;
    merged ??= emptyTable(task, part.length);
    addBlockTable(merged, part, head, width, 0);
  }
  return merged ?? emptyTable(task, 0);
}
