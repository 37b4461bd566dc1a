import { describeValue } from '@assay/labels';
import { RunnerError } from '../errors.js';
import type { LabelCensus } from '../score/label-census.js';
import type { LoadedTable } from './loaded-column.js';

/** Two label columns of a table to be scored against each other: true and predicted. */
export interface LabelPair {
  /** The column of true labels. */
  readonly yTrue: string;
  /** The column of predicted labels. */
  readonly yPred: string;
}

/**
 * Checks `loadColumns`' `labelPair` option.
 *
 * @param value - the option's value
 * @returns the pair, or undefined when the option is omitted
 * @throws {@link RunnerError} `INVALID_OPTION` for anything but two column names
 * @example
 * ```ts
 * checkLabelPair({ yTrue: 'label', yPred: 'prediction' }); // { yTrue: 'label', yPred: 'prediction' }
 * try {
 *   checkLabelPair(['label', 'prediction']);
 * } catch (error) {
 *   error.code; // 'INVALID_OPTION'
 * }
 * ```
 */
export function checkLabelPair(value: unknown): LabelPair | undefined {
  if (value === undefined) return undefined;
  const pair = value as Partial<Record<keyof LabelPair, unknown>> | null;
  if (
    typeof value !== 'object' ||
    pair === null ||
    Array.isArray(value) ||
    typeof pair.yTrue !== 'string' ||
    typeof pair.yPred !== 'string'
  ) {
    throw new RunnerError(
      'INVALID_OPTION',
      `labelPair must name the true and the predicted label columns, e.g. { yTrue: 'label', yPred: 'prediction' }, got ${describeValue(value)}.`,
      { path: 'labelPair' },
    );
  }
  return { yTrue: pair.yTrue, yPred: pair.yPred };
}

/** A census, with the two column objects it was counted from. */
interface KeptCensus {
  readonly pair: LabelPair;
  readonly columns: readonly [unknown, unknown];
  readonly census: LabelCensus;
}

/** The census of each table's label pair, counted while the file was read. */
const censuses = new WeakMap<LoadedTable, KeptCensus>();

/**
 * Records the census that a reader counted for a table's label pair (kept beside the table,
 * not in it: the table's shape is the same with or without one).
 *
 * @param table - the loaded table
 * @param pair - the columns counted
 * @param census - their census, by raw value
 * @returns the table
 */
export function withLoadedCensus(
  table: LoadedTable,
  pair: LabelPair,
  census: LabelCensus,
): LoadedTable {
  const columns = [table.columns.get(pair.yTrue), table.columns.get(pair.yPred)] as const;
  censuses.set(table, { pair: { yTrue: pair.yTrue, yPred: pair.yPred }, columns, census });
  return table;
}

/**
 * The census counted while a table was read, when it is of these two columns in this order
 * and the table still holds the very column objects it was counted from (a column replaced
 * in the table's map since then gets none).
 *
 * @param table - a table (anything; only a loaded table can have one)
 * @param pair - the columns that the scoring job reads as true and predicted labels
 * @returns the census, or null
 */
export function loadedCensus(table: object, pair: LabelPair): LabelCensus | null {
  const found = censuses.get(table as LoadedTable);
  if (found === undefined || found.pair.yTrue !== pair.yTrue || found.pair.yPred !== pair.yPred)
    return null;
  const columns = (table as LoadedTable).columns;
  const same =
    columns.get(pair.yTrue) === found.columns[0] && columns.get(pair.yPred) === found.columns[1];
  return same ? found.census : null;
}
