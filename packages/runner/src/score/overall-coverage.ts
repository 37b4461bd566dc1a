import type { ScoreReport } from './score-report.js';

/**
 * The warning for a CV whose test folds leave rows untested (`holdout:F` tests a fraction,
 * `timeseries:K` never tests the first block): `overall`, and its interval, still cover every
 * row of the predictions as given, so a reader who takes the file's untested rows for training
 * rows would read a figure partly of training predictions beside the holdout's own value.
 * Folds given per row (`foldIds`) are left to their caller, which knows what its -1 rows are
 * (`assay score --folds` and `assay run` say so themselves).
 *
 * @param n - the rows scored
 * @param folds - the report's folds
 * @param cv - the CV setting as the report shows it
 * @param withInterval - whether `overall` has intervals (a bootstrap)
 * @returns the warning, or undefined when every row is tested (or there is no CV)
 * @example
 * ```ts
 * overallCoverageWarning(200, [{ repeat: 0, nTest: 60 }], 'holdout:0.3', true);
 * // 'overall covers all 200 rows (the predictions as given), while the test fold of cv holdout:0.3 holds 60: …'
 * overallCoverageWarning(10, [{ repeat: 0, nTest: 5 }, { repeat: 0, nTest: 5 }], 'kfold:2', true); // undefined
 * ```
 */
export function overallCoverageWarning(
  n: number,
  folds: readonly Pick<ScoreReport['folds'][number], 'repeat' | 'nTest'>[],
  cv: string,
  withInterval: boolean,
): string | undefined {
  if (cv === 'foldIds' || folds.length === 0) return undefined;
  let tested = 0;
  for (const f of folds) if (f.repeat === 0) tested += f.nTest;
  if (tested >= n) return undefined;
  const count = (x: number) => x.toLocaleString('en-US');
  const one = folds.length === 1;
  const held = one ? `test fold of cv ${cv} holds` : `test folds of cv ${cv} hold`;
  const interval = withInterval ? ' and its interval' : '';
  const instead = one
    ? "the fold's value, which has no interval or spread (one fold)"
    : "the folds' values";
  return `overall covers all ${count(n)} rows (the predictions as given), while the ${held} ${count(tested)}: the ${count(n - tested)} rows that no fold tests count in overall${interval} but in no fold. Report overall if no row's prediction came from a model trained on it; otherwise report ${instead}.`;
}
