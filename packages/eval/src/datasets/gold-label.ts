import { EvaluationError } from '../errors.js';

/** Where a gold label was read: the data row (from 1), the file and the label column. */
export interface LabelPlace {
  /** the data row, counted from 1 as messages count rows */
  readonly row: number;
  /** the data file */
  readonly path: string;
  /** the label column (`dataset.columns.label`, default `label`) */
  readonly column: string;
}

/**
 * A row's gold label (or target, or correct choice), refused when the cell holds no value: a
 * JSONL `null` or `""`, an empty CSV cell, whitespace only, or a missing Arrow or Parquet value.
 *
 * @remarks
 * Read as `""`, such a label was refused later as a label missing from `task.labels`, whose
 * advice (list every label the data uses) would have the user add `""` as a class. The row
 * is what needs fixing, as for a row without the column.
 * @param value - the cell as text (undefined when it holds nothing)
 * @param place - where the label was read
 * @returns the label
 * @throws EvaluationError `MISSING_VALUE` at `dataset.columns.label`, naming the data row,
 *   the file and the column
 * @example
 * goldLabel('spam', { row: 6, path: 'mail.csv', column: 'label' }); // 'spam'
 */
export function goldLabel(value: string | undefined, place: LabelPlace): string {
  if (value !== undefined && value.trim() !== '') return value;
  const what = value === undefined || value === '' ? 'no value' : 'only whitespace';
  throw new EvaluationError(
    'MISSING_VALUE',
    `Data row ${place.row} of '${place.path}' has ${what} in column '${place.column}' (dataset.columns.label); every row needs its gold answer there: fill it in or remove the row.`,
    { path: 'dataset.columns.label' },
  );
}
