import type { ColumnMetaData, PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import type { ParquetColumnValues } from './parquet-column-values.js';
import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';
import { decodeHybrid } from './parquet-hybrid.js';
import { snappyDecode } from './snappy-decode.js';

/** The codecs the fast path decompresses (hyparquet itself has only Snappy built in). */
const CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);
/** The encodings a column chunk may list for the fast path (RLE: the definition levels). */
const ENCODINGS = new Set(['PLAIN', 'RLE', 'RLE_DICTIONARY', 'PLAIN_DICTIONARY']);

/**
 * A reusable decompression buffer, grown as needed; pages are decompressed into its start.
 *
 * @example
 * const scratch: PageScratch = { pageBuffer: new Uint8Array(0) };
 */
export interface PageScratch {
  pageBuffer: Uint8Array;
}

/**
 * Where a column chunk's pages lie in the file: from its dictionary page (when it has one)
 * to the end of its last data page.
 *
 * @param meta - the chunk's metadata
 * @returns the byte range `[start, end)`
 * @example
 * const metadata = await parquetMetadataAsync(await asyncBufferFromFile('preds.parquet'));
 * chunkRange(metadata.row_groups[0].columns[2].meta_data); // { start: 96, end: 147 }: the score column's pages
 */
export function chunkRange(meta: ColumnMetaData): { start: number; end: number } {
  const dataOffset = Number(meta.data_page_offset);
  const dictOffset =
    meta.dictionary_page_offset === undefined ? 0 : Number(meta.dictionary_page_offset);
  const start = dictOffset > 0 && dictOffset < dataOffset ? dictOffset : dataOffset;
  return { start, end: start + Number(meta.total_compressed_size) };
}

/**
 * Whether a column chunk's codec and encodings are ones the fast path decodes (its pages
 * are checked again one by one).
 *
 * @param meta - the chunk's metadata
 * @returns true when the fast path can try it
 * @example
 * fastChunk({ codec: 'SNAPPY', encodings: ['PLAIN', 'RLE'] }); // true
 * fastChunk({ codec: 'GZIP', encodings: ['PLAIN'] }); // false (hyparquet reads it)
 */
export function fastChunk(meta: ColumnMetaData): boolean {
  return CODECS.has(meta.codec) && meta.encodings.every((e) => ENCODINGS.has(e));
}

function decompress(file: PageScratch, body: Uint8Array, size: number, codec: string): Uint8Array {
  if (size === 0) return body.subarray(0, 0);
  if (codec === 'UNCOMPRESSED') {
    if (body.length !== size) throw new ParquetFastPathMiss('page size mismatch');
    return body;
  }
  if (file.pageBuffer.length < size) file.pageBuffer = new Uint8Array(size * 2);
  const out = file.pageBuffer.subarray(0, size);
  snappyDecode(body, out);
  return out;
}

/**
 * Decodes one flat column chunk (every page of one column in one row group) into `sink`,
 * rows `row0` to `row0 + rows`.
 *
 * @remarks
 * Pages: an optional dictionary page (PLAIN values), then data pages v1 (levels inside the
 * compressed body, the definition levels prefixed by their 4-byte length) or v2 (levels
 * first and never compressed, their lengths in the header; `is_compressed` may be false).
 * Only top-level REQUIRED (no levels) and OPTIONAL (one definition-level bit) columns get
 * here. Source: the Parquet format specification (data pages, "Data Page V2").
 *
 * @param file - the decompression buffer
 * @param bytes - the chunk's bytes (its {@link chunkRange} of the file)
 * @param meta - the chunk's metadata
 * @param sink - the column's output
 * @param optional - whether the column is OPTIONAL (pages carry definition levels)
 * @param row0 - the row group's first row
 * @param rows - the row group's rows
 * @throws {@link ParquetFastPathMiss} for anything the fast path does not decode
 * @example
 * const metadata = await parquetMetadataAsync(await asyncBufferFromFile('preds.parquet'));
 * const meta = metadata.row_groups[0].columns[2].meta_data; // the score column, OPTIONAL DOUBLE
 * const file = await ParquetChunkFile.open('preds.parquet');
 * const sink = new ParquetColumnValues('score', false, 'DOUBLE', 4);
 * decodeColumnChunk(file, await file.range(chunkRange(meta).start, chunkRange(meta).end), meta, sink, true, 0, 4);
 * await file.close();
 * sink.finish(); // { kind: 'number', name: 'score', values: Float64Array [0.9, 0.2, 0.4, 0.1] }
 */
export function decodeColumnChunk(
  file: PageScratch,
  bytes: Uint8Array,
  meta: ColumnMetaData,
  sink: ParquetColumnValues,
  optional: boolean,
  row0: number,
  rows: number,
): void {
  if (!fastChunk(meta)) throw new ParquetFastPathMiss(`codec ${meta.codec} or its encodings`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length;
  const reader = { view, offset: 0 };
  sink.clearDictionary();
  let done = 0;
  while (done < rows) {
    if (reader.offset >= end) throw new ParquetFastPathMiss('pages end before the row group');
    const header: PageHeader = parquetHeader(reader);
    const bodyStart = reader.offset;
    reader.offset += header.compressed_page_size;
    if (reader.offset > end) throw new ParquetFastPathMiss('page past the column chunk');
    const body = bytes.subarray(bodyStart, reader.offset);
    if (header.type === 'DICTIONARY_PAGE') {
      const dph = header.dictionary_page_header;
      if (dph === undefined || (dph.encoding !== 'PLAIN' && dph.encoding !== 'PLAIN_DICTIONARY'))
        throw new ParquetFastPathMiss('dictionary page encoding');
      const page = decompress(file, body, header.uncompressed_page_size, meta.codec);
      sink.setDictionary(page, dph.num_values);
    } else if (header.type === 'DATA_PAGE') {
      done += dataPageV1(file, header, body, meta.codec, sink, optional, row0 + done);
    } else if (header.type === 'DATA_PAGE_V2') {
      done += dataPageV2(file, header, body, meta.codec, sink, optional, row0 + done);
    } else if (header.type !== 'INDEX_PAGE') {
      throw new ParquetFastPathMiss(`page type ${header.type}`);
    }
  }
  if (done !== rows) throw new ParquetFastPathMiss('pages hold more rows than the row group');
}

/** Counts the ones among the first `n` definition levels (any other level is a miss). */
function countPresent(levels: Int32Array, n: number): number {
  let present = 0;
  for (let i = 0; i < n; i++) {
    const l = levels[i]!;
    if (l > 1) throw new ParquetFastPathMiss('definition level above 1');
    present += l;
  }
  return present;
}

function dataPageV1(
  file: PageScratch,
  header: PageHeader,
  body: Uint8Array,
  codec: string,
  sink: ParquetColumnValues,
  optional: boolean,
  row: number,
): number {
  const dph = header.data_page_header!;
  const rows = dph.num_values;
  const page = decompress(file, body, header.uncompressed_page_size, codec);
  if (!optional) {
    sink.writeRequired(
      { bytes: page, start: 0, end: page.length, encoding: dph.encoding, present: rows },
      row,
    );
    return rows;
  }
  if (dph.definition_level_encoding !== 'RLE' || page.length < 4)
    throw new ParquetFastPathMiss('definition level encoding');
  const length = page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! << 24);
  if (length < 0 || 4 + length > page.length) throw new ParquetFastPathMiss('definition levels');
  const levels = sink.levelScratch(rows);
  decodeHybrid(page, 4, 4 + length, 1, levels, 0, rows);
  const present = countPresent(levels, rows);
  const values = {
    bytes: page,
    start: 4 + length,
    end: page.length,
    encoding: dph.encoding,
    present,
  };
  sink.writeOptional(values, levels, rows, row);
  return rows;
}

function dataPageV2(
  file: PageScratch,
  header: PageHeader,
  body: Uint8Array,
  codec: string,
  sink: ParquetColumnValues,
  optional: boolean,
  row: number,
): number {
  const dph = header.data_page_header_v2!;
  const rows = dph.num_rows;
  const repLength = dph.repetition_levels_byte_length;
  const defLength = dph.definition_levels_byte_length;
  if (repLength !== 0 || dph.num_values !== rows) throw new ParquetFastPathMiss('repeated values');
  if (!optional && (defLength !== 0 || dph.num_nulls !== 0))
    throw new ParquetFastPathMiss('levels in a REQUIRED column');
  const levelsEnd = repLength + defLength;
  if (levelsEnd > body.length) throw new ParquetFastPathMiss('levels past the page');
  const compressed = dph.is_compressed !== false ? codec : 'UNCOMPRESSED';
  const page = decompress(
    file,
    body.subarray(levelsEnd),
    header.uncompressed_page_size - levelsEnd,
    compressed,
  );
  if (!optional) {
    sink.writeRequired(
      { bytes: page, start: 0, end: page.length, encoding: dph.encoding, present: rows },
      row,
    );
    return rows;
  }
  const levels = sink.levelScratch(rows);
  decodeHybrid(body, repLength, levelsEnd, 1, levels, 0, rows);
  const present = countPresent(levels, rows);
  if (present !== rows - dph.num_nulls) throw new ParquetFastPathMiss('null count mismatch');
  const values = { bytes: page, start: 0, end: page.length, encoding: dph.encoding, present };
  sink.writeOptional(values, levels, rows, row);
  return rows;
}
