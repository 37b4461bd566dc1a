import type { LabelTallies, RegressionAccumulator, RowCounts } from '@assay/core-metrics';
import type { ScoreColumns, ScoreTask } from '../score/score-columns.js';

/** The input a metric needs beyond the true values. */
export type MetricNeeds = 'labels' | 'scores' | 'proba' | 'values';

/**
 * A metric computed from a K×K confusion count matrix: mergeable across row
 * chunks, and bootstrapped by resampling the counts. Every such metric reads
 * only the per-class tallies of the matrix (diagonal, row and column sums), so
 * above the confusion-matrix class limit it is computed from those instead.
 */
export interface ConfusionMetric {
  readonly name: string;
  readonly task: 'classification';
  readonly needs: 'labels';
  readonly kind: 'confusion';
  readonly greaterIsBetter: boolean;
  /**
   * @param counts - row-major K×K counts (row = true class)
   * @param nClasses - K
   * @param columns - the job's columns (for class names and the positive class)
   * @returns the metric value (NaN when undefined)
   */
  compute(counts: Float64Array, nClasses: number, columns: ScoreColumns): number;
  /**
   * Whether the metric has a value on these counts at all, asked of bootstrap replicates.
   * scikit-learn's `zero_division` makes a share without a denominator 0 (recall when no
   * positive row was drawn), which the whole set's value follows; inside an interval such a
   * 0 is no draw of the metric, and a rare positive class gave `recall 1 [0, 1]` for 2 of 2
   * found. A replicate where this is false is left out of the interval (NaN). Absent: always.
   *
   * @param counts - row-major K×K counts (row = true class)
   * @param nClasses - K
   * @param columns - the job's columns
   * @returns false when the metric is undefined on the counts
   */
  definedOn?(counts: Float64Array, nClasses: number, columns: ScoreColumns): boolean;
  /**
   * The same value from per-class tallies, for jobs with more classes than
   * `CONFUSION_MATRIX_CLASS_LIMIT` (no K×K matrix is ever built for them). A metric
   * that needs single cells of the matrix leaves it out: above the limit it is then
   * NaN with a warning.
   *
   * @param tallies - tp, predicted and actual count of every class code
   * @param columns - the job's columns
   * @returns the metric value (NaN when undefined)
   */
  computeTallies?(tallies: LabelTallies, columns: ScoreColumns): number;
  /**
   * The replicate value ({@link ConfusionMetric.definedOn}, then `compute`) as a function of
   * the counts alone, with the options and the positive class resolved once: for the
   * thousands of bootstrap replicates of one job, where checking them again on every
   * replicate cost more than the metric. Must equal `replicateValue` on every count matrix
   * (bit for bit: the worker count must not change a result). Absent: `replicateValue`.
   *
   * @param nClasses - K
   * @param columns - the job's columns
   * @returns the value of a K×K count matrix (NaN where the metric has none)
   * @throws what `compute` throws for the job itself (a binary metric of three classes)
   */
  evaluator?(nClasses: number, columns: ScoreColumns): (counts: Float64Array) => number;
}

/**
 * A resampled row set as multiplicities: row `r` counts `counts[r]` times (a bootstrap
 * draw, or a selection with 1 on its rows); rows outside the draw count 0.
 */
export interface RowMultiplicity {
  /** How many times each row was drawn, indexed by row; at least `columns.n` long. */
  readonly counts: RowCounts;
  /**
   * Ascending rows that hold every row with a non-zero count (the selection the draw was
   * made from), or null for every row: metrics that rank rows rank these once and reuse
   * the ranking for every draw from them.
   */
  readonly domain: Uint32Array | null;
}

/**
 * A metric computed from rows (a ranking, a loss over scores, a median): run
 * per fold over a row selection, bootstrapped by resampling rows.
 */
export interface RowsMetric {
  readonly name: string;
  readonly task: ScoreTask;
  readonly needs: MetricNeeds;
  readonly kind: 'rows';
  readonly greaterIsBetter: boolean;
  /**
   * @param columns - the job's columns
   * @param rows - the rows to use (may repeat, for bootstrap), or null for all
   * @returns the metric value (NaN when undefined)
   */
  compute(columns: ScoreColumns, rows: Uint32Array | null): number;
  /**
   * Whether the metric has a value on these rows at all, asked of bootstrap replicates (see
   * {@link ConfusionMetric.definedOn}): scikit-learn's average precision is 0 on rows without a
   * positive, and R² 0 or 1 on rows whose true values are all equal; the whole set's value
   * follows it, but a replicate where this is false is left out of the interval (NaN).
   * Absent: always.
   *
   * @param columns - the job's columns
   * @param rows - the drawn rows (may repeat), or null for every row
   * @returns false when the metric is undefined on the rows
   */
  definedOn?(columns: ScoreColumns, rows: Uint32Array | null): boolean;
  /**
   * The same value from row multiplicities, when the metric has a faster path for them
   * than the drawn rows (ranking metrics: one pass along a ranking made once, instead of a
   * sort per draw). Must equal `compute` on the drawn rows (to rounding), and decline only
   * on the job's shape (never on what a thread happens to hold), so that results do not
   * depend on the worker.
   *
   * @param columns - the job's columns
   * @param draw - the multiplicity of every row
   * @returns the metric value (NaN when undefined), or undefined to have `compute` read
   *   the drawn rows instead
   */
  computeResampled?(columns: ScoreColumns, draw: RowMultiplicity): number | undefined;
  /**
   * The value read off the selection's regression moments, which `computeMetricValues`
   * accumulates once for all such metrics of a call: one pass over the rows for the eight
   * regression metrics, where each `compute` gathered the rows and made its own pass (8
   * passes per bootstrap replicate). Must equal `compute` bit for bit: the moments are those
   * the core-metrics function builds over the gathered rows, added in the same order.
   */
  readonly fromMoments?: RegressionMomentsReader;
}

/** How a regression metric reads its value off a selection's moments. */
export interface RegressionMomentsReader {
  /** Whether the moments must keep every absolute residual (the median needs them). */
  readonly residuals: boolean;
  /**
   * @param moments - the selection's moments (not to be changed)
   * @returns the metric value
   */
  read(moments: RegressionAccumulator): number;
}

/** One entry of the metric registry. */
export type MetricSpec = ConfusionMetric | RowsMetric;
