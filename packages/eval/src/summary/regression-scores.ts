/**
 * Computes one regression metric over paired targets and predictions.
 *
 * @param name - `mean_absolute_error`, `mean_squared_error`, `root_mean_squared_error`,
 *   `median_absolute_error` or `r2`
 * @param yTrue - targets
 * @param yPred - predictions (same length)
 * @param rows - row indices to use (may repeat)
 * @returns the metric; NaN for no rows (and for `r2` with constant targets)
 * @example
 * regressionScore('mean_absolute_error', [1, 2], [1, 3], [0, 1]); // 0.5
 * @see sklearn.metrics.mean_absolute_error
 */
export function regressionScore(
  name: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  rows: ArrayLike<number>,
): number {
  const n = rows.length;
  if (n === 0) return Number.NaN;
  let sae = 0;
  let sse = 0;
  let sum = 0;
  const abs: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const d = yTrue[r]! - yPred[r]!;
    sae += Math.abs(d);
    sse += d * d;
    sum += yTrue[r]!;
    abs.push(Math.abs(d));
  }
  switch (name) {
    case 'mean_absolute_error':
      return sae / n;
    case 'mean_squared_error':
      return sse / n;
    case 'root_mean_squared_error':
      return Math.sqrt(sse / n);
    case 'median_absolute_error': {
      abs.sort((a, b) => a - b);
      const h = Math.floor(n / 2);
      return n % 2 === 1 ? abs[h]! : (abs[h - 1]! + abs[h]!) / 2;
    }
    case 'r2': {
      const mean = sum / n;
      let sst = 0;
      for (let i = 0; i < n; i++) sst += (yTrue[rows[i]!]! - mean) ** 2;
      return sst === 0 ? Number.NaN : 1 - sse / sst;
    }
    default:
      throw new RangeError(`regressionScore: unknown metric '${name}'.`);
  }
}
