import { RunnerError } from '../errors.js';
import type { LoadedColumn, TextColumn, TextValue } from './loaded-column.js';

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks one cell of a text column: a string, an array of strings (null entries are
 * missing references), or null / undefined for a row without a value.
 *
 * @param cell - the cell as the file or the caller gave it
 * @param name - the column, for the message
 * @param where - the row, for the message (e.g. `line 4 (data row 3)`)
 * @returns the value, arrays copied with `undefined` entries as null
 * @throws {@link RunnerError} `NON_TEXT_VALUE` naming the column, the row and the value
 * @example
 * toTextValue(['Paris', null], 'answers', () => 'row 0'); // ['Paris', null]
 * try {
 *   toTextValue(42, 'answer', () => 'row 3');
 * } catch (error) {
 *   error.code; // 'NON_TEXT_VALUE'
 * }
 */
export function toTextValue(cell: unknown, name: string, where: () => string): TextValue {
  if (typeof cell === 'string') return cell;
  if (cell === null || cell === undefined) return null;
  if (Array.isArray(cell)) {
    const out: (string | null)[] = [];
    cell.forEach((entry: unknown, k) => {
      if (typeof entry === 'string') out.push(entry);
      else if (entry === null || entry === undefined) out.push(null);
      else {
        throw new RunnerError(
          'NON_TEXT_VALUE',
          `Column "${name}" has ${describe(entry)} as entry ${k + 1} (counting from 1) of its array at ${where()}; every entry must be a string (null for a missing one).`,
          { path: name },
        );
      }
    });
    return out;
  }
  throw new RunnerError(
    'NON_TEXT_VALUE',
    `Column "${name}" has the non-text value ${describe(cell)} at ${where()}; a text column holds one string per row (a column of references may also hold an array of strings, null for a missing one).`,
    { path: name },
  );
}

/**
 * Collects a `text` column while a file streams in. Cells are kept as written: in a CSV
 * an empty cell is the empty string (an empty answer), never a missing value.
 */
export class TextColumnBuilder {
  private readonly values: TextValue[] = [];

  /** @param name - the column */
  constructor(readonly name: string) {}

  /**
   * Appends one cell (the same call shape as `CellColumnBuilder.push`).
   *
   * @param cell - a JSON value, CSV text, or an Arrow / Parquet value
   * @param _fromText - unused: text cells are never parsed
   * @param where - row description for error messages
   */
  push(cell: unknown, _fromText: boolean, where: () => string): void {
    this.values.push(toTextValue(cell, this.name, where));
  }

  /** @returns the column */
  finish(): TextColumn {
    return { kind: 'text', name: this.name, values: this.values };
  }
}

/** What the readers store per requested column: a text column or any other. */
export type ReadColumn = LoadedColumn | TextColumn;

/**
 * Splits finished columns into the table's `columns` and, when there are any, `texts`.
 *
 * @param finished - every requested column, in request order
 * @returns the two maps (`texts` only when a text column was requested)
 * @example
 * const answers = { kind: 'text', name: 'answer', values: ['Paris', null] };
 * const scores = { kind: 'number', name: 'score', values: Float64Array.of(0.9, 0.2) };
 * const { columns, texts } = splitTextColumns([answers, scores]);
 * [...columns.keys()]; // ['score']
 * [...texts.keys()]; // ['answer']
 * splitTextColumns([scores]).texts; // undefined: no text column
 */
export function splitTextColumns(finished: readonly ReadColumn[]): {
  columns: Map<string, LoadedColumn>;
  texts?: Map<string, TextColumn>;
} {
  const columns = new Map<string, LoadedColumn>();
  const texts = new Map<string, TextColumn>();
  for (const column of finished) {
    if (column.kind === 'text') texts.set(column.name, column);
    else columns.set(column.name, column);
  }
  return texts.size === 0 ? { columns } : { columns, texts };
}
