import type { IntegerArray, LabelScanTask } from '../pool/task-types.js';

/**
 * Widest value range a chunk reports as a presence table; a wider chunk makes
 * the column fall back to the one-thread scan (same result, no big tables
 * crossing threads).
 */
const CHUNK_RANGE_LIMIT = 1 << 16;

/**
 * Which values a whole integer column holds: `table[v - min]` is 1 when `v`
 * occurs. The union of the chunks' tables, so the same whatever the chunking.
 */
export interface LabelPresence {
  readonly min: number;
  readonly table: Int32Array;
}

/** Pool-made presence tables of the in-memory label columns. */
export interface LabelPresenceByRole {
  readonly yTrue?: LabelPresence | undefined;
  readonly yPred?: LabelPresence | undefined;
}

/**
 * Which of the values 0..31 occur in rows `[start, end)`, as a bit set, or -1
 * as soon as a value outside 0..31 is met: the common case of few classes, in
 * one pass without a memory table (four values per step, one range check each).
 *
 * @param values - integer labels
 * @param start - first row
 * @param end - one past the last row
 * @returns the bit set (bit `v` set when `v` occurs, unsigned), or -1
 */
export function smallLabelBits(values: IntegerArray, start: number, end: number): number {
  let bits = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const v0 = values[i]!;
    const v1 = values[i + 1]!;
    const v2 = values[i + 2]!;
    const v3 = values[i + 3]!;
    // a negative value sets the sign bit, so the unsigned OR is below 32 only when all four are 0..31
    if ((v0 | v1 | v2 | v3) >>> 0 >= 32) return -1;
    bits |= (1 << v0) | (1 << v1) | (1 << v2) | (1 << v3);
  }
  for (; i < end; i++) {
    const v = values[i]!;
    if (v >>> 0 >= 32) return -1;
    bits |= 1 << v;
  }
  return bits >>> 0;
}

/**
 * Turns a non-empty {@link smallLabelBits} set into a presence table.
 *
 * @param bits - the bit set (not 0)
 * @returns the presence table from the smallest value to the largest
 */
export function presenceFromBits(bits: number): LabelPresence {
  const min = 31 - Math.clz32(bits & -bits);
  const max = 31 - Math.clz32(bits);
  const table = new Int32Array(max - min + 1);
  for (let v = min; v <= max; v++) if ((bits >>> v) & 1) table[v - min] = 1;
  return { min, table };
}

/**
 * Scans rows `[start, end)`: `[min, max, presence of min..max]`, or just
 * `[min, max]` when the range is wider than a chunk may report.
 *
 * @param values - integer labels
 * @param start - first row
 * @param end - one past the last row
 * @returns the chunk's range and presence table
 */
export function scanLabelRange(values: IntegerArray, start: number, end: number): Int32Array {
  const bits = end > start ? smallLabelBits(values, start, end) : -1;
  if (bits > 0) {
    const { min, table } = presenceFromBits(bits);
    const out = new Int32Array(2 + table.length);
    out[0] = min;
    out[1] = min + table.length - 1;
    out.set(table, 2);
    return out;
  }
  // one pass when every value is a small non-negative integer (the common case)
  const seen = new Uint8Array(CHUNK_RANGE_LIMIT);
  let small = true;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (v >= 0 && v < CHUNK_RANGE_LIMIT) seen[v] = 1;
    else {
      small = false;
      break;
    }
  }
  if (small) {
    const lo = seen.indexOf(1);
    if (lo < 0) return Int32Array.of(0, -1);
    const hi = seen.lastIndexOf(1);
    const out = new Int32Array(2 + hi - lo + 1);
    out[0] = lo;
    out[1] = hi;
    out.set(seen.subarray(lo, hi + 1), 2);
    return out;
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Uint32 values above 2^31 do not fit the Int32 header: report "too wide"
  if (max - min >= CHUNK_RANGE_LIMIT || max > 0x7fffffff) return Int32Array.of(0, -1);
  const out = new Int32Array(2 + max - min + 1);
  out[0] = min;
  out[1] = max;
  const offset = 2 - min;
  for (let i = start; i < end; i++) out[values[i]! + offset] = 1;
  return out;
}

/**
 * Scans an integer column in fixed chunks of `chunkRows` rows on the pool and
 * merges the presence tables on the calling thread.
 *
 * @param run - runs one task (on a worker or the calling thread)
 * @param values - the column (a shared buffer, so workers read it in place)
 * @param chunkRows - rows per task
 * @returns the column's presence table, or undefined when some chunk's range is
 *   too wide (the caller then scans on its own thread)
 */
export async function scanLabelsOnPool(
  run: (task: LabelScanTask) => Promise<Int32Array>,
  values: IntegerArray,
  chunkRows: number,
): Promise<LabelPresence | undefined> {
  const tasks: Promise<Int32Array>[] = [];
  for (let start = 0; start < values.length; start += chunkRows) {
    const end = Math.min(values.length, start + chunkRows);
    tasks.push(run({ kind: 'label-scan', values, start, end }));
  }
  return mergeLabelScans(await Promise.all(tasks));
}

/**
 * Merges the results of {@link scanLabelRange} over the parts of one column.
 *
 * @param parts - one scan per part, in any order
 * @returns the column's presence table, or undefined when some part's range is too wide
 *   (the caller then scans on its own thread)
 * @example
 * ```ts
 * const values = Int32Array.of(3, 1, 3, 2);
 * mergeLabelScans([scanLabelRange(values, 0, 2), scanLabelRange(values, 2, 4)]); // { min: 1, table: [1, 1, 1] }
 * ```
 */
export function mergeLabelScans(parts: readonly Int32Array[]): LabelPresence | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    if (part.length === 2) return undefined;
    min = Math.min(min, part[0]!);
    max = Math.max(max, part[1]!);
  }
  if (parts.length === 0 || max - min >= CHUNK_RANGE_LIMIT) return undefined;
  const table = new Int32Array(max - min + 1);
  for (const part of parts) {
    const shift = part[0]! - min;
    for (let j = 2; j < part.length; j++) if (part[j] === 1) table[j - 2 + shift] = 1;
  }
  return { min, table };
}

/**
 * The column as an integer typed array over shared memory, or undefined.
 *
 * @param values - an input column
 * @returns the column when workers can read it in place
 */
export function sharedIntegers(values: unknown): IntegerArray | undefined {
  const ok =
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Int8Array ||
    values instanceof Uint16Array ||
    values instanceof Int16Array ||
    values instanceof Uint32Array;
  // only a shared buffer is read in place by the workers; anything else would be copied per task
  return ok && values.buffer instanceof SharedArrayBuffer ? values : undefined;
}

/**
 * Scans the in-memory integer `yTrue` / `yPred` columns of a classification
 * job on the pool, so that label encoding does not scan them on the calling
 * thread. Columns that are not shared integer typed arrays are left out.
 * The merged tables do not depend on how the rows are cut into tasks.
 *
 * @param run - runs one task
 * @param input - the job's in-memory columns
 * @param chunkRows - the fewest rows per task
 * @param workers - the pool size: each column is cut into at most this many tasks
 * @returns the presence tables found
 */
export async function scanInputLabels(
  run: (task: LabelScanTask) => Promise<Int32Array>,
  input: { readonly yTrue?: unknown; readonly yPred?: unknown },
  chunkRows: number,
  workers: number,
): Promise<LabelPresenceByRole> {
  const yTrue = sharedIntegers(input.yTrue);
  const yPred = sharedIntegers(input.yPred);
  // few large tasks: the scan is one fast pass, so per-task overhead would dominate small chunks
  const longest = Math.max(yTrue?.length ?? 0, yPred?.length ?? 0);
  const rows = Math.max(chunkRows, Math.ceil(longest / workers));
  const [t, p] = await Promise.all([
    yTrue === undefined ? undefined : scanLabelsOnPool(run, yTrue, rows),
    yPred === undefined || yPred === yTrue ? undefined : scanLabelsOnPool(run, yPred, rows),
  ]);
  return { yTrue: t, yPred: yPred !== undefined && yPred === yTrue ? t : p };
}
