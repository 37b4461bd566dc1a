import type { Label } from '@assay/core-metrics';
import { RunnerError } from '../errors.js';
import { finishLabels } from './finish-labels.js';
import type { ColumnKind, LoadedColumn } from './loaded-column.js';
import { isBigIntegerText, MISSING_MARKERS, parseNumericCell } from './numeric-cell.js';
import { sharedFloat64, sharedInt32, toSharedFloat64, toSharedInt32 } from './shared-arrays.js';

const SMALL_INT_LIMIT = 1 << 16;

/** The missing values a CSV number column accepts (those `parseNumericCell` reads as NaN). */
const CSV_MISSING = ` (or, for a missing value, an empty cell or one of pandas' markers: ${[
  ...MISSING_MARKERS,
]
  .filter((marker) => marker !== '')
  .join(', ')})`;
/** The missing values a JSON Lines number column accepts. */
const JSON_MISSING = ' (or, for a missing value, null, a bare NaN or no key)';

/**
 * A filled part of a shared array as the column: the array itself when full, a view when
 * at most a quarter of it is unused (a reader's row estimate was a little high), else a copy.
 */
function trimmed<T extends Float64Array | Int32Array>(
  values: T,
  length: number,
  copy: (v: T, n: number) => T,
): T {
  if (length === values.length) return values;
  if (values.buffer instanceof SharedArrayBuffer && values.length - length <= values.length / 4) {
    return values.subarray(0, length) as T;
  }
  return copy(values, length);
}

/** Grows a Float64 column in shared memory while a file streams in. */
export class NumberColumnBuilder {
  private values: Float64Array;
  length = 0;

  /**
   * @param capacity - values to hold before growing
   * @param storage - where to write instead (a view of a shared column at a reader's row
   *   offset); the caller never pushes more than its length
   */
  constructor(capacity = 1024, storage?: Float64Array) {
    this.values = storage ?? sharedFloat64(Math.max(capacity, 16));
  }

  push(value: number): void {
    if (this.length === this.values.length) this.reserve(this.values.length * 2);
    this.values[this.length++] = value;
  }

  /**
   * Makes room for `capacity` values in all (a reader's estimate of the row count), so
   * that the column is not grown and copied again and again.
   *
   * @param capacity - values to hold
   */
  reserve(capacity: number): void {
    if (capacity <= this.values.length) return;
    const next = sharedFloat64(capacity);
    next.set(this.values.subarray(0, this.length));
    this.values = next;
  }

  /**
   * The whole backing array (its length is the capacity): a byte scanner writes rows past
   * {@link length} straight into it and then sets `length`; valid until the next growth.
   */
  room(): Float64Array {
    return this.values;
  }

  /** The values pushed so far (a view, not a copy). */
  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }

  finish(name: string): LoadedColumn {
    return { kind: 'number', name, values: trimmed(this.values, this.length, toSharedFloat64) };
  }
}

/** Dictionary-encodes labels while a file streams in; finishes into shared memory. */
export class LabelColumnBuilder {
  private codes: Int32Array;
  private readonly small: Int32Array = new Int32Array(SMALL_INT_LIMIT).fill(-1);
  private readonly index = new Map<Label, number>();
  readonly dictionary: Label[] = [];
  length = 0;

  /**
   * @param capacity - codes to hold before growing
   * @param storage - where to write instead (a view of a shared column at a reader's row
   *   offset); the caller never pushes more than its length
   */
  constructor(capacity = 1024, storage?: Int32Array) {
    // shared from the start: with an exact capacity (Arrow, Parquet) finish() copies nothing
    this.codes = storage ?? sharedInt32(Math.max(capacity, 1));
  }

  /** Appends one label; null, undefined and NaN become the missing code -1. */
  push(value: Label | null | undefined): void {
    if (this.length === this.codes.length) this.reserve(this.codes.length * 2);
    this.codes[this.length++] = this.code(value);
  }

  /**
   * Makes room for `capacity` codes in all (a reader's estimate of the row count).
   *
   * @param capacity - codes to hold
   */
  reserve(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const next = sharedInt32(capacity);
    next.set(this.codes.subarray(0, this.length));
    this.codes = next;
  }

  /**
   * The whole backing array of codes (its length is the capacity): a byte scanner writes
   * codes from {@link codeOf} past {@link length} straight into it and then sets `length`;
   * valid until the next growth.
   */
  room(): Int32Array {
    return this.codes;
  }

  /**
   * Appends a run of integer labels (a decoded Parquet or Arrow chunk): the
   * same codes as pushing each value, without the per-value type checks for
   * small non-negative integers.
   *
   * @param values - integer labels
   */
  pushIntegers(
    values: Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array,
  ): void {
    while (this.length + values.length > this.codes.length) {
      const next = sharedInt32(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    const codes = this.codes;
    const small = this.small;
    let at = this.length;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const c = v >= 0 && v < SMALL_INT_LIMIT ? small[v]! : -1;
      codes[at++] = c >= 0 ? c : this.code(v);
    }
    this.length = at;
  }

  /**
   * The code of a label, adding it to the dictionary when new (what {@link push} stores).
   *
   * @param value - the label; null, undefined and NaN are the missing code -1
   * @returns the code
   */
  codeOf(value: Label | null | undefined): number {
    return this.code(value);
  }

  /**
   * Appends a code returned by {@link codeOf} (a byte scanner's cache of labels it met).
   *
   * @param code - the code
   */
  pushCode(code: number): void {
    if (this.length === this.codes.length) this.reserve(this.codes.length * 2);
    this.codes[this.length++] = code;
  }

  private code(value: Label | null | undefined): number {
    if (value === null || value === undefined) return -1;
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return -1;
      if (value >= 0 && value < SMALL_INT_LIMIT && (value | 0) === value) {
        const c = this.small[value]!;
        if (c >= 0) return c;
        const code = this.add(value);
        this.small[value] = code;
        return code;
      }
    }
    const known = this.index.get(value);
    return known === undefined ? this.add(value) : known;
  }

  private add(value: Label): number {
    const code = this.dictionary.length;
    this.dictionary.push(value);
    this.index.set(value, code);
    return code;
  }

  finish(name: string): LoadedColumn {
    return {
      kind: 'label',
      name,
      codes: trimmed(this.codes, this.length, toSharedInt32),
      dictionary: this.dictionary,
    };
  }
}

/**
 * Builds one requested column from cells that arrive one at a time (CSV text
 * or JSON values), switching an `auto` column from numbers to labels at the
 * first non-numeric cell.
 */
export class CellColumnBuilder {
  private numbers: NumberColumnBuilder | undefined;
  private labels: LabelColumnBuilder | undefined;
  /** Cells came as JSON values, whose numbers and strings are distinct types. */
  private typed = false;
  /**
   * An `auto` column of text cells turned into labels after rows read as numbers: those
   * rows' labels are their numbers, not their text (`1.0` became 1, `NA` missing), so the
   * reader reads the column again as labels ({@link textAfterNumbers}).
   */
  private late = false;

  /**
   * @param name - the column, for error messages
   * @param kind - `number`, `label` or `auto`
   * @param capacity - rows to hold before growing
   * @param storage - views to write into instead of growing arrays (a parallel reader's
   *   row range of the shared columns): `numbers` while numeric, `codes` for labels
   */
  constructor(
    readonly name: string,
    readonly kind: ColumnKind,
    capacity?: number,
    private readonly storage?: {
      numbers?: Float64Array | undefined;
      codes?: Int32Array | undefined;
    },
  ) {
    if (kind === 'label') this.labels = new LabelColumnBuilder(capacity, storage?.codes);
    else this.numbers = new NumberColumnBuilder(capacity, storage?.numbers);
  }

  /** The number builder while the column is numeric, else undefined (a scanner's fast path). */
  numberSink(): NumberColumnBuilder | undefined {
    return this.numbers;
  }

  /**
   * Makes room for `capacity` values (a reader's estimate of the row count).
   *
   * @param capacity - values to hold
   */
  reserve(capacity: number): void {
    (this.numbers ?? this.labels)!.reserve(capacity);
  }

  /**
   * Whether this `auto` column met a text cell after rows it read as numbers (CSV text):
   * those rows lost their text (`1.0` read as 1, `NA` as missing), so a CSV reader reads the
   * file again with the column as `label`, where every cell is the label of its own text.
   */
  get textAfterNumbers(): boolean {
    return this.late;
  }

  /** The label builder once the column holds labels, else undefined (a scanner's fast path). */
  labelSink(): LabelColumnBuilder | undefined {
    return this.labels;
  }

  /**
   * Appends one cell.
   *
   * @param cell - a JSON value or CSV text (`fromText` true)
   * @param fromText - whether numeric-looking strings count as numbers
   * @param where - row description for error messages (e.g. `line 12`)
   */
  push(cell: unknown, fromText: boolean, where: () => string): void {
    if (!fromText) this.typed = true;
    if (typeof cell === 'object' && cell !== null) {
      // a JSON array or object is no label: as its JSON text it became a label of its own
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `Column "${this.name}" has the ${Array.isArray(cell) ? 'array' : 'object'} ${JSON.stringify(cell).slice(0, 80)} at ${where()}; a label or value is a number, a string or a boolean.${textListHint(cell)}`,
        { path: this.name },
      );
    }
    if (this.labels !== undefined) {
      this.labels.push(toLabel(cell, fromText));
      return;
    }
    let value: number | undefined;
    if (cell === null || cell === undefined) value = Number.NaN;
    else if (typeof cell === 'number') value = cell;
    // JSON true/false read as 1/0, as scikit-learn compares them (True == 1)
    else if (typeof cell === 'boolean') value = cell ? 1 : 0;
    else if (typeof cell === 'string') value = fromText ? parseNumericCell(cell) : undefined;
    // integer text beyond 2^53 in an `auto` column is an id, not a quantity: as a double it
    // would equal its neighbours, so the column becomes labels and keeps the text
    if (value !== undefined && this.kind === 'auto' && isBigIntegerText(cell, value)) {
      value = undefined;
    }
    if (value !== undefined) {
      this.numbers!.push(value);
      return;
    }
    if (this.kind === 'number') {
      throw new RunnerError(
        'NON_NUMERIC_VALUE',
        `Column "${this.name}" has the non-numeric value ${JSON.stringify(cell)} at ${where()}; every value must be a number${fromText ? CSV_MISSING : JSON_MISSING}${!fromText && typeof cell === 'string' && !Number.isNaN(parseNumericCell(cell) ?? Number.NaN) ? ': it is a JSON string, write the number without quotes' : ''}.`,
        { path: this.name },
      );
    }
    // auto: the column holds labels after all; re-encode what was read so far (JSON numbers
    // are numbers; CSV rows read as numbers lost their text: the reader reads them again)
    const previous = this.numbers!.view();
    if (fromText && previous.length > 0) this.late = true;
    const labels = new LabelColumnBuilder(previous.length * 2, this.storage?.codes);
    for (let i = 0; i < previous.length; i++) labels.push(previous[i]!);
    this.numbers = undefined;
    this.labels = labels;
    labels.push(toLabel(cell, fromText));
  }

  finish(): LoadedColumn {
    if (this.labels !== undefined) {
      const column = this.labels.finish(this.name);
      return finishLabels(column, { typed: this.typed, csvText: !this.typed });
    }
    return this.numbers!.finish(this.name);
  }
}

/**
 * The hint after refusing a JSON array of strings as a label: that is how a JSONL file holds
 * several references per row, which only generation scoring reads, so the likely mistake is a
 * forgotten `--task generation` (the string case has the same hint in its warning).
 */
function textListHint(cell: object): string {
  const texts =
    Array.isArray(cell) &&
    cell.some((entry) => typeof entry === 'string') &&
    cell.every((entry) => typeof entry === 'string' || entry === null);
  return texts
    ? ' If the columns hold generated text and references (several references per row), pass --task generation.'
    : '';
}

function toLabel(cell: unknown, fromText: boolean): Label | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') {
    if (fromText && cell === '') return null;
    return cell;
  }
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return JSON.stringify(cell);
}
