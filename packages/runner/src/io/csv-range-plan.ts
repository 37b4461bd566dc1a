import type { CsvRanges } from './csv-range-types.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Whether the line `[from, to)` (its line break excluded) is one the readers skip: empty, or
 * `""` where the header has several fields (in a one-column file `""` is a missing cell).
 */
function blankLine(bytes: Uint8Array, from: number, to: number, quotedToo: boolean): boolean {
  let end = to;
  if (end > from && bytes[end - 1] === CR) end--;
  if (end === from) return true;
  return quotedToo && end - from === 2 && bytes[from] === QUOTE && bytes[from + 1] === QUOTE;
}

/**
 * Splits the data rows of a CSV file into byte ranges in one pass: a line feed outside
 * quotes (an even number of `"` before it) ends a record, and a range ends at the first
 * record end at or after each cut. Counts each range's rows on the way: empty lines are
 * not rows, nor `""` lines when the header has several fields (the readers skip them; a
 * whitespace-only line or a lone CR fails the range's count, for the sequential reader).
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
 * const bytes = Buffer.from('label,prediction,score\nspam,spam,0.9\nham,ham,0.2\nspam,ham,0.4\nham,ham,0.1\n');
 * planRanges(bytes, 23, [40], 3); // { starts: [23, 49], ends: [49, 74], rows: [2, 2], offsets: [0, 2] }
 */
export function planRanges(
  bytes: Uint8Array,
  from: number,
  cuts: readonly number[],
  width: number,
): CsvRanges {
  const ranges = { starts: [] as number[], ends: [] as number[], rows: [] as number[] };
  const offsets: number[] = [];
  const end = bytes.length;
  const scan: LineScan = { quoted: false, line: from, count: 0, quotedBlanks: width > 1 };
  let start = from;
  let total = 0;
  const close = (at: number) => {
    ranges.starts.push(start);
    ranges.ends.push(at);
    ranges.rows.push(scan.count);
    offsets.push(total);
    total += scan.count;
    scan.count = 0;
    start = at;
  };
  let i = from;
  for (const cut of cuts) {
    if (cut <= scan.line) continue;
    i = scanLines(bytes, i, end, cut, scan);
    if (scan.line < cut || scan.line >= end) break;
    close(scan.line);
  }
  scanLines(bytes, i, end, end + 1, scan);
  if (scan.line < end && !blankLine(bytes, scan.line, end, scan.quotedBlanks)) scan.count++;
  if (start < end) close(end);
  return { ...ranges, offsets };
}

/** Where {@link scanLines} is: inside quotes or not, the current line's start, lines counted. */
interface LineScan {
  quoted: boolean;
  line: number;
  count: number;
  /** whether a `""` line is skipped (the header has several fields) */
  readonly quotedBlanks: boolean;
}

/**
 * Counts the records from `i` until a record starts at or after `stopAt` (or the bytes
 * end); returns where it stopped.
 */
function scanLines(bytes: Uint8Array, at: number, end: number, stopAt: number, scan: LineScan) {
  let quoted = scan.quoted;
  let line = scan.line;
  let count = scan.count;
  let i = at;
  for (; i < end; i++) {
    const b = bytes[i]!;
    // digits, letters and the comma are above the quote: one comparison for most bytes
    if (b > QUOTE) continue;
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) {
      // a line of more than 3 bytes is no blank one (``, CR, `""`, `""` CR)
      if (i - line > 3 || !blankLine(bytes, line, i, scan.quotedBlanks)) count++;
      line = i + 1;
      if (line >= stopAt) {
        i++;
        break;
      }
    }
  }
  scan.quoted = quoted;
  scan.line = line;
  scan.count = count;
  return i;
}
