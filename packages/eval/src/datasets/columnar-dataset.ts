import {
  type ColumnKind,
  type LoadColumnsOptions,
  type LoadedColumn,
  type LoadedTable,
  loadColumns,
  RunnerError,
} from '@assay/runner';
import { EvaluationError, type EvaluationErrorCode } from '../errors.js';
import type { ColumnMapping, DatasetItem } from './dataset-item.js';
import { goldLabel } from './gold-label.js';
import { choicesFromCell, choicesFromColumns } from './item-choices.js';

const READER_CODES: ReadonlySet<string> = new Set<EvaluationErrorCode>([
  'FILE_NOT_FOUND',
  'UNREADABLE_FILE',
  'EMPTY_FILE',
  'UNKNOWN_FORMAT',
  'MISSING_COLUMN',
  'NON_NUMERIC_VALUE',
  'MISSING_VALUE',
]);

/** The runner's column readers, their errors restated as this package's (same code and message). */
async function readColumns(path: string, options: LoadColumnsOptions): Promise<LoadedTable> {
  try {
    return await loadColumns(path, options);
  } catch (error) {
    if (!(error instanceof RunnerError)) throw error;
    const code = READER_CODES.has(error.code)
      ? (error.code as EvaluationErrorCode)
      : 'UNREADABLE_FILE';
    throw new EvaluationError(code, error.message, { path: 'dataset.path', cause: error });
  }
}

function cellAt(col: LoadedColumn, row: number): string | undefined {
  if (col.kind === 'number') {
    const v = col.values[row]!;
    return Number.isNaN(v) ? undefined : String(v);
  }
  const code = col.codes[row]!;
  return code < 0 ? undefined : String(col.dictionary[code]);
}

/**
 * A reference is text: a number or boolean column is refused as in JSON and JSONL (and as
 * `assay score` refuses it), so one data set does not read differently by file format.
 */
function refuseNumericReferences(
  col: LoadedColumn | undefined,
  name: string | undefined,
  path: string,
): void {
  if (col === undefined) return;
  const row =
    col.kind === 'number'
      ? col.values.findIndex((v) => !Number.isNaN(v))
      : Array.from(col.codes).findIndex((c) => c >= 0 && typeof col.dictionary[c] !== 'string');
  if (row < 0) return;
  const value = col.kind === 'number' ? col.values[row] : col.dictionary[col.codes[row]!];
  throw new EvaluationError(
    'MISSING_VALUE',
    `Data row ${row + 1} of '${path}' has the ${typeof value} ${String(value)} in the reference column '${name}' (dataset.columns.reference); a reference is text: store the column as strings (write the reference ${String(value)} as "${String(value)}"), as in JSON and JSONL.`,
    { path: 'dataset.columns.reference' },
  );
}

/**
 * Loads an Arrow IPC or Parquet dataset through the `assay score` column
 * loaders (`loadColumns`), reading only the mapped columns.
 *
 * @param path - the data file
 * @param format - `arrow` or `parquet`
 * @param columns - column mapping (text, id, label, group, reference)
 * @param requireLabel - whether every row needs a label
 * @returns the items in file order; template slots are the mapped columns
 * @throws EvaluationError from the loaders (`FILE_NOT_FOUND`, `MISSING_COLUMN`, …) or
 *   `MISSING_VALUE` for an empty/duplicate id, a missing label or text
 * @example
 * const table = tableFromArrays({ id: ['m1', 'm2'], body: ['Win a prize', 'Lunch?'], label: ['spam', 'ham'] });
 * writeFileSync(join(dir, 'mail.arrow'), tableToIPC(table));
 * const loaded = await loadColumnarDataset(join(dir, 'mail.arrow'), 'arrow', { text: 'body' }, true);
 * loaded.map((item) => item.label); // ['spam', 'ham']
 */
export async function loadColumnarDataset(
  path: string,
  format: 'arrow' | 'parquet',
  columns: ColumnMapping,
  requireLabel: boolean,
): Promise<DatasetItem[]> {
  const textCols =
    columns.text === undefined
      ? ['text']
      : Array.isArray(columns.text)
        ? columns.text
        : [columns.text];
  const labelCol = columns.label ?? 'label';
  const wanted = new Map<string, ColumnKind>();
  for (const c of textCols) wanted.set(c, 'label');
  if (columns.id) wanted.set(columns.id, 'label');
  if (requireLabel) wanted.set(labelCol, 'label');
  if (columns.group) wanted.set(columns.group, 'label');
  if (columns.reference) wanted.set(columns.reference, 'label');
  const choiceCols =
    columns.choices === undefined
      ? []
      : Array.isArray(columns.choices)
        ? columns.choices
        : [columns.choices];
  for (const c of choiceCols) wanted.set(c, 'label');
  let table = await readColumns(path, { columns: wanted, format });
  // Optional columns: the id and, for generation, the label, when the file has them.
  const extra = [...(columns.id ? [] : ['id']), ...(requireLabel ? [] : [labelCol])].filter(
    (c) => table.available.includes(c) && !wanted.has(c),
  );
  if (extra.length > 0) {
    for (const c of extra) wanted.set(c, 'label');
    table = await readColumns(path, { columns: wanted, format });
  }
  const get = (name: string | undefined): LoadedColumn | undefined =>
    name ? table.columns.get(name) : undefined;
  refuseNumericReferences(get(columns.reference), columns.reference, path);
  const idCol = get(columns.id ?? (table.columns.has('id') ? 'id' : undefined));
  const items: DatasetItem[] = [];
  const ids = new Set<string>();
  for (let row = 0; row < table.n; row++) {
    const id = idCol ? (cellAt(idCol, row) ?? '') : String(row);
    if (id === '' || ids.has(id)) {
      throw new EvaluationError(
        'MISSING_VALUE',
        `Data row ${row + 1} of '${path}' has ${id === '' ? 'an empty' : `a duplicate ('${id}')`} id; ids must be unique and non-empty.`,
        { path: 'dataset.columns.id' },
      );
    }
    ids.add(id);
    const fields: Record<string, string> = {};
    for (const [name, col] of table.columns) fields[name] = cellAt(col, row) ?? '';
    const cell = get(labelCol) ? cellAt(get(labelCol)!, row) : undefined;
    const label = requireLabel ? goldLabel(cell, { row: row + 1, path, column: labelCol }) : cell;
    fields.id = id;
    fields.text = textCols.map((c) => fields[c] ?? '').join('\n\n');
    const place = { index: row, path };
    const cells = choiceCols.map((c) => fields[c] ?? '');
    const choices =
      columns.choices === undefined
        ? undefined
        : Array.isArray(columns.choices)
          ? choicesFromColumns(cells, columns.choices, place)
          : choicesFromCell(cells[0], columns.choices, place);
    items.push({
      ...(choices === undefined ? {} : { choices }),
      id,
      index: row,
      row: row + 1,
      fields,
      label,
      group: columns.group ? (cellAt(get(columns.group)!, row) ?? '') : undefined,
      reference: columns.reference ? (cellAt(get(columns.reference)!, row) ?? '') : undefined,
    });
  }
  if (items.length === 0) {
    throw new EvaluationError('EMPTY_FILE', `The dataset file '${path}' has no rows.`, {
      path: 'dataset.path',
    });
  }
  return items;
}
