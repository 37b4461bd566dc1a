import { RunnerError, type RunnerErrorCode } from '../errors.js';
import type { LoadedColumn } from '../io/loaded-column.js';
import { sharedFloat64, sharedInt32 } from '../io/shared-arrays.js';
import { dataRowPlace, tableSource } from '../io/table-source.js';
import { codeProfileOf } from './code-profile.js';
import { profileNumbers } from './number-profile.js';
import { describeColumn, type RawColumns } from './raw-columns.js';
import { COMPLETE_LABELS } from './to-loaded-column.js';

function firstMissing(column: LoadedColumn): number {
  if (COMPLETE_LABELS.has(column)) return -1;
  if (column.kind === 'number') return profileNumbers(column.values).firstMissing;
  const known = codeProfileOf(column.codes);
  if (known !== undefined) return known.firstMissing;
  const c = column.codes;
  for (let i = 0; i < c.length; i++) if (c[i]! < 0) return i;
  return -1;
}

/** Marks the column's missing rows in `drop`; returns how many it has. */
function markMissing(column: LoadedColumn, drop: Uint8Array): number {
  let count = 0;
  if (column.kind === 'number') {
    const v = column.values;
    for (let i = 0; i < v.length; i++) {
      if (Number.isNaN(v[i]!)) {
        drop[i] = 1;
        count++;
      }
    }
  } else {
    const c = column.codes;
    for (let i = 0; i < c.length; i++) {
      if (c[i]! < 0) {
        drop[i] = 1;
        count++;
      }
    }
  }
  return count;
}

function compact(column: LoadedColumn, keep: Uint32Array): LoadedColumn {
  if (column.kind === 'number') {
    const out = sharedFloat64(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = column.values[keep[i]!]!;
    return { ...column, values: out };
  }
  const out = sharedInt32(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = column.codes[keep[i]!]!;
  return { ...column, codes: out };
}

function allColumns(raw: RawColumns): [string, LoadedColumn][] {
  const out: [string, LoadedColumn][] = [
    ['yTrue', raw.yTrue],
    ['yPred', raw.yPred],
  ];
  if (raw.yScore) out.push(['yScore', raw.yScore]);
  raw.yProba?.forEach((c, i) => {
    out.push([`yProba[${i}]`, c]);
  });
  if (raw.weight) out.push(['weight', raw.weight]);
  if (raw.group) out.push(['group', raw.group]);
  if (raw.slice) out.push(['slice', raw.slice]);
  return out;
}

const MISSING_ADVICE = 'fix the data or pass --drop-missing (dropMissing: true) to drop such rows.';

/**
 * An error about one data row's value (`subject at data row 2; advice`), which keeps the row
 * so that {@link locatingMissing}, knowing the file, can name its line as the readers do:
 * finding the line reads the file again, which only an error may cost.
 */
export class RowValueError extends RunnerError {
  /** The 0-based data row of the input. */
  readonly row: number;
  readonly #subject: string;
  readonly #advice: string;

  /**
   * @param code - the error's code (`MISSING_VALUE`, `NON_TEXT_VALUE`)
   * @param subject - what is wrong (`Column "out" (outputs) has an array`)
   * @param row - the 0-based data row
   * @param path - the column at fault
   * @param advice - what would be valid, after the place (`an output must be one string.`)
   */
  constructor(code: RunnerErrorCode, subject: string, row: number, path: string, advice: string) {
    super(code, `${subject} at data row ${row + 1}; ${advice}`, { path });
    this.row = row;
    this.#subject = subject;
    this.#advice = advice;
  }

  /**
   * The same error naming the row's place in the file.
   *
   * @param place - e.g. `line 3 (data row 2) of m.csv`
   * @returns an error with that message and the same code and `path`
   */
  at(place: string): RunnerError {
    return new RunnerError(this.code, `${this.#subject} at ${place}; ${this.#advice}`, {
      ...(this.path === undefined ? {} : { path: this.path }),
    });
  }
}

/** A `MISSING_VALUE` {@link RowValueError}: a column without a value in a data row. */
export class MissingValueError extends RowValueError {
  /**
   * @param subject - what is missing where (`Column "p" (y_pred) has a missing value`)
   * @param row - the 0-based data row
   * @param path - the column at fault
   */
  constructor(subject: string, row: number, path: string) {
    super('MISSING_VALUE', subject, row, path, MISSING_ADVICE);
  }
}

/**
 * Runs `prepare`; a missing value it refuses in a table `loadColumns` read is named by its
 * line in the file (`line 3 (data row 2) of m.csv`), as the readers name a non-numeric cell,
 * or for Arrow and Parquet by its data row of the file. The file is read again only then.
 *
 * @param input - the job's input (`{ table, roles }` for a loaded table)
 * @param prepare - the preparation that may throw a {@link RowValueError} (a missing value, a
 *   value of the wrong kind)
 * @returns what `prepare` returns
 * @throws what `prepare` throws, a missing value with its place in the file
 */
export async function locatingMissing<T>(input: object, prepare: () => T): Promise<T> {
  try {
    return prepare();
  } catch (error) {
    const table = 'table' in input && 'roles' in input ? input.table : undefined;
    const source =
      error instanceof RowValueError && typeof table === 'object' && table !== null
        ? tableSource(table)
        : undefined;
    if (source === undefined) throw error;
    const place = await dataRowPlace(source, (error as RowValueError).row);
    throw place === undefined ? error : (error as RowValueError).at(place);
  }
}

/**
 * Refuses a missing value (null, empty or NaN) in any column, naming the column and row,
 * or with `dropMissing` drops every row that has one.
 *
 * @param raw - the job's columns
 * @param dropMissing - drop such rows instead of failing
 * @returns the columns (compacted when rows were dropped), how many rows were dropped, and
 *   the missing values per column (`y 1, lang 4`)
 * @throws {@link RunnerError} `MISSING_VALUE` naming the column and row
 */
export function handleMissing(
  raw: RawColumns,
  dropMissing: boolean,
): { raw: RawColumns; dropped: number; missingBy: string } {
  const columns = allColumns(raw);
  // the first missing value in row order, whichever column holds it (the file's reader meets
  // it first, and it is the one to fix first)
  let first: { role: string; column: LoadedColumn; row: number } | undefined;
  for (const [role, column] of columns) {
    const row = firstMissing(column);
    if (row >= 0 && (first === undefined || row < first.row)) first = { role, column, row };
  }
  if (first === undefined) return { raw, dropped: 0, missingBy: '' };
  if (!dropMissing) {
    const { role, column, row } = first;
    const what =
      column.kind === 'label'
        ? 'a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) label'
        : 'a missing (null, empty, NaN, or a CSV marker such as NA, N/A or None) value';
    throw new MissingValueError(`${describeColumn(role, column)} has ${what}`, row, column.name);
  }
  const drop = new Uint8Array(raw.n);
  const counts: string[] = [];
  // one column may fill two roles (--y-true and --y-pred the same): count it once
  const seen = new Set<string>();
  for (const [, column] of columns) {
    const count = markMissing(column, drop);
    if (count > 0 && !seen.has(column.name)) counts.push(`${column.name} ${count}`);
    seen.add(column.name);
  }
  let m = 0;
  for (let i = 0; i < raw.n; i++) if (drop[i] === 0) m++;
  const keep = new Uint32Array(m);
  for (let i = 0, j = 0; i < raw.n; i++) if (drop[i] === 0) keep[j++] = i;
  const c = (column: LoadedColumn | undefined) =>
    column === undefined ? undefined : compact(column, keep);
  return {
    raw: {
      n: m,
      yTrue: compact(raw.yTrue, keep),
      yPred: compact(raw.yPred, keep),
      yScore: c(raw.yScore),
      yProba: raw.yProba?.map((col) => compact(col, keep)),
      weight: c(raw.weight),
      group: c(raw.group),
      slice: c(raw.slice),
      keptRows: keep,
    },
    dropped: raw.n - m,
    missingBy: counts.join(', '),
  };
}
