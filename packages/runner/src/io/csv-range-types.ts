import type { Label } from '@assay/core-metrics';

/*
 * The messages of the parallel CSV reader (read-csv-pool) to the pool's workers
 * (csv-range-tasks): type-only, so that the pool's task union can name them.
 */

/** One requested column of a {@link CsvParseTask}: its field and the whole shared column. */
export interface CsvRangeColumn {
  /** the field index in each record */
  readonly index: number;
  readonly name: string;
  readonly kind: 'number' | 'label' | 'auto';
  /** the shared Float64 column (number and auto columns) */
  readonly numbers?: Float64Array | undefined;
  /** the shared Int32 codes (label and auto columns) */
  readonly codes?: Int32Array | undefined;
}

/** Byte ranges of a CSV file, each starting at a record boundary, and their rows. */
export interface CsvRanges {
  readonly starts: readonly number[];
  /** a record boundary, or the end of the file */
  readonly ends: readonly number[];
  /** the records counted in each range */
  readonly rows: readonly number[];
  /** where each range's rows start in the columns */
  readonly offsets: readonly number[];
}

/**
 * Parses byte ranges into their rows of the shared columns: the task claims range after
 * range from the shared counter `next` until none is left (the calling thread and every
 * worker run the same loop), so that no thread waits for a slow one.
 */
export interface CsvParseTask {
  readonly kind: 'csv-parse';
  /** the whole file (shared), or undefined: each thread reads its ranges from `file` */
  readonly bytes: Uint8Array | undefined;
  /** the file, read range by range where `bytes` is undefined */
  readonly file?: string | undefined;
  readonly delimiter: number;
  /** fields of the header */
  readonly width: number;
  readonly ranges: CsvRanges;
  /** `next[0]`: the next range to claim (Atomics.add) */
  readonly next: Int32Array;
  readonly columns: readonly CsvRangeColumn[];
}

/**
 * What a parse found for one column of one range: `null` while every cell was numeric
 * (the values are in `numbers`), else the range's local dictionary (codes in `codes`, in
 * first-seen order, before `finishLabels`) and the first row read as a label (0 for a
 * label column).
 */
export type CsvRangeColumnResult = {
  readonly dictionary: readonly Label[];
  readonly switchedAt: number;
} | null;

/**
 * Counts the records of byte spans of a file without quotes, each thread reading its spans
 * itself: span k holds the records that start in `[cuts[k], cuts[k + 1])`.
 */
export interface CsvCountTask {
  readonly kind: 'csv-parse';
  readonly file: string;
  /** the data's first byte, the span boundaries, then the file's size */
  readonly cuts: readonly number[];
  /** fields of the header */
  readonly width: number;
  /** `next[0]`: the next span to claim (Atomics.add) */
  readonly next: Int32Array;
}

/**
 * One span of a {@link CsvCountTask}: the first record start at or after its cut (`first`),
 * the one after its end (`end`), the records between them, and whether a quote was met
 * there (the split is then not known to fall between records).
 */
export interface CsvSpanCount {
  readonly first: number;
  readonly end: number;
  readonly rows: number;
  readonly quoted: boolean;
}

/**
 * What one thread's claim loop did: the ranges it claimed and, for each, every column's
 * result (a parse) or the span's count (a count).
 */
export interface CsvParseResult {
  readonly ranges: readonly number[];
  readonly found: readonly (readonly CsvRangeColumnResult[])[];
  readonly counts?: readonly CsvSpanCount[];
}

/** Any task of the parallel CSV reader. */
export type CsvTask = CsvParseTask | CsvCountTask;
