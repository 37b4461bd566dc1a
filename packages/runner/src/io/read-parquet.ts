import type { Label } from '@assay/core-metrics';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { RunnerError } from '../errors.js';
import { finishLabels, LabelColumnBuilder } from './column-builders.js';
import { checkColumnsExist, emptyFile, readFailure } from './column-errors.js';
import type { ColumnKind, LoadedTable } from './loaded-column.js';
import { sharedFloat64 } from './shared-arrays.js';
import { type ReadColumn, splitTextColumns, TextColumnBuilder } from './text-column-builder.js';

const NUMERIC_PHYSICAL = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);

/**
 * Reads the requested columns of a Parquet file with hyparquet, decoding only
 * those columns' chunks and writing them straight into shared memory (the row
 * count is known from the footer, so nothing is grown or copied twice).
 *
 * @param file - path of the `.parquet` file
 * @param columns - the columns to read and how
 * @returns the loaded columns
 * @throws {@link RunnerError} `FILE_NOT_FOUND`, `UNREADABLE_FILE`, `EMPTY_FILE`,
 *   `MISSING_COLUMN`, `NON_NUMERIC_VALUE`
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
    const numbers = new Map<string, Float64Array>();
    const labels = new Map<
      string,
      { builder: LabelColumnBuilder; next: number; pending: Map<number, ArrayLike<unknown>> }
    >();
    const texts = new Map<
      string,
      { builder: TextColumnBuilder; next: number; pending: Map<number, ArrayLike<unknown>> }
    >();
    for (const [name, kind] of columns) {
      if (kind === 'text') {
        texts.set(name, { builder: new TextColumnBuilder(name), next: 0, pending: new Map() });
        continue;
      }
      const element = schema.children.find((c) => c.element.name === name)!.element;
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
      if (numeric && kind !== 'label') numbers.set(name, sharedFloat64(n));
      else labels.set(name, { builder: new LabelColumnBuilder(n), next: 0, pending: new Map() });
    }
    await parquetRead({
      file: buffer,
      metadata,
      columns: [...columns.keys()],
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = numbers.get(columnName);
        if (target !== undefined) {
          const data = columnData as ArrayLike<unknown>;
          for (let i = 0; i < data.length; i++) {
            const v = data[i];
            target[rowStart + i] =
              typeof v === 'number' ? v : v === null || v === undefined ? Number.NaN : Number(v);
          }
          return;
        }
        const text = texts.get(columnName);
        if (text !== undefined) {
          pushInOrder(text, rowStart, columnData as ArrayLike<unknown>, (chunk, first) => {
            for (let i = 0; i < chunk.length; i++) {
              text.builder.push(chunk[i], false, () => `row ${first + i}`);
            }
          });
          return;
        }
        const entry = labels.get(columnName);
        if (entry === undefined) return;
        // chunks of one column may arrive out of order: encode them in row order
        entry.pending.set(rowStart, columnData as ArrayLike<unknown>);
        let chunk = entry.pending.get(entry.next);
        while (chunk !== undefined) {
          entry.pending.delete(entry.next);
          if (chunk instanceof Int32Array || chunk instanceof Uint32Array)
            entry.builder.pushIntegers(chunk);
          else for (let i = 0; i < chunk.length; i++) entry.builder.push(toLabel(chunk[i]));
          entry.next += chunk.length;
          chunk = entry.pending.get(entry.next);
        }
      },
    });
    const out: ReadColumn[] = [];
    for (const name of columns.keys()) {
      const values = numbers.get(name);
      const text = texts.get(name);
      if (values !== undefined) out.push({ kind: 'number', name, values });
      else if (text !== undefined) out.push(text.builder.finish());
      else out.push(finishLabels(labels.get(name)!.builder.finish(name)));
    }
    return { n, ...splitTextColumns(out), available };
  } catch (error) {
    throw readFailure(file, error);
  }
}

/**
 * Hands a column's chunks to `take` in row order (hyparquet may deliver the chunks of one
 * column out of order), keeping early ones until their turn.
 */
function pushInOrder(
  entry: { next: number; pending: Map<number, ArrayLike<unknown>> },
  rowStart: number,
  data: ArrayLike<unknown>,
  take: (chunk: ArrayLike<unknown>, first: number) => void,
): void {
  entry.pending.set(rowStart, data);
  let chunk = entry.pending.get(entry.next);
  while (chunk !== undefined) {
    entry.pending.delete(entry.next);
    take(chunk, entry.next);
    entry.next += chunk.length;
    chunk = entry.pending.get(entry.next);
  }
}

function toLabel(v: unknown): Label | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}
