import { CellColumnBuilder } from './column-builders.js';
import { type CsvPick, smallLabels, UNKNOWN_LABEL } from './csv-cells.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SKIP = 0;
const NUMBER = 1;
const LABEL = 2;
const MAX_DIGITS = 15;
const MAX_SCALE = 22;
const POWERS = Float64Array.from({ length: MAX_SCALE + 1 }, (_, k) => 10 ** k);
const NO_NUMBERS = new Float64Array(0);
const NO_CODES = new Int32Array(0);
const NO_PACKED = new Map<number, number>();

/**
 * What the fast row loop writes where: per field of the header, whether it is skipped,
 * parsed as a number or coded as a label, and the column's backing array. Built from the
 * picks' builders as they are now ({@link fastRows}); stale once a builder grows or an
 * `auto` column turns into labels ({@link fastRowsStale}).
 */
export interface FastRows {
  readonly width: number;
  readonly delimiter: number;
  /** per field: 0 skipped, 1 number, 2 label */
  readonly action: Uint8Array;
  readonly numbers: Float64Array[];
  readonly codes: Int32Array[];
  readonly small: Int32Array[];
  readonly packed: Map<number, number>[];
  /** rows the backing arrays hold */
  readonly capacity: number;
  /** rows written so far (every pick's builder length) */
  row: number;
}

/**
 * The fast loop's view of the picks' builders, or undefined where it cannot write them
 * (a `text` column).
 *
 * @param picks - the requested columns
 * @param width - fields of the header
 * @param delimiter - the field delimiter's byte
 * @param row - rows the builders hold
 * @returns the plan
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const plan = fastRows(picks, 3, 0x2c, 0);
 * plan.action; // Uint8Array [2, 0, 1]: field 0 a label, field 1 skipped, field 2 a number
 * fastRows([csvPick(0, new TextColumnBuilder('answer'))], 1, 0x2c, 0); // undefined: a text column
 */
export function fastRows(
  picks: readonly CsvPick[],
  width: number,
  delimiter: number,
  row: number,
): FastRows | undefined {
  const action = new Uint8Array(width).fill(SKIP);
  const numbers: Float64Array[] = new Array(width).fill(NO_NUMBERS);
  const codes: Int32Array[] = new Array(width).fill(NO_CODES);
  const small: Int32Array[] = new Array(width).fill(NO_CODES);
  const packed: Map<number, number>[] = new Array(width).fill(NO_PACKED);
  let capacity = Number.MAX_SAFE_INTEGER;
  for (const pick of picks) {
    const builder = pick.builder;
    if (!(builder instanceof CellColumnBuilder)) return undefined;
    const k = pick.index;
    const sink = builder.numberSink();
    if (sink !== undefined) {
      action[k] = NUMBER;
      numbers[k] = sink.room();
      capacity = Math.min(capacity, numbers[k]!.length);
    } else {
      action[k] = LABEL;
      codes[k] = builder.labelSink()!.room();
      small[k] = smallLabels(pick);
      packed[k] = pick.packed;
      capacity = Math.min(capacity, codes[k]!.length);
    }
  }
  return { width, delimiter, action, numbers, codes, small, packed, capacity, row };
}

/**
 * Whether the builders changed since `plan` was made (grown, or turned into labels), so
 * that a new plan must be made before the fast loop runs again.
 *
 * @param plan - the plan
 * @param picks - the picks it was made from
 * @returns true when stale
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('y', 'auto'))];
 * const plan = fastRows(picks, 1, 0x2c, 0);
 * const loop = recordLoop(picks, 1, 0x2c, Number.POSITIVE_INFINITY);
 * readRecords(Buffer.from('yes\n'), 0, 4, true, loop); // 4: the auto column turns into labels
 * fastRowsStale(plan, picks); // true
 */
export function fastRowsStale(plan: FastRows, picks: readonly CsvPick[]): boolean {
  for (const pick of picks) {
    const builder = pick.builder as CellColumnBuilder;
    const sink = builder.numberSink();
    const array = sink === undefined ? builder.labelSink()!.room() : sink.room();
    if (array !== (sink === undefined ? plan.codes : plan.numbers)[pick.index]) return true;
  }
  return false;
}

/**
 * Sets every pick's builder length to the rows the fast loop wrote.
 *
 * @param plan - the plan the loop ran with
 * @param picks - its picks
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const bytes = Buffer.from('spam,x,0.9\nspam,x,0.2\n');
 * readRecords(bytes, 0, 11, false, recordLoop(picks, 3, 0x2c, 1)); // 11: the first record, with the generic scanner
 * const plan = fastRows(picks, 3, 0x2c, 1);
 * scanFastRows(bytes, 11, bytes.length, plan); // 22
 * commitFastRows(plan, picks); // every builder's length is now plan.row
 * picks[1].builder.finish().values; // Float64Array [0.9, 0.2]
 */
export function commitFastRows(plan: FastRows, picks: readonly CsvPick[]): void {
  for (const pick of picks) {
    const builder = pick.builder as CellColumnBuilder;
    (builder.numberSink() ?? builder.labelSink()!).length = plan.row;
  }
}

/**
 * Parses a plain decimal at `p` into `out[row]`, an empty cell as NaN: at most 15 digits
 * (leading zeros counted: longer ones go to `parseDecimal`, which counts only significant
 * ones) and a power of ten within ±22, so that the digits and the power are exact doubles
 * and one IEEE multiplication or division rounds correctly, equal to `Number(text)`.
 *
 * @returns the offset after the number, or -1 where the cell is not such a number (the
 *   caller checks that the byte there ends the field)
 */
function numberInto(bytes: Uint8Array, p: number, end: number, out: Float64Array, row: number) {
  let i = p;
  let c = i < end ? bytes[i]! : -1;
  const negative = c === 0x2d;
  if (negative || c === 0x2b) c = ++i < end ? bytes[i]! : -1;
  let mantissa = 0;
  const from = i;
  // digits by position, not per digit: the loop carries only the mantissa's dependency
  while (c >= 0x30 && c <= 0x39) {
    mantissa = mantissa * 10 + (c - 0x30);
    c = ++i < end ? bytes[i]! : -1;
  }
  let digits = i - from;
  let scale = 0;
  if (c === 0x2e) {
    c = ++i < end ? bytes[i]! : -1;
    const dot = i;
    while (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      c = ++i < end ? bytes[i]! : -1;
    }
    scale = dot - i;
    digits -= scale;
  }
  if (digits === 0) {
    if (i !== p) return -1;
    out[row] = Number.NaN;
    return i;
  }
  if (digits > MAX_DIGITS) return -1;
  if (c === 0x65 || c === 0x45) {
    i = exponentEnd(bytes, i + 1, end);
    if (i < 0) return -1;
    scale += exponent;
  }
  let value = 0;
  if (mantissa !== 0) {
    if (scale >= 0 && scale <= MAX_SCALE) value = mantissa * POWERS[scale]!;
    else if (scale < 0 && scale >= -MAX_SCALE) value = mantissa / POWERS[-scale]!;
    else return -1;
  }
  out[row] = negative ? -value : value;
  return i;
}

/** The exponent {@link exponentEnd} read last. */
let exponent = 0;

/** Reads an exponent's sign and up to 5 digits at `p` into {@link exponent}; -1 without digits. */
function exponentEnd(bytes: Uint8Array, p: number, end: number): number {
  let i = p;
  const c = i < end ? bytes[i]! : -1;
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let value = 0;
  const from = i;
  for (; i < end && i - from < 5; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  if (i === from) return -1;
  exponent = negative ? -value : value;
  return i;
}

/** Codes a label cell met before (1 to 6 bytes, by table or packed bytes); -1 otherwise. */
function labelInto(
  bytes: Uint8Array,
  p: number,
  end: number,
  plan: FastRows,
  k: number,
  row: number,
): number {
  const delimiter = plan.delimiter;
  let q = p;
  while (q < end) {
    const b = bytes[q]!;
    if (b === delimiter || b === LF || b === CR || b === QUOTE) break;
    q++;
  }
  const length = q - p;
  let code: number;
  if (length === 0) code = -1;
  else if (length === 1) code = plan.small[k]![bytes[p]!]!;
  else if (length === 2) code = plan.small[k]![256 + ((bytes[p]! << 8) | bytes[p + 1]!)]!;
  else if (length <= 6) {
    let key = length;
    for (let i = p; i < q; i++) key = key * 256 + bytes[i]!;
    code = plan.packed[k]!.get(key) ?? UNKNOWN_LABEL;
  } else return -1;
  if (code === UNKNOWN_LABEL) return -1;
  plan.codes[k]![row] = code;
  return q;
}

/**
 * The closing quote of a quoted field whose content starts at `p`, or -1 where the field
 * holds a doubled quote or runs to `end` (the generic scanner reads those).
 */
function closingQuote(bytes: Uint8Array, p: number, end: number): number {
  let q = p;
  while (q < end && bytes[q] !== QUOTE) q++;
  if (q + 1 >= end || bytes[q + 1] === QUOTE) return -1;
  return q;
}

/** The offset where an unquoted field at `p` ends, or -1 at a quote. */
function skipField(bytes: Uint8Array, p: number, end: number, delimiter: number): number {
  let q = p;
  while (q < end) {
    const b = bytes[q]!;
    if (b === delimiter || b === LF || b === CR) return q;
    if (b === QUOTE) return -1;
    q++;
  }
  return q;
}

/** Whether a one-field record starting with byte `b` may be a line to skip (LF, CR, space, tab). */
function blankStart(b: number): boolean {
  return b === LF || b === CR || b === 0x20 || b === 0x09;
}

/**
 * Reads records from `at` for as long as they are the common case: exactly `width`
 * unquoted fields ending in LF or CRLF (in a one-field file, not starting with a line break,
 * a space or a tab: the generic scanner skips empty and blank lines), every number column's cell a plain decimal (or
 * empty) and every label column's cell one met before. Each field is parsed straight into
 * its column, without a call per cell to the generic path and without strings. Stops at
 * the first other record (the caller reads it with the generic scanner, which may add a
 * label, switch an `auto` column or refuse the row), at `end` or when the arrays are full.
 *
 * @param bytes - the buffer
 * @param at - where a record starts
 * @param end - end of the valid bytes
 * @param plan - where each field goes; `plan.row` is advanced
 * @returns the offset of the first record not read
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const bytes = Buffer.from('spam,x,0.9\nspam,x,0.2\nspam,x,0.4\nham,x,0.1\n');
 * readRecords(bytes, 0, 11, false, recordLoop(picks, 3, 0x2c, 1)); // 11: 'spam' met by the generic scanner
 * const plan = fastRows(picks, 3, 0x2c, 1);
 * scanFastRows(bytes, 11, bytes.length, plan); // 33: stops at 'ham', a label not met before
 * plan.row; // 3
 */
export function scanFastRows(bytes: Uint8Array, at: number, end: number, plan: FastRows): number {
  const { action, delimiter, capacity } = plan;
  const last = plan.width - 1;
  let row = plan.row;
  let p = at;
  records: while (row < capacity) {
    // one field: an empty or blank line is no record (a field of several ends at a delimiter)
    if (last === 0 && p < end && blankStart(bytes[p]!)) break;
    let q = p;
    for (let k = 0; ; k++) {
      // a quoted field without `""` is read inside its quotes (R's write.csv quotes labels)
      const close = q < end && bytes[q] === QUOTE ? closingQuote(bytes, q + 1, end) : end;
      if (close < 0) break records;
      const from = close === end ? q : q + 1;
      const a = action[k]!;
      if (a === NUMBER) q = numberInto(bytes, from, close, plan.numbers[k]!, row);
      else if (a === LABEL) q = labelInto(bytes, from, close, plan, k, row);
      else q = close === end ? skipField(bytes, q, end, delimiter) : close;
      if (close !== end) q = q === close ? close + 1 : -1;
      if (q < 0 || q >= end) break records;
      const b = bytes[q]!;
      if (k === last) {
        if (b === LF) q++;
        else if (b === CR && q + 1 < end && bytes[q + 1] === LF) q += 2;
        else break records;
        break;
      }
      if (b !== delimiter) break records;
      q++;
    }
    row++;
    p = q;
  }
  plan.row = row;
  return p;
}
