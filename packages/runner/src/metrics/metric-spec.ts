import type { LabelTallies } from '@assay/core-metrics';
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
}

/** One entry of the metric registry. */
export type MetricSpec = ConfusionMetric | RowsMetric;
