const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Thrown by the byte scanner where a file leaves the grammar it reads (a quote
 * inside an unquoted field, text after a closing quote, a ragged row, a cell a column
 * cannot hold): the caller reads the file again with csv-parse, which either reads it or
 * answers with the precise error, line and column.
 */
export class CsvFallback extends Error {}

/**
 * Field boundaries of one record: `starts[k]` / `ends[k]` delimit field k's content
 * (inside the quotes for a quoted field, `quoted[k]` = 1), `count` fields in all.
 */
export interface RecordFields {
  starts: Int32Array;
  ends: Int32Array;
  quoted: Uint8Array;
  count: number;
}

/**
 * Allocates the field boundaries for records of up to `width` fields (grown on demand).
 *
 * @param width - the expected number of fields
 * @returns empty boundaries
 * @example
 * const fields = recordFields(3);
 * fields.starts; // Int32Array [0, 0, 0, 0]
 * fields.count; // 0
 */
export function recordFields(width: number): RecordFields {
  const size = Math.max(width, 4);
  return {
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    quoted: new Uint8Array(size),
    count: 0,
  };
}

function grow(fields: RecordFields): void {
  const size = fields.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const quoted = new Uint8Array(size);
  starts.set(fields.starts);
  ends.set(fields.ends);
  quoted.set(fields.quoted);
  fields.starts = starts;
  fields.ends = ends;
  fields.quoted = quoted;
}

/**
 * Finds the fields of the record that starts at `at` (RFC 4180: quoted fields may hold
 * delimiters, `""` and line breaks; records end at LF, CRLF or a lone CR).
 *
 * @param bytes - the buffer
 * @param at - where the record starts
 * @param end - end of the valid bytes
 * @param delimiter - the field delimiter's byte
 * @param final - whether `end` is the end of the file (a record may end there)
 * @param fields - filled with the boundaries
 * @returns the offset after the record's line break, or -1 when the record runs past `end`
 * @throws {@link CsvFallback} where the bytes leave that grammar
 */
export function scanRecord(
  bytes: Uint8Array,
  at: number,
  end: number,
  delimiter: number,
  final: boolean,
  fields: RecordFields,
): number {
  let p = at;
  let k = 0;
  for (;;) {
    if (k === fields.starts.length) grow(fields);
    let stop: number;
    if (p < end && bytes[p] === QUOTE) {
      const open = p + 1;
      let q = open;
      for (;;) {
        while (q < end && bytes[q] !== QUOTE) q++;
        if (q >= end) return -1;
        if (q + 1 < end && bytes[q + 1] === QUOTE) q += 2;
        else break;
      }
      if (q + 1 >= end && !final) return -1;
      fields.starts[k] = open;
      fields.ends[k] = q;
      fields.quoted[k] = 1;
      stop = q + 1;
      const next = stop < end ? bytes[stop]! : -1;
      if (next !== delimiter && next !== LF && next !== CR && next !== -1) throw new CsvFallback();
    } else {
      let q = p;
      let b = -1;
      while (q < end) {
        b = bytes[q]!;
        if (b === delimiter || b === LF || b === CR || b === QUOTE) break;
        q++;
      }
      if (q >= end) {
        if (!final) return -1;
        b = -1;
      }
      if (b === QUOTE) throw new CsvFallback();
      fields.starts[k] = p;
      fields.ends[k] = q;
      fields.quoted[k] = 0;
      stop = q;
    }
    k++;
    if (stop >= end) {
      fields.count = k;
      return end;
    }
    const b = bytes[stop]!;
    if (b === delimiter) {
      p = stop + 1;
      continue;
    }
    fields.count = k;
    if (b === LF) return stop + 1;
    // CR: CRLF, or a lone CR, which ends a record too (as pandas reads old Mac and mixed
    // line ends); the byte after it decides which
    if (stop + 1 >= end) return final ? end : -1;
    return bytes[stop + 1] === LF ? stop + 2 : stop + 1;
  }
}

/**
 * The text of field `k` as csv-parse gives it: quoted fields unwrapped with `""` as `"`.
 *
 * @param bytes - the buffer (a Node Buffer, for its UTF-8 decoder)
 * @param fields - the record's boundaries
 * @param k - the field
 * @returns the field's text
 */
export function fieldText(bytes: Buffer, fields: RecordFields, k: number): string {
  const text = bytes.toString('utf8', fields.starts[k]!, fields.ends[k]!);
  return fields.quoted[k] === 1 && text.includes('"') ? text.replaceAll('""', '"') : text;
}

let failed = false;

/**
 * Parses a plain decimal number (`-12`, `0.25`, `1e-3`: at most 15 significant digits
 * and a power of ten within ±22) straight from bytes. Such a number and its power of ten
 * are exact doubles, so one multiplication or division rounds correctly and the result
 * equals `Number(text)` (Clinger's fast path); anything else reports failure, for the
 * caller to parse the text.
 *
 * @param bytes - the buffer
 * @param start - first byte of the field
 * @param end - one past its last byte
 * @returns the number; check {@link lastParseFailed} after each call
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  failed = true;
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) break;
    digits++;
    if (mantissa !== 0 || d !== 0) significant++;
    mantissa = mantissa * 10 + d;
  }
  if (i < end && bytes[i] === 0x2e) {
    for (i++; i < end; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      digits++;
      scale--;
      if (mantissa !== 0 || d !== 0) significant++;
      mantissa = mantissa * 10 + d;
    }
  }
  if (digits === 0 || significant > 15) return 0;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    let sign = 1;
    c = bytes[i];
    if (c === 0x2d || c === 0x2b) {
      sign = c === 0x2d ? -1 : 1;
      i++;
    }
    let exponent = 0;
    const from = i;
    for (; i < end && i - from < 5; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      exponent = exponent * 10 + d;
    }
    if (i === from) return 0;
    scale += sign * exponent;
  }
  if (i !== end) return 0;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (scale >= 0 && scale <= 22) value = mantissa * POWERS[scale]!;
  else if (scale < 0 && scale >= -22) value = mantissa / POWERS[-scale]!;
  else return 0;
  failed = false;
  return negative ? -value : value;
}

/** Whether the last {@link parseDecimal} call could not parse its field. */
export function lastParseFailed(): boolean {
  return failed;
}
