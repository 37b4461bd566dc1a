/**
 * One row of a `ClassificationReport`: a label's or an average's scores. A type-only
 * module of its own, so that the text rendering can use it without importing the report.
 *
 * @example
 * ```ts
 * import type { ClassificationReportRow } from '@assay/core-metrics';
 * const row: ClassificationReportRow = { precision: 1, recall: 0.5, 'f1-score': 2 / 3, support: 2 };
 * ```
 */
export interface ClassificationReportRow {
  readonly precision: number;
  readonly recall: number;
  readonly 'f1-score': number;
  /** Number (or total weight) of true rows. */
  readonly support: number;
}
