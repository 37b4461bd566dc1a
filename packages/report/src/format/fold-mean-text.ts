import type { MetricSummary } from '../results/run-results-schema.js';
import { fmt } from './format-number.js';

/**
 * A metric's fold mean ± standard deviation, saying over how many folds when the metric is
 * undefined on some (a ranking metric on a fold of one class): the mean then covers only the
 * others, which the bare figure would hide.
 *
 * @param s - the metric's summary (`mean`, `std`, per-fold values with `null` = undefined)
 * @returns `0.900 ± 0.020`, or `0.900 ± 0.020 (over 3 of 5 folds; undefined on the others)`
 * @example
 * foldMeanText({ mean: 0.9, std: 0.02, folds: [0.88, null, 0.92] }); // '0.900 ± 0.020 (over 2 of 3 folds; undefined on the others)'
 */
export function foldMeanText(s: Pick<MetricSummary, 'mean' | 'std' | 'folds'>): string {
  const text = `${fmt(s.mean)} ± ${fmt(s.std)}`;
  const defined = s.folds.filter((f) => f !== null).length;
  if (s.mean === null || defined === s.folds.length) return text;
  return `${text} (over ${defined} of ${s.folds.length} folds; undefined on the others)`;
}
