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
 * One row of a text column: a string, several strings (an array in JSONL, a list in
 * Arrow or Parquet; `null` entries are missing ones), or `null` when the row has none.
 */
export type TextValue = string | readonly (string | null)[] | null;

/**
 * A text column loaded from a file (generation outputs and references): the strings
 * exactly as written, in an ordinary array (strings cannot live in shared memory).
 */
export interface TextColumn {
  readonly kind: 'text';
  readonly name: string;
  readonly values: readonly TextValue[];
}

/**
 * Every {@link ColumnKind}, in the order messages list them.
 *
 * @example
 * ```ts
 * COLUMN_KINDS.includes('label'); // true
 * ```
 */
export const COLUMN_KINDS = ['number', 'label', 'auto', 'text'] as const;

/**
 * How a requested column is read: `number` (every value must be numeric),
 * `label` (numbers or strings, dictionary-encoded), `auto` (numeric when
 * every value is, else labels) or `text` (strings as written, or arrays of
 * strings, into {@link LoadedTable.texts}).
 */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The columns read from one file. */
export interface LoadedTable {
  /** Number of rows. */
  readonly n: number;
  /** The requested columns by name (every kind but `text`). */
  readonly columns: ReadonlyMap<string, LoadedColumn>;
  /** The requested `text` columns by name (absent when none was requested). */
  readonly texts?: ReadonlyMap<string, TextColumn> | undefined;
  /** Every column name the file has, in file order. */
  readonly available: readonly string[];
}
