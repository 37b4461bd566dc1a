import type { Label } from '@assay/core-metrics';
import { LabelColumnBuilder } from './column-builders.js';
import { finishLabels } from './finish-labels.js';
import type { LoadedColumn } from './loaded-column.js';
import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';
import { decodeHybrid } from './parquet-hybrid.js';
import { decodePlain, type FastPhysicalType, int32Values } from './parquet-plain.js';
import { sharedFloat64, sharedInt32 } from './shared-arrays.js';

const SMALL_INT_LIMIT = 1 << 16;
const UNSEEN = -2;

/**
 * The values part of one data page, after its levels, decompressed.
 *
 * @example
 * const page: PageValues = { bytes, start: 0, end: bytes.length, encoding: 'PLAIN', present: 100 };
 */
export interface PageValues {
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** `PLAIN`, `PLAIN_DICTIONARY` or `RLE_DICTIONARY` (anything else is a miss). */
  readonly encoding: string;
  /** Values stored in the page (the rows that are not null). */
  readonly present: number;
}

function grownInt32(a: Int32Array, n: number): Int32Array {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

function grownFloat64(a: Float64Array, n: number): Float64Array {
  return a.length >= n ? a : new Float64Array(Math.max(n, a.length * 2));
}

/**
 * One requested flat numeric Parquet column, decoded page by page straight into its shared
 * output: Float64 values (NaN for null) for a number column, or Int32 label codes (-1 for
 * null) with the same codes and dictionary, in first-seen order, that the label builder
 * gives when the values are pushed one by one.
 *
 * @remarks
 * A dictionary page's values are decoded once; for labels each dictionary entry gets its
 * code the first time a row uses it (so codes stay in first-seen row order), after which a
 * row costs one table look-up. Plain label values go through a 65 536-entry table for
 * small non-negative integers and the builder's map otherwise.
 *
 * @example
 * const metadata = await parquetMetadataAsync(await asyncBufferFromFile('preds.parquet'));
 * const meta = metadata.row_groups[0].columns[2].meta_data; // the score column, OPTIONAL DOUBLE
 * const { start, end } = chunkRange(meta);
 * const file = await ParquetChunkFile.open('preds.parquet');
 * const sink = new ParquetColumnValues('score', true, 'DOUBLE', 4); // as labels
 * decodeColumnChunk(file, await file.range(start, end), meta, sink, true, 0, 4);
 * await file.close();
 * sink.finish(); // { kind: 'label', name: 'score', codes: Int32Array [0, 1, 2, 3], dictionary: [0.9, 0.2, 0.4, 0.1] }
 */
export class ParquetColumnValues {
  private readonly numbers: Float64Array | undefined;
  private readonly codes: Int32Array | undefined;
  private readonly labels: LabelColumnBuilder | undefined;
  private readonly small: Int32Array | undefined;
  private dictionary: Float64Array = new Float64Array(0);
  private remap: Int32Array = new Int32Array(0);
  private indices: Int32Array = new Int32Array(0);
  private dense: Float64Array = new Float64Array(0);
  private denseCodes: Int32Array = new Int32Array(0);
  private levels: Int32Array = new Int32Array(0);
  /** An aligned copy area for PLAIN values at unaligned positions. */
  readonly scratch = { buffer: new ArrayBuffer(0) };

  constructor(
    readonly name: string,
    readonly asLabels: boolean,
    readonly type: FastPhysicalType,
    n: number,
  ) {
    if (asLabels) {
      this.codes = sharedInt32(n);
      this.labels = new LabelColumnBuilder(1);
      this.small = new Int32Array(SMALL_INT_LIMIT).fill(-1);
    } else this.numbers = sharedFloat64(n);
  }

  /**
   * Takes a dictionary page's PLAIN values (a new column chunk's dictionary).
   *
   * @param bytes - the decompressed page
   * @param count - entries
   */
  setDictionary(bytes: Uint8Array, count: number): void {
    this.dictionary = new Float64Array(count);
    decodePlain(bytes, 0, count, this.type, this.dictionary, 0, this.scratch);
    this.remap = new Int32Array(count).fill(UNSEEN);
  }

  /** Forgets the dictionary: each column chunk has its own (or none). */
  clearDictionary(): void {
    this.dictionary = new Float64Array(0);
    this.remap = new Int32Array(0);
  }

  /** A scratch array of `n` Int32 levels, for a page's definition levels. */
  levelScratch(n: number): Int32Array {
    this.levels = grownInt32(this.levels, n);
    return this.levels;
  }

  /**
   * Writes the rows of one data page of a REQUIRED column.
   *
   * @param page - the page's values
   * @param row - the page's first row
   */
  writeRequired(page: PageValues, row: number): void {
    if (this.numbers !== undefined) this.denseNumbers(page, this.numbers, row);
    else this.denseLabels(page, this.codes!, row);
  }

  /**
   * Writes the rows of one data page of an OPTIONAL column: its present values go to the
   * rows whose definition level is 1, the others are missing.
   *
   * @param page - the page's values
   * @param levels - one definition level (0 or 1) per row of the page
   * @param rows - rows in the page
   * @param row - the page's first row
   */
  writeOptional(page: PageValues, levels: Int32Array, rows: number, row: number): void {
    if (this.numbers !== undefined) {
      this.dense = grownFloat64(this.dense, page.present);
      const dense = this.dense;
      this.denseNumbers(page, dense, 0);
      const out = this.numbers;
      let j = 0;
      for (let i = 0; i < rows; i++) out[row + i] = levels[i] === 1 ? dense[j++]! : Number.NaN;
    } else {
      this.denseCodes = grownInt32(this.denseCodes, page.present);
      const dense = this.denseCodes;
      this.denseLabels(page, dense, 0);
      const out = this.codes!;
      let j = 0;
      for (let i = 0; i < rows; i++) out[row + i] = levels[i] === 1 ? dense[j++]! : -1;
    }
  }

  private denseNumbers(page: PageValues, out: Float64Array, at: number): void {
    const { bytes, start, present } = page;
    if (page.encoding === 'PLAIN') {
      decodePlain(bytes, start, present, this.type, out, at, this.scratch);
      return;
    }
    const idx = this.dictionaryIndices(page);
    const dict = this.dictionary;
    const size = dict.length;
    for (let i = 0; i < present; i++) {
      const k = idx[i]!;
      if (k >= size) throw new ParquetFastPathMiss('dictionary index out of range');
      out[at + i] = dict[k]!;
    }
  }

  private denseLabels(page: PageValues, out: Int32Array, at: number): void {
    const { present } = page;
    if (page.encoding === 'PLAIN') {
      const small = this.small!;
      if (this.type === 'INT32') {
        const ints = int32Values(page.bytes, page.start, present, this.scratch);
        for (let i = 0; i < present; i++) {
          const v = ints[i]!;
          const c = v >= 0 && v < SMALL_INT_LIMIT ? small[v]! : -1;
          out[at + i] = c >= 0 ? c : this.newCode(v);
        }
        return;
      }
      this.dense = grownFloat64(this.dense, present);
      const values = this.dense;
      decodePlain(page.bytes, page.start, present, this.type, values, 0, this.scratch);
      for (let i = 0; i < present; i++) {
        const v = values[i]!;
        const c = v >= 0 && v < SMALL_INT_LIMIT && (v | 0) === v ? small[v]! : -1;
        out[at + i] = c >= 0 ? c : this.newCode(v);
      }
      return;
    }
    const idx = this.dictionaryIndices(page);
    const remap = this.remap;
    for (let i = 0; i < present; i++) {
      // unseen entries (-2), NaN ones (-1) and out-of-range indices (undefined) take the slow call
      const c = remap[idx[i]!]!;
      out[at + i] = c >= 0 ? c : this.entryCode(idx[i]!);
    }
  }

  /** The code of dictionary entry `k`, given on first use (first-seen order). */
  private entryCode(k: number): number {
    if (k >= this.remap.length) throw new ParquetFastPathMiss('dictionary index out of range');
    let c = this.remap[k]!;
    if (c === UNSEEN) {
      c = this.labels!.codeOf(this.dictionary[k]!);
      this.remap[k] = c;
    }
    return c;
  }

  /** The code of a plain label value met for the first time in the small table, or not in it. */
  private newCode(v: number): number {
    const c = this.labels!.codeOf(v);
    if (v >= 0 && v < SMALL_INT_LIMIT && (v | 0) === v) this.small![v] = c;
    return c;
  }

  /** Decodes a dictionary page's RLE / bit-packed indices into the index scratch. */
  private dictionaryIndices(page: PageValues): Int32Array {
    if (page.encoding !== 'RLE_DICTIONARY' && page.encoding !== 'PLAIN_DICTIONARY')
      throw new ParquetFastPathMiss(`encoding ${page.encoding}`);
    if (this.remap.length === 0 && page.present > 0)
      throw new ParquetFastPathMiss('dictionary-encoded page without a dictionary page');
    this.indices = grownInt32(this.indices, page.present);
    if (page.present === 0) return this.indices;
    const width = page.bytes[page.start]!;
    decodeHybrid(page.bytes, page.start + 1, page.end, width, this.indices, 0, page.present);
    return this.indices;
  }

  /**
   * The finished column.
   *
   * @returns a number column, or a label column through `finishLabels`
   */
  finish(): LoadedColumn {
    if (this.numbers !== undefined)
      return { kind: 'number', name: this.name, values: this.numbers };
    const dictionary: Label[] = this.labels!.dictionary;
    return finishLabels({ kind: 'label', name: this.name, codes: this.codes!, dictionary });
  }
}
