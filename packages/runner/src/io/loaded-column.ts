import type { Label } from '@assay/core-metrics';

/**
 * A numeric column loaded from a file: Float64 values in shared memory, NaN
 * where the file had a null or empty cell.
 */
export interface NumberColumn {
  readonly kind: 'number';
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * A label column loaded from a file: Int32 codes in shared memory into
 * `dictionary` (in first-seen order), -1 where the file had a null, empty or
 * NaN cell.
 */
export interface LabelColumn {
  readonly kind: 'label';
  readonly name: string;
  readonly codes: Int32Array;
  readonly dictionary: readonly Label[];
}

/** One loaded column. */
export type LoadedColumn = NumberColumn | LabelColumn;

/**
 * How a requested column is read: `number` (every value must be numeric),
 * `label` (numbers or strings, dictionary-encoded) or `auto` (numeric when
 * every value is, else labels).
 */
export type ColumnKind = 'number' | 'label' | 'auto';

/** The columns read from one file. */
export interface LoadedTable {
  /** Number of rows. */
  readonly n: number;
  /** The requested columns by name. */
  readonly columns: ReadonlyMap<string, LoadedColumn>;
  /** Every column name the file has, in file order. */
  readonly available: readonly string[];
}
