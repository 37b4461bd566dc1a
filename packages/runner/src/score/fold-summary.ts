import type { ScoreReport } from './score-report.js';

/**
 * Mean, population standard deviation (ddof 0), min and max of each metric
 * over the folds, leaving out folds where the metric is undefined (all null
 * when it is undefined in every fold).
 *
 * @param names - the metric names, in column order
 * @param foldValues - per fold, the metric values in that order (NaN = undefined)
 * @returns the report's `summary` (empty without folds)
 */
export function foldSummary(
  names: readonly string[],
  foldValues: readonly Float64Array[],
): ScoreReport['summary'] {
  const summary: ScoreReport['summary'] = {};
  if (foldValues.length === 0) return summary;
  names.forEach((name, j) => {
    const values = foldValues.map((v) => v[j]!).filter((v) => Number.isFinite(v));
    if (values.length === 0) {
      summary[name] = { mean: null, std: null, min: null, max: null, definedFolds: 0 };
      return;
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    summary[name] = {
      mean,
      std: Math.sqrt(variance),
      min: Math.min(...values),
      max: Math.max(...values),
      definedFolds: values.length,
    };
  });
  return summary;
}
