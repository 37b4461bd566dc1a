import {
  cohenKappaFromConfusion,
  cohenKappaScore,
  encodeRatingPairs,
  type KappaWeights,
  type Label,
  type LabelInput,
} from '@assay/core-metrics';
import { createRng, drawIndices } from '@assay/splitters';
import { StatsError } from '../errors.js';
import { percentileIntervalOfSorted } from '../intervals/percentile-interval.js';
import { sortDefined } from '../quantiles/sort-defined.js';
import { checkCount, checkLevel, checkSeed, checkVector } from '../validation/check-arguments.js';
import { checkOptionKeys, type OptionKeys } from '../validation/check-option-keys.js';
import { type ResamplingUnits, resamplingUnits } from './resampling-units.js';

/** Options of {@link kappaInterval}. */
export interface KappaIntervalOptions {
  /** Disagreement weights: null (default, unweighted), `'linear'` or `'quadratic'`. */
  weights?: KappaWeights | null | undefined;
  /** Labels to keep and their order (matters for weights); default all, sorted. */
  labels?: readonly Label[] | undefined;
  /**
   * One cluster id per row: rows of a cluster (an item graded several times) are drawn
   * together. Default: every row is its own unit.
   */
  clusterIds?: ArrayLike<string | number> | undefined;
  /** Bootstrap resamples (default 1000). */
  resamples?: number | undefined;
  /** Confidence level of the interval (default 0.95). */
  ci?: number | undefined;
  /** Seed of the generator (`createRng` of `@assay/splitters`), an integer in [0, 2³²) (default 0). */
  seed?: number | undefined;
}

const KAPPA_KEYS: OptionKeys<KappaIntervalOptions> = {
  weights: true,
  labels: true,
  clusterIds: true,
  resamples: true,
  ci: true,
  seed: true,
};

/** Cohen's kappa with its bootstrap interval, from {@link kappaInterval}. */
export interface KappaInterval {
  /** Kappa on all rows, as `cohenKappaScore` computes it (NaN when undefined). */
  kappa: number;
  /** Lower end of the percentile interval (NaN when no resample has a defined kappa). */
  ciLow: number;
  /** Upper end of the percentile interval (NaN when no resample has a defined kappa). */
  ciHigh: number;
  /** Resamples whose kappa was defined: the ones the interval is made of. */
  resamples: number;
}

/**
 * Cohen's kappa of two raters (e.g. human grades and an LLM judge's) with a seeded
 * percentile bootstrap interval that resamples rows, or whole clusters of rows.
 *
 * @remarks
 * Kappa is `cohenKappaScore(y1, y2, { labels, weights })` (scikit-learn's
 * `cohen_kappa_score`). Each of the `resamples` replicates draws `n` rows with
 * replacement (`rng.nextInt(n)` each, one `createRng(seed)` stream for all replicates), or
 * with `clusterIds` the `C` clusters (`rng.nextInt(C)`, clusters in order of first
 * appearance) and every row of each, tallies the drawn rows' agreement matrix and scores
 * it with `cohenKappaFromConfusion`. Rows whose label is not in `labels` are drawn but not
 * counted, as scikit-learn would drop them from the resample.
 *
 * The label list is fixed by the full sample: each replicate equals
 * `cohen_kappa_score(y1[rows], y2[rows], weights=weights, labels=L)` with `L` the
 * `labels` option or, by default, every label of the full sample (both raters, sorted),
 * not the labels that happen to be drawn. With `weights`, the disagreement weight of two
 * labels is set by their positions in that list, so a fixed list keeps each weight's
 * meaning across resamples; `cohen_kappa_score` on the resample without `labels=` would
 * re-index the labels it sees, and differs when a resample misses a label (for
 * `y1 = [4, 3, 1]`, `y2 = [4, 3, 2]`, quadratic, the draw of rows 0, 2, 2 scores 0.8 with
 * `labels=[1, 2, 3, 4]` and 0.571 without). Unweighted kappa is the same either way. The interval is
 * {@link percentileInterval} of the defined replicates; replicates with NaN kappa (a
 * resample where chance agreement is perfect, e.g. every drawn row on one label) are left
 * out and not counted in `resamples`.
 *
 * Clusters matter when an item is graded more than once (judge repeats, several samples):
 * drawing rows would count each repeat as new evidence and narrow the interval with no
 * new information. Items each repeated `r` times with the same grades, clustered by item,
 * give the interval of the unrepeated items (up to rounding): the cluster draw repeats the
 * row draw, and kappa depends on the matrix only through its proportions.
 *
 * Sources: Cohen (1960), "A coefficient of agreement for nominal scales"; Efron &
 * Tibshirani (1993), "An Introduction to the Bootstrap", ch. 13 (percentile interval);
 * Field & Welsh (2007), "Bootstrapping clustered data", JRSS B 69(3) (resampling clusters).
 *
 * @param y1 - labels of the first rater (the rows of the agreement matrix, e.g. human)
 * @param y2 - labels of the second rater, same length (columns, e.g. the judge)
 * @param options - `weights`, `labels`, `clusterIds`, `resamples` (1000), `ci` (0.95), `seed` (0)
 * @returns kappa, the interval and the number of defined resamples
 * @throws StatsError `INVALID_COUNT` (`resamples`, `seed`), `INVALID_LEVEL` (`ci`),
 *   `LENGTH_MISMATCH` (`y2` of another length than `y1`; `clusterIds`), `MISSING_VALUE` (`clusterIds`), `MISSING_VALUE` or `INVALID_VALUE`
 *   when `y1`, `y2` or `options.clusterIds` is not an array; `MetricInputError` of
 *   `@assay/core-metrics` for bad labels or options of kappa (`weights`, `labels`)
 * @example
 * const human = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1, 3, 4];
 * const judge = [1, 3, 3, 4, 4, 3, 1, 5, 5, 2, 3, 4];
 * const r = kappaInterval(human, judge, { weights: 'quadratic', seed: 7 });
 * r.kappa; // 0.8770491803278688
 * [r.ciLow, r.ciHigh]; // [0.7307692307692308, 0.9500403225806451]
 * r.resamples; // 1000
 * @see sklearn.metrics.cohen_kappa_score
 */
export function kappaInterval(
  y1: LabelInput,
  y2: LabelInput,
  options: KappaIntervalOptions = {},
): KappaInterval {
  const fn = 'kappaInterval';
  checkOptionKeys(fn, options, KAPPA_KEYS);
  checkVector(fn, 'y1', y1, 'labels');
  checkVector(fn, 'y2', y2, 'labels');
  if (y1.length !== y2.length) {
    throw new StatsError(
      'LENGTH_MISMATCH',
      'y2',
      `kappaInterval: y1 has ${y1.length} ${y1.length === 1 ? 'rating' : 'ratings'} but y2 has ${y2.length}; pass both raters' labels of the same items in the same order.`,
    );
  }
  if (options.clusterIds !== undefined) {
    checkVector(fn, 'options.clusterIds', options.clusterIds, 'cluster ids');
  }
  const resamples = options.resamples ?? 1000;
  const ci = options.ci ?? 0.95;
  const seed = options.seed ?? 0;
  checkCount(fn, 'options.resamples', resamples, 1);
  checkLevel(fn, 'options.ci', ci);
  checkSeed(fn, 'options.seed', seed);
  const labels = options.labels === undefined ? {} : { labels: options.labels };
  const weights = options.weights ?? null;
  const kappa = cohenKappaScore(y1, y2, { ...labels, weights });
  const pairs = encodeRatingPairs(y1, y2, labels);
  const units = resamplingUnits(fn, pairs.cells, options.clusterIds);
  const replicates = bootstrapKappa(units, pairs.nClasses, weights, resamples, seed);
  const sorted = sortDefined(replicates);
  if (sorted.length === 0) return { kappa, ciLow: Number.NaN, ciHigh: Number.NaN, resamples: 0 };
  const [ciLow, ciHigh] = percentileIntervalOfSorted(sorted, ci);
  return { kappa, ciLow, ciHigh, resamples: sorted.length };
}

function bootstrapKappa(
  units: ResamplingUnits,
  nClasses: number,
  weights: KappaWeights | null,
  resamples: number,
  seed: number,
): Float64Array {
  const { count, starts, values } = units;
  const rng = createRng(seed);
  const counts = new Float64Array(nClasses * nClasses);
  const replicates = new Float64Array(resamples);
  // the draws of `count` calls of rng.nextInt(count), without a bound check per draw
  const drawn = new Uint32Array(count);
  for (let s = 0; s < resamples; s++) {
    counts.fill(0);
    drawIndices(rng, drawn, count, null);
    for (let j = 0; j < count; j++) {
      const k = drawn[j]!;
      for (let t = starts[k]!; t < starts[k + 1]!; t++) {
        const cell = values[t]!;
        if (cell >= 0) counts[cell]! += 1;
      }
    }
    replicates[s] = cohenKappaFromConfusion(counts, nClasses, { weights });
  }
  return replicates;
}
