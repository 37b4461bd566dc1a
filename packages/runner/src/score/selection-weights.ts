import type { Folding } from './build-folds.js';
import type { ScoreColumns } from './score-columns.js';

/** The weights of each selection a score report shows values for. */
export interface SelectionWeights {
  /** Total weight: the whole set, then each slice in code order (index `s + 1` for code `s`). */
  readonly total: Float64Array;
  /** Rows of weight 0, indexed the same way. */
  readonly zeroRows: Int32Array;
}

/** Counted once per job's columns: the report and the bootstrap's notes both read them. */
const counted = new WeakMap<object, SelectionWeights>();

/**
 * The total weight and the rows of weight 0 of the whole set and of each slice.
 *
 * @param columns - the job's columns
 * @returns the weights, or null for unweighted rows (every selection then counts its rows)
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1], yPred: [0, 1, 0], weight: [1, 0, 0], slice: ['a', 'b', 'b'] });
 * selectionWeights(columns); // { total: Float64Array [1, 1, 0], zeroRows: Int32Array [2, 0, 2] }
 * ```
 */
export function selectionWeights(
  columns: Pick<ScoreColumns, 'n' | 'weight' | 'slice' | 'sliceValues'>,
): SelectionWeights | null {
  const { weight, slice, n } = columns;
  if (weight === null) return null;
  const known = counted.get(columns);
  if (known !== undefined) return known;
  const size = 1 + (slice === null ? 0 : columns.sliceValues.length);
  const total = new Float64Array(size);
  const zeroRows = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    const w = weight[i]!;
    const s = slice === null ? 0 : slice[i]! + 1;
    total[0]! += w;
    if (s > 0) total[s]! += w;
    if (w === 0) {
      zeroRows[0]!++;
      if (s > 0) zeroRows[s]!++;
    }
  }
  const weights = { total, zeroRows };
  counted.set(columns, weights);
  return weights;
}

/**
 * The total weight of each CV fold's test rows, in the order of `folds`.
 *
 * @param weight - the row weights
 * @param folds - the folds, each with its number and the folding whose ids select its rows
 * @returns one total per fold; NaN for a folding without ids (the runner's own stratified
 *   folds write them only for row-based metrics: their totals are their counts' sums)
 * @example
 * ```ts
 * const folding = { ids: Int32Array.of(0, 0, 1, 1), offset: 0, splits: [] };
 * foldWeightTotals(Float64Array.of(0, 0, 1, 2), [{ fold: 0, folding }, { fold: 1, folding }]);
 * // Float64Array [0, 3]
 * ```
 */
export function foldWeightTotals(
  weight: Float64Array,
  folds: readonly { readonly fold: number; readonly folding: Pick<Folding, 'ids'> }[],
): Float64Array {
  // one pass per folding (a repeat of a repeated CV), its folds' totals by fold number
  const perFolding = new Map<Pick<Folding, 'ids'>, Float64Array>();
  const size = Math.max(0, ...folds.map((f) => f.fold + 1));
  for (const { folding } of folds) {
    if (perFolding.has(folding)) continue;
    const { ids } = folding;
    const totals = new Float64Array(size).fill(ids.length === weight.length ? 0 : Number.NaN);
    for (let i = 0; i < ids.length && ids.length === weight.length; i++) {
      const f = ids[i]!;
      if (f >= 0) totals[f]! += weight[i]!;
    }
    perFolding.set(folding, totals);
  }
  return Float64Array.from(folds, (f) => perFolding.get(f.folding)![f.fold]!);
}
