import { createInterface } from 'node:readline';
import { RunnerError } from '../errors.js';
import { CellColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, jsonErrorText, readFailure } from './column-errors.js';
import { nonFiniteTokensAsJson } from './json-non-finite.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { splitTextColumns, TextColumnBuilder } from './text-column-builder.js';
import { utf8FileStream } from './utf8-stream.js';

const BOM = 0xfeff;

/**
 * Streams a JSON Lines file (one object per line) and builds the requested
 * columns. Blank lines are skipped, as is a byte-order mark at the start; a key
 * absent from a line is a missing value. Python's bare `NaN` (missing, as `null`),
 * `Infinity` and `-Infinity` (what `json.dumps` writes) are read outside strings.
 *
 * @param file - path of the JSONL file
 * @param columns - the columns to read and how
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE` (naming the
 *   line that is not a JSON object), `EMPTY_FILE`, `MISSING_COLUMN` (a column
 *   absent from every line), `NON_NUMERIC_VALUE`
 */
export async function readJsonl(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
): Promise<LoadedTable> {
  const stream = utf8FileStream(file).setEncoding('utf8');
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const builders = [...columns].map(([name, kind]) =>
    kind === 'text' ? new TextColumnBuilder(name) : new CellColumnBuilder(name, kind),
  );
  const seen = new Set<string>();
  const available: string[] = [];
  let lineNumber = 0;
  let n = 0;
  try {
    for await (const text of lines) {
      lineNumber++;
      // a byte-order mark (as Windows editors write) is not part of the first record
      const line = lineNumber === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
      if (line.trim() === '') continue;
      if (n === 0 && line.trimStart().startsWith('[')) {
        // a JSON array file (pandas' to_json(orient='records'), an API dump), not JSON Lines
        throw new RunnerError(
          'UNREADABLE_FILE',
          `${file} line ${lineNumber} starts a JSON array ("["), but the file is read as JSON Lines: one object per line, with no enclosing [ ]; write it one record per line (e.g. jq -c '.[]' ${file} > records.jsonl, or pandas' to_json(orient='records', lines=True)).`,
          { path: `line ${lineNumber}` },
        );
      }
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (error) {
        row = parseNonFinite(line, error, file, lineNumber);
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw new RunnerError(
          'UNREADABLE_FILE',
          `${file} line ${lineNumber} is not a JSON object; each line must be one object such as {"y_true": 1, "y_pred": 0}.`,
          { path: `line ${lineNumber}` },
        );
      }
      const record = row as Record<string, unknown>;
      for (const key in record) {
        if (!seen.has(key)) {
          seen.add(key);
          available.push(key);
        }
      }
      const at = lineNumber;
      const where = () => `line ${at} (data row ${n + 1}) of ${file}`;
      for (const builder of builders) builder.push(record[builder.name], false, where);
      n++;
    }
  } catch (error) {
    stream.destroy();
    throw readFailure(file, error);
  }
  if (n === 0) throw emptyFile(file);
  checkColumnsExist(file, [...columns.keys()], available);
  return { n, ...splitTextColumns(builders.map((builder) => builder.finish())), available };
}

/**
 * A line that JSON.parse refused, read again with Python's `NaN` / `Infinity` tokens as JSON
 * (only such lines pay for the second look).
 *
 * @throws {@link RunnerError} `UNREADABLE_FILE` where the line holds no such token (the first
 *   error) or is still not JSON (the second error, its position in the line as written)
 */
function parseNonFinite(line: string, error: unknown, file: string, lineNumber: number): unknown {
  const rewritten = nonFiniteTokensAsJson(line);
  if (rewritten === undefined) throw notJson(file, lineNumber, jsonErrorText(error), '');
  try {
    return JSON.parse(rewritten.text);
  } catch (second) {
    const reason = jsonErrorText(
      new SyntaxError(
        String((second as Error).message).replace(
          /\bat position (\d+)/,
          (_, p: string) => `at position ${rewritten.originalPosition(Number(p))}`,
        ),
      ),
    );
    // the reason may quote the line as rewritten: say what NaN and Infinity became
    const note = ' (bare NaN is read as null and Infinity as 1e999, as Python writes them)';
    throw notJson(file, lineNumber, reason, note);
  }
}

function notJson(file: string, lineNumber: number, reason: string, note: string): RunnerError {
  return new RunnerError(
    'UNREADABLE_FILE',
    `${file} line ${lineNumber} is not valid JSON (${reason})${note}; each line must be one JSON object.`,
    { path: `line ${lineNumber}` },
  );
}

/**
 * The line of data row `row` (from 0) of a JSON Lines file, as {@link readJsonl} counts it
 * (every line counts, blank ones hold no row). Reads the file again up to that row, for an
 * error found after loading.
 *
 * @param file - path of the JSONL file
 * @param row - the 0-based data row
 * @returns the line, or undefined when the file has no such row (or no longer reads)
 * @example
 * await jsonlDataRowLine('preds.jsonl', 1); // 2
 */
export async function jsonlDataRowLine(file: string, row: number): Promise<number | undefined> {
  const stream = utf8FileStream(file).setEncoding('utf8');
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let n = 0;
  try {
    for await (const text of lines) {
      lineNumber++;
      const line = lineNumber === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
      if (line.trim() === '') continue;
      if (n === row) return lineNumber;
      n++;
    }
  } catch {
    // the file changed or no longer reads: the caller keeps its message without a line
  } finally {
    lines.close();
    stream.destroy();
  }
  return undefined;
}
