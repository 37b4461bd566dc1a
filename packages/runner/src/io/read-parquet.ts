import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetSchema,
  type SchemaTree,
} from 'hyparquet';
import { RunnerError } from '../errors.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { fastEligible, ParquetChunkFile, readFastColumn } from './parquet-fast-reader.js';
import { type HyparquetColumnKind, readWithHyparquet } from './read-parquet-hyparquet.js';
import { type ReadColumn, splitTextColumns } from './text-column-builder.js';

const NUMERIC_PHYSICAL = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);

/** How each requested column is read, checking that `number` columns are numeric. */
function plan(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
  schema: SchemaTree,
): Map<string, { kind: HyparquetColumnKind; node: SchemaTree }> {
  const out = new Map<string, { kind: HyparquetColumnKind; node: SchemaTree }>();
  for (const [name, kind] of columns) {
    const node = schema.children.find((c) => c.element.name === name)!;
    if (kind === 'text') {
      out.set(name, { kind, node });
      continue;
    }
    const element = node.element;
    const numeric =
      NUMERIC_PHYSICAL.has(element.type ?? '') &&
      element.converted_type !== 'UTF8' &&
      element.converted_type !== 'DECIMAL';
    if (kind === 'number' && !numeric) {
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `Column "${name}" of ${file} has Parquet type ${element.type ?? 'group'}; a numeric (INT32, INT64, FLOAT or DOUBLE) column is required.`,
        { path: name },
      );
    }
    out.set(name, { kind: numeric && kind !== 'label' ? 'number' : 'label', node });
  }
  return out;
}

/**
 * Reads the requested columns of a Parquet file into shared memory: hyparquet reads the
 * footer; flat numeric columns (INT32, INT64, FLOAT, DOUBLE; REQUIRED or OPTIONAL; PLAIN or
 * dictionary-encoded; uncompressed or Snappy; data pages v1 and v2) are decoded by
 * Assay's own page decoder straight into the output columns, one column chunk at a time
 * through one reused buffer; any other column (text,
 * nested, other encodings or codecs) is read by hyparquet, with the same result.
 * `ASSAY_PARQUET_READER=hyparquet` reads every column with hyparquet.
 *
 * @param file - path of the `.parquet` file
 * @param columns - the columns to read and how
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `NON_NUMERIC_VALUE`
 * @example
 * const table = await readParquet('preds.parquet', new Map([['label', 'label']]));
 * table.columns.get('label'); // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1], dictionary: ['spam', 'ham'] }
 */
export async function readParquet(
  file: string,
  columns: ReadonlyMap<string, ColumnKind>,
): Promise<LoadedTable> {
  try {
    const buffer = await asyncBufferFromFile(file);
    if (buffer.byteLength === 0)
      throw new RunnerError('EMPTY_FILE', `${file} is empty; at least one row is required.`);
    const metadata = await parquetMetadataAsync(buffer);
    const schema = parquetSchema(metadata);
    const available = schema.children.map((c) => c.element.name);
    checkColumnsExist(file, [...columns.keys()], available);
    const n = Number(metadata.num_rows);
    if (n === 0) throw emptyFile(file);
    const read = new Map<string, ReadColumn>();
    const rest = new Map<string, HyparquetColumnKind>();
    const fast: [string, SchemaTree, boolean][] = [];
    for (const [name, { kind, node }] of plan(file, columns, schema)) {
      if (kind !== 'text' && fastEligible(node)) fast.push([name, node, kind === 'label']);
      else rest.set(name, kind);
    }
    if (fast.length > 0) {
      const chunks = await ParquetChunkFile.open(file);
      try {
        for (const [name, node, asLabels] of fast) {
          const column = await readFastColumn(chunks, metadata, name, node, asLabels, n);
          if (column === undefined) rest.set(name, asLabels ? 'label' : 'number');
          else read.set(name, column);
        }
      } finally {
        await chunks.close();
      }
    }
    if (rest.size > 0) {
      for (const [name, column] of await readWithHyparquet(buffer, metadata, rest, n))
        read.set(name, column);
    }
    const out = [...columns.keys()].map((name) => read.get(name)!);
    return { n, ...splitTextColumns(out), available };
  } catch (error) {
    throw readFailure(file, error);
  }
}
