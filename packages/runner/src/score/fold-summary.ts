import type { ScoreReport } from './score-report.js';

/**
 * Mean, population standard deviation (ddof 0), min and max of each metric
 * over the folds, leaving out folds where the metric is undefined (all null
 * when it is undefined in every fold). The standard deviation is null where only one fold
 * has a value (`holdout:F`): one value has no spread, and the 0 that numpy gives it read as
 * a fold-to-fold agreement that was never measured.
 *
 * @param names - the metric names, in column order
 * @param foldValues - per fold, the metric values in that order (NaN = undefined)
 * @returns the report's `summary` (empty without folds)
 * @example
 * ```ts
 * foldSummary(['accuracy'], [Float64Array.of(0.8), Float64Array.of(0.6)]);
 * // { accuracy: { mean: 0.7, std: 0.1, min: 0.6, max: 0.8, definedFolds: 2 } }
 * foldSummary(['accuracy'], [Float64Array.of(0.75)]).accuracy.std; // null
 * ```
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
      std: values.length < 2 ? null : Math.sqrt(variance),
      min: Math.min(...values),
      max: Math.max(...values),
      definedFolds: values.length,
    };
  });
  return summary;
}

/**
 * Warnings for metrics without a value on some folds (a ranking metric on a fold of one
 * class, say): their fold mean and spread cover only the other folds, which the summary's
 * `definedFolds` records but a reader of the mean would not guess.
 *
 * @param summary - the fold summary
 * @param folds - the number of folds
 * @param zeroWeightFolds - folds whose weights sum to 0 (default 0): every metric is undefined
 *   there, which a warning of their own says, so a metric undefined on those folds alone is
 *   left out here, and the others have them among the reasons
 * @returns one warning per such metric
 * @example
 * ```ts
 * undefinedFoldWarnings({ roc_auc: { mean: 0.9, std: 0, min: 0.9, max: 0.9, definedFolds: 1 } }, 5);
 * // ['roc_auc has no value on 4 of 5 folds, where it is undefined …; its fold mean and spread cover the other 1.']
 * ```
 */
export function undefinedFoldWarnings(
  summary: ScoreReport['summary'],
  folds: number,
  zeroWeightFolds = 0,
): string[] {
  const zeroWeight = zeroWeightFolds > 0 ? '; any metric on a fold whose weights sum to 0' : '';
  return Object.entries(summary).flatMap(([name, s]) =>
    s.definedFolds === undefined || s.definedFolds >= folds - zeroWeightFolds
      ? []
      : [
          `${name} has no value on ${folds - s.definedFolds} of ${folds} folds, where it is undefined (a ranking metric on a fold whose y_true has one class, as unshuffled folds of a file sorted by label give; r2 on a fold of one row${zeroWeight}); ${s.definedFolds === 0 ? 'it has no fold mean' : `its fold mean and spread cover the other ${s.definedFolds}`}.`,
        ],
  );
}
