import type { ScoreColumns } from './score-columns.js';

/** The weights of each selection a score report shows values for. */
export interface SelectionWeights {
  /** Total weight: the whole set, then each slice in code order (index `s + 1` for code `s`). */
  readonly total: Float64Array;
  /** Rows of weight 0, indexed the same way. */
  readonly zeroRows: Int32Array;
}

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
  return { total, zeroRows };
}
