import { closeSync, openSync, readSync } from 'node:fs';
import type { CsvCountTask, CsvSpanCount } from './csv-range-types.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK_BYTES = 1 << 20;

let buffer = Buffer.allocUnsafe(0);

/** The typed-array builtin, without Buffer's JavaScript wrapper (cheap in a cold thread too). */
const indexOf = Uint8Array.prototype.indexOf;

/**
 * This thread's read buffer for file ranges, reused from range to range (and grown to
 * `bytes`): a file range costs no fresh memory, whose first touch is slow.
 *
 * @param bytes - the least size
 * @returns the buffer
 * @example
 * const buf = rangeBuffer(1 << 20);
 * buf.length; // 1048576
 */
export function rangeBuffer(bytes: number = CHUNK_BYTES): Buffer {
  if (buffer.length < bytes) buffer = Buffer.allocUnsafe(Math.max(bytes, CHUNK_BYTES));
  return buffer;
}

/** Where a span's count is: its first record start (-1 before it), the current line's start, records so far. */
interface SpanState {
  first: number;
  line: number;
  rows: number;
  /** the last byte of the chunk before */
  lastByte: number;
}

/**
 * Counts span `k` of a {@link CsvCountTask}: reads from just before its cut until the
 * first line break at or after the next cut (or the end of the file), in chunks of one
 * reused buffer, and counts the records that start in the span (empty lines are not
 * records; a whitespace-only line or a lone CR is counted as the line it is, so that the
 * range's parse, which skips the one and splits at the other, fails its count and the file
 * is read sequentially).
 *
 * @param task - the file and its cuts
 * @param k - the span
 * @returns its first record start, the next span's, its records, and whether it met a quote
 * @throws the file system's error
 * @example
 * const task = { kind: 'csv-parse', file: 'preds.csv', cuts: [23, 40, 74], width: 3, next: new Int32Array(1) };
 * countSpan(task, 0); // { first: 23, end: 49, rows: 2, quoted: false }
 * countSpan(task, 1); // { first: 49, end: 74, rows: 2, quoted: false }
 */
export function countSpan(task: CsvCountTask, k: number): CsvSpanCount {
  const { cuts } = task;
  const size = cuts[cuts.length - 1]!;
  // the first line break at `stop` or after it ends the span's last record
  const stop = k + 2 < cuts.length ? cuts[k + 1]! - 1 : size;
  const state: SpanState = {
    first: k === 0 ? cuts[0]! : -1,
    line: cuts[0]!,
    rows: 0,
    lastByte: -1,
  };
  const fd = openSync(task.file, 'r');
  try {
    let at = k === 0 ? cuts[0]! : cuts[k]! - 1;
    const bytes = rangeBuffer();
    while (at < size) {
      const read = readSync(fd, bytes, 0, Math.min(bytes.length, size - at), at);
      if (read === 0) break;
      const end = countChunk(bytes, read, at, stop, state);
      if (end === -2) return { first: state.first, end: size, rows: 0, quoted: true };
      if (end >= 0) return { first: state.first, end, rows: state.rows, quoted: false };
      at += read;
    }
  } finally {
    closeSync(fd);
  }
  if (state.first < 0) return { first: size, end: size, rows: 0, quoted: false };
  // the file's last line, without a line break
  if (state.line < size) state.rows++;
  return { first: state.first, end: size, rows: state.rows, quoted: false };
}

/**
 * Counts the records of one chunk read at file offset `base`, jumping from line break to
 * line break with `indexOf` (a builtin: as fast in a worker's first task as later, where a
 * byte loop would run in the interpreter until V8 compiles it).
 *
 * @returns the file offset after the line break that ends the span, -1 to read on, -2 at a
 *   quote inside the span
 */
function countChunk(
  bytes: Buffer,
  length: number,
  base: number,
  stop: number,
  state: SpanState,
): number {
  const chunk: Uint8Array = length === bytes.length ? bytes : bytes.subarray(0, length);
  let { first, line, rows } = state;
  let i = indexOf.call(chunk, LF);
  if (first < 0 && i >= 0) {
    first = base + i + 1;
    line = first;
    if (base + i >= stop) return finish(state, first, line, rows, base + i + 1);
    i = indexOf.call(chunk, LF, i + 1);
  }
  if (first >= 0) {
    // a quote from the span's first record on: the cut may fall inside a quoted field
    const quote = indexOf.call(chunk, QUOTE, Math.max(0, first - base));
    const stopAt = stop - base;
    const last = stopAt < length ? indexOf.call(chunk, LF, Math.max(0, stopAt)) : -1;
    if (quote >= 0 && (last < 0 || quote < last)) return -2;
  }
  for (; i >= 0; i = indexOf.call(chunk, LF, i + 1)) {
    const at = base + i;
    const before = i > 0 ? chunk[i - 1]! : state.lastByte;
    const blank = at === line || (at === line + 1 && before === CR);
    if (!blank) rows++;
    line = at + 1;
    if (at >= stop) return finish(state, first, line, rows, at + 1);
  }
  state.lastByte = chunk[length - 1]!;
  return finish(state, first, line, rows, -1);
}

function finish(state: SpanState, first: number, line: number, rows: number, end: number): number {
  state.first = first;
  state.line = line;
  state.rows = rows;
  return end;
}

/**
 * Grows this thread's range buffer to twice its size, keeping its first `kept` bytes (a
 * record longer than the buffer).
 *
 * @param kept - bytes to keep
 * @returns the new buffer
 * @example
 * const bytes = rangeBuffer();
 * bytes.write('label,score');
 * const grown = growRangeBuffer(11);
 * grown.length === 2 * bytes.length; // true
 * grown.toString('utf8', 0, 11); // 'label,score'
 */
export function growRangeBuffer(kept: number): Buffer {
  const grown = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(grown, 0, 0, kept);
  buffer = grown;
  return buffer;
}
