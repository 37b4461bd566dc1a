import type { CellColumnBuilder } from './column-builders.js';
import { fieldText, lastParseFailed, parseDecimal, type RecordFields } from './csv-bytes.js';
import { TextColumnBuilder } from './text-column-builder.js';

/** Where-text for a refused cell of the byte scanners: csv-parse names the line on re-read. */
const NO_WHERE = (): string => 'a row';

/** Labels up to 6 bytes are looked up by their bytes packed into one number: no string made. */
const PACKED_LABEL_BYTES = 6;

/** Marks a label not yet met in {@link CsvPick.small}. */
export const UNKNOWN_LABEL = -2;

/** One requested column of a CSV byte scanner: the field it comes from and what builds it. */
export interface CsvPick {
  readonly index: number;
  readonly builder: CellColumnBuilder | TextColumnBuilder;
  /** packed bytes of label cells of 3 to 6 bytes → their code */
  readonly packed: Map<number, number>;
  /**
   * codes of label cells of 1 or 2 bytes ({@link smallLabelSlot}), {@link UNKNOWN_LABEL}
   * where not met yet (a table read is cheaper than a Map lookup for the common `0` / `1`);
   * empty until the column holds labels ({@link smallLabels})
   */
  small: Int32Array;
}

const NO_TABLE = new Int32Array(0);

/**
 * A scanner's pick of field `index` with empty label caches.
 *
 * @param index - the field
 * @param builder - what builds the column
 * @returns the pick
 * @example
 * const pick = csvPick(2, new CellColumnBuilder('score', 'number'));
 * pick.index; // 2
 * pick.packed.size; // 0
 */
export function csvPick(index: number, builder: CellColumnBuilder | TextColumnBuilder): CsvPick {
  return { index, builder, packed: new Map(), small: NO_TABLE };
}

/**
 * The pick's table of 1- and 2-byte labels, made on first use (a number column never
 * needs its 256 KiB).
 *
 * @param pick - the pick
 * @returns the table
 * @example
 * const pick = csvPick(0, new CellColumnBuilder('label', 'label'));
 * const bytes = Buffer.from('1\n');
 * const fields = recordFields(1);
 * scanRecord(bytes, 0, bytes.length, 0x2c, true, fields);
 * pushCell(pick, bytes, fields); // the label 1 gets code 0
 * smallLabels(pick)[smallLabelSlot(bytes, 0, 1)]; // 0
 */
export function smallLabels(pick: CsvPick): Int32Array {
  if (pick.small.length === 0) pick.small = new Int32Array(256 + 65536).fill(UNKNOWN_LABEL);
  return pick.small;
}

/**
 * The slot in {@link CsvPick.small} of a 1- or 2-byte cell.
 *
 * @param bytes - the buffer
 * @param start - the cell's first byte
 * @param length - its length, 1 or 2
 * @returns the slot
 * @example
 * smallLabelSlot(Buffer.from('1'), 0, 1); // 49 (0x31, the byte of '1')
 */
export function smallLabelSlot(bytes: Uint8Array, start: number, length: number): number {
  return length === 1 ? bytes[start]! : 256 + ((bytes[start]! << 8) | bytes[start + 1]!);
}

/**
 * Appends field `pick.index` of one scanned record to its column: numbers parsed from the
 * bytes, short labels looked up by their bytes, every other cell through the text path.
 *
 * @param pick - the column
 * @param bytes - the buffer the record was scanned in
 * @param fields - the record's field boundaries
 * @throws {@link RunnerError} `NON_NUMERIC_VALUE` (without its line: callers read the file
 *   again with csv-parse to name it)
 * @example
 * const picks = [csvPick(0, new CellColumnBuilder('label', 'label')), csvPick(2, new CellColumnBuilder('score', 'number'))];
 * const bytes = Buffer.from('spam,spam,0.9\n');
 * const fields = recordFields(3);
 * scanRecord(bytes, 0, bytes.length, 0x2c, true, fields);
 * for (const pick of picks) pushCell(pick, bytes, fields);
 * picks[1].builder.finish(); // { kind: 'number', name: 'score', values: Float64Array [0.9] }
 */
export function pushCell(pick: CsvPick, bytes: Buffer, fields: RecordFields): void {
  const k = pick.index;
  const builder = pick.builder;
  if (builder instanceof TextColumnBuilder) {
    builder.push(fieldText(bytes, fields, k), true, NO_WHERE);
    return;
  }
  const start = fields.starts[k]!;
  const end = fields.ends[k]!;
  const plain = fields.quoted[k] === 0;
  const numbers = builder.numberSink();
  if (numbers !== undefined && plain) {
    if (start === end) {
      numbers.push(Number.NaN);
      return;
    }
    const value = parseDecimal(bytes, start, end);
    if (!lastParseFailed()) {
      numbers.push(value);
      return;
    }
  }
  const labels = builder.labelSink();
  // a quoted label without `""` is its bytes too: the same code and caches as unquoted
  if (
    labels !== undefined &&
    end - start <= PACKED_LABEL_BYTES &&
    (plain || noQuote(bytes, start, end))
  ) {
    const length = end - start;
    if (length === 1 || length === 2) {
      const small = smallLabels(pick);
      const slot = smallLabelSlot(bytes, start, length);
      let code = small[slot]!;
      if (code === UNKNOWN_LABEL) {
        code = labels.codeOf(bytes.toString('utf8', start, end));
        small[slot] = code;
      }
      labels.pushCode(code);
      return;
    }
    let key = length;
    for (let i = start; i < end; i++) key = key * 256 + bytes[i]!;
    let code = pick.packed.get(key);
    if (code === undefined) {
      const text = bytes.toString('utf8', start, end);
      code = labels.codeOf(text === '' ? null : text);
      pick.packed.set(key, code);
    }
    labels.pushCode(code);
    return;
  }
  builder.push(fieldText(bytes, fields, k), true, NO_WHERE);
}

function noQuote(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === 0x22) return false;
  return true;
}

/**
 * Whether a record is a line the readers skip, as pandas does: an empty line, or one of
 * spaces and tabs only (one unquoted field); `""` alone too where the header has several
 * fields (as csv-parse's reader skips it; in a one-column file it is a missing cell).
 *
 * @param bytes - the buffer the record was scanned in
 * @param fields - the record's field boundaries
 * @param width - fields of the header
 * @returns true for a line to skip
 * @example
 * const fields = recordFields(3); // as the scanner fills them: one field, bytes 0-2
 * fields.count = 1;
 * fields.ends[0] = 2;
 * blankRecord(Buffer.from(' \t'), fields, 3); // true (spaces and tabs only)
 * blankRecord(Buffer.from('a,'), fields, 3); // false
 */
export function blankRecord(bytes: Uint8Array, fields: RecordFields, width: number): boolean {
  if (fields.count !== 1) return false;
  const start = fields.starts[0]!;
  const end = fields.ends[0]!;
  if (fields.quoted[0] === 1) return start === end && width > 1;
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
  return true;
}
