import { metricSpec } from '@assay/runner';
import type { PredictionRow } from '../run/prediction-row.js';

/**
 * How many items the two runs answered differently (any prediction of the item): the only
 * items a paired test can learn from. Scored tasks compare what the metrics read (the parsed
 * answer and the score: `"Spam."` and `"spam"` are the same answer); generation compares the
 * text.
 *
 * @param rowsA - one run's rows
 * @param rowsB - the other run's rows of the same predictions, in the same order
 * @param byText - compare the answers' text (generation tasks) instead of parsed answer and score
 * @param labelsOnly - compare the parsed answers alone, for a metric that reads no score
 * @returns the number of distinct item ids with a differing prediction
 * @example
 * differingItems(baseline.rows, candidate.rows); // 8
 */
export function differingItems(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  byText = false,
  labelsOnly = false,
): number {
  const differ = new Set<string>();
  rowsA.forEach((a, i) => {
    const b = rowsB[i]!;
    // a metric of labels alone (f1_macro) learns nothing from items whose scores alone differ
    const same = byText
      ? a.rawAnswer === b.rawAnswer
      : a.parsed === b.parsed && (labelsOnly || a.score === b.score);
    if (!same) differ.add(a.id);
  });
  return differ.size;
}

/**
 * The smallest p-value a paired test over items can give when `d` items differ: 2 / 2^d (all
 * 2^d swaps of the differing items' answers, the observed one and its mirror the most
 * extreme). McNemar's exact test and the sign-flip test respect it by construction; the
 * bootstrap does not (5 items all worse resample to p = 0), so its p-value is raised to it.
 *
 * @param p - the bootstrap p-value (0: no resample crossed zero)
 * @param d - items answered differently
 * @param bootstrap - resamples (a p-value of 0 stands for p < 2 / bootstrap)
 * @returns the p-value, raised to the floor when the floor is above what it stands for
 * @example
 * flooredBootstrapP(0, 5, 1000); // 0.0625
 * flooredBootstrapP(0, 300, 1000); // 0 (it stands for p < 0.002, above 2 / 2^300)
 */
export function flooredBootstrapP(p: number, d: number, bootstrap: number): number {
  const floor = Math.min(1, 2 ** (1 - d));
  const standsFor = bootstrapPBound(p, bootstrap);
  return floor > standsFor ? floor : p;
}

/**
 * What a bootstrap p-value stands for in a decision: itself, or for 0 (no resample crossed
 * zero) its bound 2 / B, which is all that 0 says.
 *
 * @param p - the bootstrap p-value
 * @param bootstrap - resamples (B)
 * @returns the p-value, or the bound for a 0
 * @example
 * bootstrapPBound(0, 1000); // 0.002
 */
export function bootstrapPBound(p: number, bootstrap: number): number {
  return p === 0 && bootstrap > 0 ? Math.min(1, 2 / bootstrap) : p;
}

/**
 * Whether a metric reads the predicted labels alone (no score or probability): its paired test
 * can learn only from items whose parsed answers differ.
 *
 * @param metric - the metric's name (any alias)
 * @returns true for label metrics of the runner's registry (`f1_macro`, `accuracy`, ...)
 * @example
 * readsLabelsOnly('f1_macro'); // true
 */
export function readsLabelsOnly(metric: string): boolean {
  return metricSpec(metric)?.needs === 'labels';
}
