import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import type { BootstrapTask } from '../../src/pool/task-types.js';
import { runBootstrapTask } from '../../src/pool/worker-tasks.js';
import type { ScoreColumns } from '../../src/score/score-columns.js';

/**
 * Runs a bootstrap task over the rows whose slice code is `slice` (every row when null) and
 * gives, for each of its seeds, the rows a replicate drew (as the runner draws them: n
 * indices into the selection with `createRng(seed).nextInt`) and the values it computed.
 *
 * @param columns - the job's columns, with `slice` codes when `slice` is given
 * @param metrics - registry names
 * @param seeds - one seed per replicate
 * @param slice - the slice code to draw from, or null for every row
 * @returns per replicate: the drawn rows and the task's values for them
 */
export function replicatesOf(
  columns: ScoreColumns,
  metrics: readonly string[],
  seeds: readonly number[],
  slice: number | null,
): { drawn: Uint32Array; values: Float64Array }[] {
  const selection = slice === null ? null : { ids: columns.slice!, value: slice };
  const task: BootstrapTask = { kind: 'bootstrap', columns, metrics, selection, seeds };
  const { values } = runBootstrapTask(task);
  const base =
    slice === null
      ? null
      : Uint32Array.from(Array.from(columns.slice!).flatMap((s, i) => (s === slice ? [i] : [])));
  const size = base === null ? columns.n : base.length;
  return seeds.map((seed, r) => {
    const draw = createRng(seed);
    const drawn = Uint32Array.from({ length: size }, () => {
      const i = draw.nextInt(size);
      return base === null ? i : base[i]!;
    });
    return { drawn, values: values.subarray(r * metrics.length, (r + 1) * metrics.length) };
  });
}

/**
 * A drawn row's weight and slice for the replicate property tests: a weight of 0 now and then
 * (a row that counts nowhere), else a multiple of 1/7 (sums that round), and one of two slices.
 */
export const weightedRowFields = {
  w: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 40 }).map((v) => v / 7),
  ),
  slice: fc.nat({ max: 1 }),
};
