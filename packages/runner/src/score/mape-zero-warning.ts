import type { ScoreColumns } from './score-columns.js';

/** scikit-learn's floor for |y_true| in MAPE (`np.finfo(np.float64).eps`). */
const MAPE_FLOOR = Number.EPSILON;

/**
 * The warning for MAPE over true values of 0: scikit-learn divides by `max(|y_true|, ε)`, so
 * one such row adds `|error| / 2.2e-16` and the whole value reads 1e14 or more, set by those
 * rows alone; a user's six rows with one true 0 scored mape 3.753e+14 with no word why.
 *
 * @param names - the job's metric names
 * @param columns - the scored columns
 * @returns the warning, or undefined without `mape` or without a true value below ε that the
 *   prediction misses (on a row of positive weight)
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1.5, 3.2], yPred: [0.5, 1.2, 2.9] });
 * mapeZeroWarning(['mae', 'mape'], columns);
 * // 'mape divides each error by |y_true|, which is 0 on 1 row that the prediction misses: …'
 * ```
 */
export function mapeZeroWarning(
  names: readonly string[],
  columns: ScoreColumns,
): string | undefined {
  const y = columns.yTrueValues;
  const p = columns.yPredValues;
  if (y === null || p === null || !names.includes('mape')) return undefined;
  const w = columns.weight;
  let zeros = 0;
  for (let i = 0; i < y.length; i++) {
    // a prediction of exactly 0 there adds nothing: only a missed 0 explodes
    if (Math.abs(y[i]!) < MAPE_FLOOR && p[i] !== y[i] && (w === null || w[i]! > 0)) zeros++;
  }
  if (zeros === 0) return undefined;
  const rows = zeros === 1 ? '1 row' : `${zeros} rows`;
  return `mape divides each error by |y_true|, which is 0 on ${rows} that the prediction misses: scikit-learn's floor of 2.2e-16 stands in there, so mape is set by ${zeros === 1 ? 'that row' : 'those rows'} alone (each adds its error over 2.2e-16) and says nothing of the others; read mae, or leave mape out (--metrics).`;
}
