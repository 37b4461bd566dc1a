import { EvaluationError } from '../errors.js';

/** Where a row sits, for error messages: `Data row 3 of 'data.jsonl'`. */
export interface RowPlace {
  /** 0-based row index */
  readonly index: number;
  /** the data file */
  readonly path: string;
}

function bad(place: RowPlace, what: string): EvaluationError {
  return new EvaluationError(
    'INVALID_CHOICES',
    `Data row ${place.index + 1} of '${place.path}' ${what}`,
    { path: 'dataset.columns.choices' },
  );
}

function choiceText(value: unknown, place: RowPlace, column: string, i: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw bad(
    place,
    `has choice ${i + 1} of column '${column}' = ${JSON.stringify(value) ?? String(value)}, not a string; choices must be strings (or numbers).`,
  );
}

/**
 * The choices of one row from one column: an array of strings in JSONL / JSON, or in a
 * text cell (CSV, Arrow, Parquet) the same array written as JSON (`["red", "green"]`).
 *
 * @param value - the cell as read (an array, or text)
 * @param column - the column's name
 * @param place - the row and file, for errors
 * @returns the choice texts in the data set's order
 * @throws EvaluationError `INVALID_CHOICES` when the cell is no array of strings
 * @example
 * choicesFromCell(['red', 'green'], 'choices', { index: 0, path: 'q.jsonl' }); // ['red', 'green']
 */
export function choicesFromCell(value: unknown, column: string, place: RowPlace): string[] {
  let list = value;
  if (typeof value === 'string' && value.trimStart().startsWith('[')) {
    try {
      list = JSON.parse(value) as unknown;
    } catch (error) {
      throw bad(
        place,
        `has '${column}' = ${JSON.stringify(value.slice(0, 80))}, which is not valid JSON (${(error as Error).message}); write the choices as a JSON array of strings.`,
      );
    }
  }
  if (!Array.isArray(list)) {
    throw bad(
      place,
      `has '${column}' = ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}, not an array of choices; give an array of strings (in CSV a JSON array like ["red", "green"]), or list one column per choice in dataset.columns.choices.`,
    );
  }
  return list.map((c, i) => choiceText(c, place, column, i));
}

/**
 * The choices of one row from one column per choice (`dataset.columns.choices: [A, B, C, D]`);
 * empty cells at the end are left out, so rows may have fewer choices than columns.
 *
 * @param cells - the cells of the choice columns, in column order
 * @param columns - the column names
 * @param place - the row and file, for errors
 * @returns the choice texts
 * @throws EvaluationError `INVALID_CHOICES` for an empty cell before a filled one
 * @example
 * choicesFromColumns(['red', 'green', ''], ['A', 'B', 'C'], { index: 0, path: 'q.csv' }); // ['red', 'green']
 */
export function choicesFromColumns(
  cells: readonly string[],
  columns: readonly string[],
  place: RowPlace,
): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  const gap = cells.slice(0, end).findIndex((c) => c.trim() === '');
  if (gap >= 0) {
    throw bad(
      place,
      `has an empty choice column '${columns[gap]}' before a filled one; only the last choice columns may be empty.`,
    );
  }
  return cells.slice(0, end);
}
