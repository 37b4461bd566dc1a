import type { ScoreColumns } from '../score/score-columns.js';
import type { RowMultiplicity } from './metric-spec.js';

/**
 * The (weighted) mean of the defined values: NaN entries are left out with their weight,
 * as scikit-learn's one-vs-rest and one-vs-one averages skip a class that cannot be scored.
 *
 * @param values - one value per class or pair
 * @param weights - their weights, or null for the plain mean
 * @returns the mean, or NaN when no value is defined
 * @example
 * meanOfDefined([0.8, Number.NaN, 0.6], [1, 5, 3]); // 0.65
 */
export function meanOfDefined(
  values: readonly number[],
  weights: readonly number[] | null,
): number {
  let s = 0;
  let w = 0;
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    const wi = weights === null ? 1 : weights[i]!;
    s += v * wi;
    w += wi;
  });
  return w === 0 ? Number.NaN : s / w;
}

/**
 * The (weighted) number of rows of each true class in a selection.
 *
 * @param columns - the job's columns
 * @param rows - the rows (may repeat), or null for every row
 * @returns one support per class
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * classSupport(columns, Uint32Array.of(0, 0, 1)); // [2, 1]: rows 0 (twice) and 1 are classes 0 and 1
 * classSupport(columns, null); // [2, 2]
 */
export function classSupport(columns: ScoreColumns, rows: Uint32Array | null): number[] {
  const k = columns.classes.length;
  const support = new Array<number>(k).fill(0);
  const n = rows === null ? columns.n : rows.length;
  for (let i = 0; i < n; i++) {
    const r = rows === null ? i : rows[i]!;
    support[columns.yTrue[r]!]! += columns.weight === null ? 1 : columns.weight[r]!;
  }
  return support;
}

/**
 * {@link classSupport} of a draw given as row multiplicities.
 *
 * @param columns - the job's columns
 * @param draw - the multiplicity of every row
 * @returns one support per class
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] });
 * classSupportOfDraw(columns, { counts: Uint8Array.of(2, 0, 1, 1), domain: null }); // [3, 1]
 */
export function classSupportOfDraw(columns: ScoreColumns, draw: RowMultiplicity): number[] {
  const support = new Float64Array(columns.classes.length);
  const { counts, domain } = draw;
  const { yTrue, weight } = columns;
  const n = domain === null ? columns.n : domain.length;
  for (let i = 0; i < n; i++) {
    const r = domain === null ? i : domain[i]!;
    const c = counts[r]!;
    if (c !== 0) support[yTrue[r]!]! += weight === null ? c : c * weight[r]!;
  }
  return Array.from(support);
}
