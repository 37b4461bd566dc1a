import type { ScoreColumns } from './score-columns.js';

/** scikit-learn's floor for |y_true| in MAPE (`np.finfo(np.float64).eps`). */
const MAPE_FLOOR = Number.EPSILON;

/** A row whose error is this many times its |y_true| or more has a true value of 0 or nearly. */
const NEAR_ZERO_RATIO = 1e6;

/**
 * The warning for MAPE set by true values of 0 or nearly: scikit-learn divides each error by
 * `max(|y_true|, ε)`, so one such row adds `|error| / 2.2e-16` (or its error over a tiny true
 * value) and can make the whole value 1e14 or more; a user's six rows with one true 0 scored
 * mape 3.753e+14 with no word why.
 *
 * @remarks
 * A row counts when its error is a million times its |y_true| or more (ε for a 0); the warning
 * is given when such rows make at least half of mape (weighted as mape weighs them). A true 0
 * predicted within 1e-20 adds 4.5e-5 and is no cause; a true 1e-12 missed by 1 adds 1e12.
 *
 * @param names - the job's metric names
 * @param columns - the scored columns
 * @returns the warning, or undefined without `mape` or without such rows making half of it
 * @example
 * ```ts
 * const { columns } = prepareColumns({ yTrue: [0, 1.5, 3.2], yPred: [0.5, 1.2, 2.9] });
 * mapeZeroWarning(['mae', 'mape'], columns);
 * // 'mape divides each error by |y_true|, which is 0 or nearly so (under a millionth of the error) on 1 row: …'
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
  let total = 0;
  let nearZero = 0;
  let rows = 0;
  for (let i = 0; i < y.length; i++) {
    const weight = w === null ? 1 : w[i]!;
    if (!(weight > 0)) continue;
    const error = Math.abs(p[i]! - y[i]!);
    const term = (weight * error) / Math.max(Math.abs(y[i]!), MAPE_FLOOR);
    total += term;
    if (error > 0 && error >= NEAR_ZERO_RATIO * Math.abs(y[i]!)) {
      nearZero += term;
      rows++;
    }
  }
  if (rows === 0 || !(nearZero >= total / 2)) return undefined;
  const which = rows === 1 ? '1 row' : `${rows} rows`;
  const share = `${Math.round((100 * nearZero) / total)}%`;
  return `mape divides each error by |y_true|, which is 0 or nearly so (under a millionth of the error) on ${which}: ${rows === 1 ? 'it makes' : 'they make'} ${share} of mape (scikit-learn's floor of 2.2e-16 stands in for a 0), so mape says nothing of the other rows; read mae, or leave mape out (--metrics).`;
}
