import { access } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { csvRecordLines, RunnerError, textAfterClosingQuote, utf8FileStream } from '@assay/runner';
import { parse } from 'csv-parse';
import { EvaluationError } from '../errors.js';
import { loadColumnarDataset } from './columnar-dataset.js';
import type { ColumnMapping, DatasetItem } from './dataset-item.js';
import { goldLabel } from './gold-label.js';
import { choicesFromCell, choicesFromColumns } from './item-choices.js';
import { claimRowId, type RowIds } from './row-ids.js';

/** Options of {@link loadFileDataset}. */
export interface LoadFileDatasetOptions {
  /** `jsonl`, `json` (an array of objects), `csv`, `arrow` (IPC) or `parquet`; default from the extension */
  format?: 'jsonl' | 'csv' | 'json' | 'arrow' | 'parquet' | undefined;
  /** column mapping */
  columns?: ColumnMapping;
  /** whether rows must have a label column (classification and regression) */
  requireLabel?: boolean;
}

const EXTENSION_FORMATS: Record<string, 'jsonl' | 'csv' | 'json' | 'arrow' | 'parquet'> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  parquet: 'parquet',
  pq: 'parquet',
};

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

/** The text without a leading byte-order mark (as Windows editors write), which JSON refuses. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A CSV record as csv-parse gives it with `raw` and `info`. */
interface CsvItem {
  readonly record: readonly string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

/**
 * csv-parse with `relax_quotes` reads `"ab"c` as the text `"ab"c` (pandas: `abc`): such a
 * field is refused, naming its line, as `assay score` refuses it.
 */
function refuseTextAfterClosingQuote(path: string, item: CsvItem, line: number): void {
  if (!item.raw.includes('"')) return;
  const at = textAfterClosingQuote(item.raw, line, ',');
  if (at === undefined) return;
  throw new EvaluationError(
    'UNREADABLE_FILE',
    `Line ${at.line} of '${path}' has ${JSON.stringify(at.char)} right after the closing quote of a quoted field, where a comma or the end of the line must follow; quote the whole field and double each quote inside it (a field holding ab"c is written "ab""c").`,
    { path: 'dataset.path' },
  );
}

async function* rawRows(
  path: string,
  format: 'jsonl' | 'csv' | 'json',
): AsyncGenerator<Record<string, unknown>> {
  if (format === 'csv') {
    const source = utf8FileStream(path);
    // relax_quotes: a quote inside an unquoted field is part of it (He said "hi"), as pandas
    // and `assay score` read it; raw and info: to refuse text after a closing quote by its line
    const parser = source.pipe(
      parse({
        // the header is read as a record, so that its raw text is checked as the rows' is
        columns: false,
        bom: true,
        skip_empty_lines: true,
        relax_quotes: true,
        raw: true,
        info: true,
      }),
    );
    // pipe() does not forward errors: an invalid UTF-8 byte must end the loop below
    source.on('error', (error) => parser.destroy(error));
    const lineOf = csvRecordLines();
    let header: readonly string[] | undefined;
    try {
      for await (const item of parser as AsyncIterable<CsvItem>) {
        refuseTextAfterClosingQuote(path, item, lineOf(item));
        if (header === undefined) {
          header = item.record;
          continue;
        }
        const values = item.record;
        yield Object.fromEntries(header.map((name, i) => [name, values[i]]));
      }
    } catch (error) {
      // csv-parse's own error (a ragged row) counts lines as its records do: one ahead per
      // CRLF inside a quoted field before it
      const csv = error as { lines?: unknown };
      if (typeof csv?.lines === 'number') csv.lines -= lineOf.ahead;
      throw error;
    }
    return;
  }
  if (format === 'json') {
    const chunks: string[] = [];
    for await (const c of utf8FileStream(path).setEncoding('utf8')) chunks.push(c as string);
    const parsed = JSON.parse(withoutBom(chunks.join(''))) as unknown;
    if (!Array.isArray(parsed)) {
      throw new EvaluationError(
        'UNREADABLE_FILE',
        `Expected '${path}' to hold a JSON array of objects.`,
        {
          path: 'dataset.path',
        },
      );
    }
    for (const row of parsed) yield row as Record<string, unknown>;
    return;
  }
  const lines = createInterface({
    input: utf8FileStream(path).setEncoding('utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const text of lines) {
    n++;
    const line = n === 1 ? withoutBom(text) : text;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new EvaluationError(
        'UNREADABLE_FILE',
        `Line ${n} of '${path}' is not valid JSON: ${(error as Error).message}.`,
        {
          path: 'dataset.path',
          cause: error,
        },
      );
    }
  }
}

/**
 * The rows of a JSONL, JSON or CSV data set, with the readers' and the CSV parser's
 * errors restated as this package's: one message naming the file and line, exit code 2.
 */
async function* readRows(
  path: string,
  format: 'jsonl' | 'csv' | 'json',
): AsyncGenerator<Record<string, unknown>> {
  try {
    yield* rawRows(path, format);
  } catch (error) {
    if (error instanceof RunnerError) {
      throw new EvaluationError('UNREADABLE_FILE', error.message, {
        path: 'dataset.path',
        cause: error,
      });
    }
    const csv = error as { code?: unknown; lines?: unknown; message?: unknown };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      const ragged = csv.code.startsWith('CSV_RECORD_INCONSISTENT');
      throw new EvaluationError(
        ragged ? 'RAGGED_ROW' : 'UNREADABLE_FILE',
        `The dataset file '${path}' cannot be read as CSV at line ${String(csv.lines)}: ${String(csv.message)}${ragged ? '; every row needs as many fields as the header.' : ''}`,
        { path: 'dataset.path', cause: error },
      );
    }
    throw error;
  }
}

/**
 * Reads a dataset file into items, applying the column mapping: JSONL and CSV
 * are streamed, a JSON array is parsed whole, Arrow IPC and Parquet go through
 * the `assay score` column loaders (only the mapped columns are read).
 *
 * @param path - the data file
 * @param options - format, column mapping and whether labels are required
 * @returns the items in file order
 * @throws EvaluationError `FILE_NOT_FOUND`, `UNKNOWN_FORMAT`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN` (naming the row and column) or `MISSING_VALUE` (duplicate or empty id)
 * @example
 * const loaded = await loadFileDataset(join(dir, 'mail.jsonl'), { columns: { text: 'text', label: 'label' } });
 * loaded.map((item) => item.label); // ['spam', 'ham', 'spam', 'ham']
 */
export async function loadFileDataset(
  path: string,
  options: LoadFileDatasetOptions = {},
): Promise<DatasetItem[]> {
  const format = await datasetFormat(path, options.format);
  if (format === 'arrow' || format === 'parquet') {
    return loadColumnarDataset(path, format, options.columns ?? {}, options.requireLabel ?? false);
  }
  const items: DatasetItem[] = [];
  const ids: RowIds = new Map();
  for await (const row of readRows(path, format)) {
    items.push(itemFromRow(row, items.length, path, options, ids));
  }
  if (items.length === 0) {
    throw new EvaluationError('EMPTY_FILE', `The dataset file '${path}' has no rows.`, {
      path: 'dataset.path',
    });
  }
  return items;
}

/**
 * The columns of a data file's first row, to check a configuration against before the rows
 * are read as items (see `fileDatasetProblems`).
 *
 * @param path - the data file
 * @param format - its format, when `dataset.format` gives it
 * @returns the first row's columns, in file order; undefined for Arrow and Parquet (whose
 *   columns the columnar reader checks) and for a file without rows
 * @throws EvaluationError as {@link loadFileDataset} for a missing or unreadable file
 * @example
 * await firstRowColumns(join(dir, 'mail.jsonl')); // ['id', 'text', 'label']
 */
export async function firstRowColumns(
  path: string,
  format?: LoadFileDatasetOptions['format'],
): Promise<string[] | undefined> {
  const known = await datasetFormat(path, format);
  if (known === 'arrow' || known === 'parquet') return undefined;
  for await (const row of readRows(path, known)) return Object.keys(row);
  return undefined;
}

/** The file's format (given, else from its extension), once it is known to exist. */
async function datasetFormat(
  path: string,
  given: LoadFileDatasetOptions['format'],
): Promise<NonNullable<LoadFileDatasetOptions['format']>> {
  try {
    await access(path);
  } catch {
    throw new EvaluationError('FILE_NOT_FOUND', `The dataset file '${path}' does not exist.`, {
      path: 'dataset.path',
    });
  }
  const ext = extname(path).toLowerCase().replace('.', '');
  const format = given ?? EXTENSION_FORMATS[ext];
  if (format === undefined) {
    throw new EvaluationError(
      'UNKNOWN_FORMAT',
      `Cannot tell the format of '${path}'; set dataset.format to 'jsonl', 'json', 'csv', 'arrow' or 'parquet'.`,
      { path: 'dataset.format' },
    );
  }
  return format;
}

/** One row as an item, through the column mapping; its id joins `ids`, where it must be new. */
function itemFromRow(
  row: Record<string, unknown>,
  index: number,
  path: string,
  options: LoadFileDatasetOptions,
  ids: RowIds,
): DatasetItem {
  const cols = options.columns ?? {};
  const textCols =
    cols.text === undefined ? ['text'] : Array.isArray(cols.text) ? cols.text : [cols.text];
  const labelCol = cols.label ?? 'label';
  const need = (col: string, configPath: string): string => {
    if (!(col in row)) {
      throw new EvaluationError(
        'MISSING_COLUMN',
        `Data row ${index + 1} of '${path}' has no column '${col}' (${configPath}); columns present: ${Object.keys(row).join(', ')}.`,
        { path: configPath },
      );
    }
    return cell(row[col]);
  };
  const texts = textCols.map((c) => need(c, 'dataset.columns.text'));
  const id =
    cols.id !== undefined
      ? need(cols.id, 'dataset.columns.id')
      : 'id' in row
        ? cell(row.id)
        : String(index);
  claimRowId(ids, id, { row: index + 1, given: cols.id === undefined && !('id' in row), path });
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) fields[k] = cell(v);
  fields.id = id;
  fields.text = texts.join('\n\n');
  const choices =
    cols.choices === undefined ? undefined : rowChoices(row, cols.choices, { index, path }, need);
  return {
    ...(choices === undefined ? {} : { choices }),
    id,
    index,
    row: index + 1,
    fields,
    label: options.requireLabel
      ? goldLabel(need(labelCol, 'dataset.columns.label'), {
          row: index + 1,
          path,
          column: labelCol,
        })
      : labelCol in row
        ? cell(row[labelCol])
        : undefined,
    group: cols.group !== undefined ? need(cols.group, 'dataset.columns.group') : undefined,
    ...referenceOf(row, index, path, cols.reference),
  };
}

/** The choices of a row: from one column holding an array, or one column per choice. */
function rowChoices(
  row: Record<string, unknown>,
  columns: string | string[],
  place: { index: number; path: string },
  need: (col: string, configPath: string) => string,
): string[] {
  if (Array.isArray(columns)) {
    const cells = columns.map((c) => need(c, 'dataset.columns.choices'));
    return choicesFromColumns(cells, columns, place);
  }
  need(columns, 'dataset.columns.choices');
  return choicesFromCell(row[columns], columns, place);
}

/**
 * The reference of a row: a string, or in JSON and JSONL an array of strings (several
 * references; `reference` is then the first).
 */
function referenceOf(
  row: Record<string, unknown>,
  index: number,
  path: string,
  col: string | undefined,
): Pick<DatasetItem, 'reference' | 'references'> {
  if (col === undefined) return { reference: undefined };
  if (!(col in row)) {
    throw new EvaluationError(
      'MISSING_COLUMN',
      `Data row ${index + 1} of '${path}' has no column '${col}' (dataset.columns.reference); columns present: ${Object.keys(row).join(', ')}.`,
      { path: 'dataset.columns.reference' },
    );
  }
  const value = row[col];
  if (typeof value === 'string') return { reference: value };
  // a number or boolean is refused, as `assay score` refuses it: read as text, `5` became the
  // reference "5" without a word, and the two commands disagreed on one file
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    return { reference: value[0] as string, references: value as string[] };
  }
  throw new EvaluationError(
    'MISSING_VALUE',
    `Data row ${index + 1} of '${path}' has ${describeReference(value)} in the reference column '${col}' (dataset.columns.reference); expected a string or a non-empty array of strings${typeof value === 'number' || typeof value === 'boolean' ? ` (write it as the string "${String(value)}" if that text is the reference)` : ''}.`,
    { path: 'dataset.columns.reference' },
  );
}

/** What a reference cell holds, for the message refusing it: "the number 5", "an object". */
function describeReference(value: unknown): string {
  if (value === null || value === undefined) return 'no value';
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : 'an array holding a non-string';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `the ${typeof value} ${String(value)}`;
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
