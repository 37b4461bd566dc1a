import type { CsvRanges } from './csv-range-types.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Whether the line `[from, to)` (its line break excluded) is one empty field: `` or `""`. */
function blankLine(bytes: Uint8Array, from: number, to: number): boolean {
  let end = to;
  if (end > from && bytes[end - 1] === CR) end--;
  return end === from || (end - from === 2 && bytes[from] === QUOTE && bytes[from + 1] === QUOTE);
}

/**
 * Splits the data rows of a CSV file into byte ranges in one pass: a line feed outside
 * quotes (an even number of `"` before it) ends a record, and a range ends at the first
 * record end at or after each cut. Counts each range's rows on the way: empty lines are
 * not rows when the header has several fields (the readers skip them).
 *
 * @remarks
 * The parity rule holds for every file the byte scanner reads (quotes open and close
 * fields, `""` inside them); where a file breaks it, a range does not end where the scan
 * of its records ends and the parse fails over to the sequential reader.
 *
 * @param bytes - the whole file
 * @param from - the first data byte (after the header's line break)
 * @param cuts - ascending byte offsets to split at (each moved to the next record end)
 * @param width - fields of the header
 * @returns the ranges, their rows and row offsets
 * @example
 * const ranges = planRanges(bytes, 23, [1 << 20, 2 << 20], 3);
 */
export function planRanges(
  bytes: Uint8Array,
  from: number,
  cuts: readonly number[],
  width: number,
): CsvRanges {
  const starts: number[] = [];
  const ends: number[] = [];
  const rows: number[] = [];
  const offsets: number[] = [];
  const blanksAreRows = width === 1;
  const end = bytes.length;
  let start = from;
  let count = 0;
  let total = 0;
  let quoted = false;
  let line = from;
  let k = 0;
  while (k < cuts.length && cuts[k]! <= from) k++;
  let cut = k < cuts.length ? cuts[k]! : end + 1;
  const close = (at: number) => {
    starts.push(start);
    ends.push(at);
    rows.push(count);
    offsets.push(total);
    total += count;
    count = 0;
    start = at;
  };
  for (let i = from; i < end; i++) {
    const b = bytes[i]!;
    if (b === LF) {
      if (quoted) continue;
      if (blanksAreRows || !blankLine(bytes, line, i)) count++;
      line = i + 1;
      if (line >= cut && line < end) {
        close(line);
        while (k < cuts.length && cuts[k]! <= line) k++;
        cut = k < cuts.length ? cuts[k]! : end + 1;
      }
    } else if (b === QUOTE) {
      quoted = !quoted;
    }
  }
  if (line < end && (blanksAreRows || !blankLine(bytes, line, end))) count++;
  if (start < end) close(end);
  return { starts, ends, rows, offsets };
}
