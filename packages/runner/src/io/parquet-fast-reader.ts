import { type FileHandle, open } from 'node:fs/promises';
import { endianness } from 'node:os';
import type { FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import { RunnerError } from '../errors.js';
import type { LoadedColumn } from './loaded-column.js';
import { chunkRange, decodeColumnChunk } from './parquet-column-chunk.js';
import { ParquetColumnValues } from './parquet-column-values.js';
import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';
import type { FastPhysicalType } from './parquet-plain.js';

const NUMERIC_PHYSICAL = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);
/** Converted types whose values hyparquet returns unchanged (so the fast path matches it). */
const PLAIN_INTEGER_TYPES = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16']);

/** Whether hyparquet turns this numeric column's values into something else (dates, unsigned). */
function convertedByHyparquet(element: SchemaElement): boolean {
  const ctype = element.converted_type;
  if (ctype !== undefined && !PLAIN_INTEGER_TYPES.has(ctype)) return true;
  const ltype = element.logical_type;
  if (ltype === undefined) return false;
  return !(ltype.type === 'INTEGER' && (ltype.isSigned || ltype.bitWidth < 32));
}

/**
 * Whether the fast path may decode this column: a flat REQUIRED or OPTIONAL INT32, INT64,
 * FLOAT or DOUBLE column whose values hyparquet would return unchanged, on a little-endian
 * machine, unless `ASSAY_PARQUET_READER=hyparquet`.
 *
 * @param node - the column's schema node
 * @returns true when {@link readFastColumn} may try it
 * @example
 * const metadata = await parquetMetadataAsync(await asyncBufferFromFile('preds.parquet'));
 * parquetSchema(metadata).children.map(fastEligible); // [false, false, true]: label and prediction are strings, score a DOUBLE
 */
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
 * A Parquet file's column chunks read one at a time into one reused buffer, so that only
 * the decoded columns take new memory (first-touch page faults of fresh memory cost about
 * as much as decoding here), not a copy of the whole file.
 *
 * @example
 * const file = await ParquetChunkFile.open('preds.parquet');
 * const bytes = await file.range(0, 4);
 * await file.close();
 * Buffer.from(bytes).toString(); // 'PAR1' (the magic number a Parquet file starts with)
 */
export class ParquetChunkFile {
  private buffer = new Uint8Array(0);
  /** The decompression buffer the page decoder reuses. */
  pageBuffer = new Uint8Array(0);

  private constructor(
    private readonly handle: FileHandle,
    /** The file's size in bytes. */
    readonly size: number,
  ) {}

  /**
   * Opens a file.
   *
   * @param file - the path
   * @returns the reader; {@link close} it when done
   * @example
   * const chunks = await ParquetChunkFile.open('preds.parquet');
   */
  static async open(file: string): Promise<ParquetChunkFile> {
    const handle = await open(file, 'r');
    try {
      return new ParquetChunkFile(handle, (await handle.stat()).size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Bytes `[start, end)` of the file, valid until the next call.
   *
   * @param start - first byte
   * @param end - end (exclusive), at most the file's size
   * @returns the bytes, a view of the reused buffer
   */
  async range(start: number, end: number): Promise<Uint8Array> {
    const length = end - start;
    if (start < 0 || length < 0 || end > this.size)
      throw new ParquetFastPathMiss('column chunk outside the file');
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, 1 << 20));
    let at = 0;
    while (at < length) {
      const { bytesRead } = await this.handle.read(this.buffer, at, length - at, start + at);
      if (bytesRead === 0) throw new ParquetFastPathMiss('file shorter than its footer says');
      at += bytesRead;
    }
    return this.buffer.subarray(0, length);
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Decodes one column with Assay's own page decoder, every row group in turn, straight into
 * shared memory.
 *
 * @param file - the file, read one column chunk at a time
 * @param metadata - its footer
 * @param name - a top-level column that {@link fastEligible} accepts
 * @param node - its schema node
 * @param asLabels - label codes (true) or Float64 numbers (false)
 * @param n - the file's rows
 * @returns the column, or undefined when the fast path declines (any page or chunk it does
 *   not decode, or bytes that do not add up: hyparquet then reads the column)
 * @throws {@link RunnerError} for labels beyond 2^53 (as the hyparquet path does)
 * @example
 * const metadata = await parquetMetadataAsync(await asyncBufferFromFile('preds.parquet'));
 * const node = parquetSchema(metadata).children[2]; // score
 * const file = await ParquetChunkFile.open('preds.parquet');
 * const column = await readFastColumn(file, metadata, 'score', node, false, 4);
 * await file.close();
 * column; // { kind: 'number', name: 'score', values: Float64Array [0.9, 0.2, 0.4, 0.1] }
 */
export async function readFastColumn(
  file: ParquetChunkFile,
  metadata: FileMetaData,
  name: string,
  node: SchemaTree,
  asLabels: boolean,
  n: number,
): Promise<LoadedColumn | undefined> {
  const element = node.element;
  const optional = element.repetition_type === 'OPTIONAL';
  try {
    const sink = new ParquetColumnValues(name, asLabels, element.type as FastPhysicalType, n);
    let row = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      const chunk = group.columns.find(
        (c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name,
      );
      if (chunk?.meta_data === undefined || chunk.file_path !== undefined) return undefined;
      const { start, end } = chunkRange(chunk.meta_data);
      const bytes = await file.range(start, end);
      decodeColumnChunk(file, bytes, chunk.meta_data, sink, optional, row, rows);
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
