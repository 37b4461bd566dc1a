import type { LoadedColumn } from '../io/loaded-column.js';

/** The columns of a scoring job by role, before validation and encoding. */
export interface RawColumns {
  n: number;
  yTrue: LoadedColumn;
  yPred: LoadedColumn;
  yScore?: LoadedColumn | undefined;
  yProba?: LoadedColumn[] | undefined;
  weight?: LoadedColumn | undefined;
  group?: LoadedColumn | undefined;
  slice?: LoadedColumn | undefined;
  /**
   * After `--drop-missing` dropped rows: the 0-based index in the input of each kept row, so
   * later messages name the data row of the file, not of the compacted columns.
   */
  keptRows?: Uint32Array | undefined;
}

const ROLE_NAMES: Record<string, string> = {
  yTrue: 'y_true',
  yPred: 'y_pred',
  yScore: 'y_score',
  yProba: 'y_proba',
  weight: 'weight',
  group: 'group',
  slice: 'slice',
};

/**
 * How an error names a column: its role, or its name with its role.
 *
 * @param role - the role (`yTrue`, `yProba[1]`, ...)
 * @param column - the column
 * @returns e.g. `Column "label" (y_true)`
 */
export function describeColumn(role: string, column: LoadedColumn): string {
  const label = ROLE_NAMES[role.replace(/\[.*$/, '')] ?? role;
  return column.name === role ? role : `Column "${column.name}" (${label})`;
}

/** The memory a column's rows live in. */
function rowsOf(column: LoadedColumn): Float64Array | Int32Array {
  return column.kind === 'number' ? column.values : column.codes;
}

/**
 * Whether another role of the job reads any byte of `column`'s rows (the same column
 * named twice, or views of one file buffer that overlap), so that it must not be
 * re-encoded in place.
 *
 * @param raw - the job's columns
 * @param column - one of them
 * @returns true when some other role's rows overlap its rows
 * @example
 * ```ts
 * const col = { kind: 'number', name: 'y', values: Float64Array.of(1, 0) };
 * sharesMemory({ n: 2, yTrue: col, yPred: col }, col); // true
 * sharesMemory({ n: 2, yTrue: col, yPred: { ...col, values: Float64Array.of(1, 1) } }, col); // false
 * ```
 */
export function sharesMemory(raw: RawColumns, column: LoadedColumn): boolean {
  const mine = rowsOf(column);
  const start = mine.byteOffset;
  const end = start + mine.byteLength;
  let holders = 0;
  const all = [
    raw.yTrue,
    raw.yPred,
    raw.yScore,
    ...(raw.yProba ?? []),
    raw.weight,
    raw.group,
    raw.slice,
  ];
  for (const other of all) {
    if (other === undefined) continue;
    const rows = rowsOf(other);
    if (rows.buffer !== mine.buffer) continue;
    if (rows.byteOffset < end && start < rows.byteOffset + rows.byteLength) holders++;
  }
  return holders > 1;
}
