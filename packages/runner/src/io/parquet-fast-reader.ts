import { readFile, stat } from 'node:fs/promises';
import { endianness } from 'node:os';
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type FileMetaData,
  type SchemaElement,
  type SchemaTree,
} from 'hyparquet';
import { RunnerError } from '../errors.js';
import type { LoadedColumn } from './loaded-column.js';
import { decodeColumnChunk, type ParquetBytes } from './parquet-column-chunk.js';
import { ParquetColumnValues } from './parquet-column-values.js';
import type { FastPhysicalType } from './parquet-plain.js';

const NUMERIC_PHYSICAL = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);
/** Converted types whose values hyparquet returns unchanged (so the fast path matches it). */
const PLAIN_INTEGER_TYPES = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16']);
/** Files above this size are read lazily by hyparquet rather than into one buffer. */
const WHOLE_FILE_LIMIT = 1 << 30;

/** Whether hyparquet turns this numeric column's values into something else (dates, unsigned). */
function convertedByHyparquet(element: SchemaElement): boolean {
  const ctype = element.converted_type;
  if (ctype !== undefined && !PLAIN_INTEGER_TYPES.has(ctype)) return true;
  const ltype = element.logical_type;
  if (ltype === undefined) return false;
  return !(ltype.type === 'INTEGER' && (ltype.isSigned || ltype.bitWidth < 32));
}

/** Whether the fast path may decode this column (a flat REQUIRED / OPTIONAL number). */
export function fastEligible(node: SchemaTree): boolean {
  const element = node.element;
  return (
    process.env.ASSAY_PARQUET_READER !== 'hyparquet' &&
    endianness() === 'LE' &&
    node.children.length === 0 &&
    (element.repetition_type === 'REQUIRED' || element.repetition_type === 'OPTIONAL') &&
    NUMERIC_PHYSICAL.has(element.type ?? '') &&
    !convertedByHyparquet(element)
  );
}

/**
 * Decodes one column with Assay's own page decoder, every row group in turn, straight into
 * shared memory.
 *
 * @param bytes - the whole file
 * @param metadata - its footer
 * @param name - a top-level column that {@link fastEligible} accepts
 * @param node - its schema node
 * @param asLabels - label codes (true) or Float64 numbers (false)
 * @param n - the file's rows
 * @returns the column, or undefined when the fast path declines (any page or chunk it does
 *   not decode, or bytes that do not add up: hyparquet then reads the column)
 * @example
 * const column = readFastColumn(bytes, metadata, 'y_true', node, true, n);
 */
export function readFastColumn(
  bytes: ParquetBytes,
  metadata: FileMetaData,
  name: string,
  node: SchemaTree,
  asLabels: boolean,
  n: number,
): LoadedColumn | undefined {
  const element = node.element;
  try {
    const sink = new ParquetColumnValues(name, asLabels, element.type as FastPhysicalType, n);
    let row = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      const chunk = group.columns.find(
        (c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name,
      );
      if (chunk?.meta_data === undefined || chunk.file_path !== undefined) return undefined;
      decodeColumnChunk(
        bytes,
        chunk.meta_data,
        sink,
        element.repetition_type === 'OPTIONAL',
        row,
        rows,
      );
      row += rows;
    }
    return row === n ? sink.finish() : undefined;
  } catch (error) {
    // a fault in the data itself (labels beyond 2^53) is the same on either path
    if (error instanceof RunnerError) throw error;
    // hyparquet reads the column instead and reports any real fault in the file as before
    return undefined;
  }
}

/**
 * Opens a Parquet file for reading: one buffer of the whole file (what the fast path decodes
 * from, and what hyparquet reads as its `AsyncBuffer`), or, above 1 GiB, hyparquet's lazy
 * reader alone.
 *
 * @param file - the path
 * @returns hyparquet's view of the file, and the bytes when read whole
 * @example
 * const { buffer, bytes } = await openParquetFile('preds.parquet');
 */
export async function openParquetFile(
  file: string,
): Promise<{ buffer: AsyncBuffer; bytes?: ParquetBytes }> {
  const { size } = await stat(file);
  if (size > WHOLE_FILE_LIMIT) return { buffer: await asyncBufferFromFile(file) };
  const data = await readFile(file);
  const whole =
    data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
      ? (data.buffer as ArrayBuffer)
      : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const bytes = new Uint8Array(whole);
  return {
    buffer: whole,
    bytes: { bytes, view: new DataView(whole), pageBuffer: new Uint8Array(0) },
  };
}
