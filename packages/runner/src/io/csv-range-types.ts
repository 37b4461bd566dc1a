import type { Label } from '@assay/core-metrics';

/*
 * The messages of the parallel CSV reader (read-csv-pool) to the pool's workers
 * (csv-range-tasks): type-only, so that the pool's task union can name them.
 */

/** Counts the `"` bytes of a byte range (the quote parity at each split point). */
export interface CsvQuoteTask {
  readonly kind: 'csv-quotes';
  /** the whole file (shared) */
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
}

/** Counts the records of a byte range that starts at a record boundary. */
export interface CsvCountTask {
  readonly kind: 'csv-count';
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** fields of the header: with one, an empty line is a row (else it is skipped) */
  readonly width: number;
}

/** One requested column of a {@link CsvParseTask}, with its range's views of the shared columns. */
export interface CsvRangeColumn {
  /** the field index in each record */
  readonly index: number;
  readonly name: string;
  readonly kind: 'number' | 'label' | 'auto';
  /** the range's rows of the shared Float64 column (number and auto columns) */
  readonly numbers?: Float64Array | undefined;
  /** the range's rows of the shared Int32 codes (label and auto columns) */
  readonly codes?: Int32Array | undefined;
}

/** Parses the records of a byte range into the range's rows of the shared columns. */
export interface CsvParseTask {
  readonly kind: 'csv-parse';
  readonly bytes: Uint8Array;
  readonly start: number;
  /** a record boundary, or the end of the file */
  readonly end: number;
  readonly delimiter: number;
  /** fields of the header */
  readonly width: number;
  /** the records counted in the range (the views' length) */
  readonly rows: number;
  readonly columns: readonly CsvRangeColumn[];
}

/**
 * What a parse task found for one column: `null` while every cell was numeric (the values
 * are in `numbers`), else the range's local dictionary (codes in `codes`, in first-seen
 * order, before `finishLabels`) and the first row read as a label (0 for a label column).
 */
export type CsvRangeColumnResult = {
  readonly dictionary: readonly Label[];
  readonly switchedAt: number;
} | null;

/** Any task of the parallel CSV reader. */
export type CsvTask = CsvQuoteTask | CsvCountTask | CsvParseTask;
