import type { LoadRecord, TokenSource } from '../metrics/load-record.js';

/** Records per chunk once a store has grown past its first chunk (a power of two: `i >>> SHIFT`). */
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
/** Capacity of a new store's first chunk; it doubles up to {@link CHUNK}. */
const FIRST_CAPACITY = 64;

/** Float64 fields per record, in this order; `null` is stored as NaN. */
const NUMBERS = 8;
const SCHEDULED = 0;
const SENT = 1;
const FIRST_TOKEN = 2;
const FIRST_CONTENT = 3;
const LAST_TOKEN = 4;
const END = 5;
const INPUT = 6;
const OUTPUT = 7;

/** Int32 fields per record: step, index, status (`null` as {@link NO_STATUS}), item (absent as {@link NO_ITEM}). */
const INTS = 4;
const NO_STATUS = -0x80000000;
const NO_ITEM = -0x80000000;

/** Flag bits: warm-up, and `correct` as known / true. */
const WARMUP = 1;
const JUDGED = 2;
const CORRECT = 4;

/**
 * Records from a {@link RecordStore}, walked in push order as often as needed, with their count.
 *
 * @example
 * ```ts
 * const steps = store.range(0, 100);
 * steps.length; // at most 100
 * ```
 */
export interface RecordRange extends Iterable<LoadRecord> {
  /** The number of records the range walks. */
  readonly length: number;
}

/** One block of records, column by column (see {@link RecordStore}). */
interface Chunk {
  count: number;
  capacity: number;
  numbers: Float64Array;
  ints: Int32Array;
  flags: Uint8Array;
  /** Per record: error class and token source, as 1 + their index in the store's dictionary; 0 is null. */
  codes: Uint16Array;
  /** Record k's gaps are `itl[itlAt[k] .. itlAt[k + 1])`. */
  itlAt: Uint32Array;
  itl: Float64Array;
  /** `--score` metrics, only once a record of the chunk has some. */
  scores: (Readonly<Record<string, number>> | null)[] | undefined;
}

function newChunk(capacity: number, itl: Float64Array = new Float64Array(capacity)): Chunk {
  return {
    count: 0,
    capacity,
    numbers: new Float64Array(capacity * NUMBERS),
    ints: new Int32Array(capacity * INTS),
    flags: new Uint8Array(capacity),
    codes: new Uint16Array(capacity * 2),
    itlAt: new Uint32Array(capacity + 1),
    itl,
    scores: undefined,
  };
}

/** The chunk's columns copied into a chunk twice as large (only a store's first chunk grows). */
function grown(c: Chunk): Chunk {
  // the gap pool is kept as it is: it grows on its own when full
  const g = newChunk(c.capacity * 2, c.itl);
  g.count = c.count;
  g.numbers.set(c.numbers);
  g.ints.set(c.ints);
  g.flags.set(c.flags);
  g.codes.set(c.codes);
  g.itlAt.set(c.itlAt);
  g.scores = c.scores;
  return g;
}

const orNaN = (x: number | null): number => (x === null ? Number.NaN : x);
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * A load test's records, held column by column in typed arrays rather than as one object each,
 * so that a long run keeps about a third of the memory: about 97 bytes a record (room for one
 * inter-token gap included) and 8 per further gap, against about 338 bytes for a record object
 * with three gaps (118 here).
 *
 * @remarks
 * Numbers are kept exactly (`Float64Array`, `null` as NaN; step, index, HTTP status and item as
 * 32-bit integers, which they are), so a record read back equals the one pushed and figures
 * computed from the store equal those computed from the objects or from `--records`. Error
 * classes and token sources are kept once each in a dictionary; `--score` metrics stay objects
 * (only runs with `--score` have them), kept and returned as they are, not copied. Records
 * live in chunks of 4,096 (a new store starts with room for 64 and doubles), so past its
 * first chunk the store copies only a chunk's gap pool, which doubles when full. Reading ({@link RecordStore.at}, iteration, {@link RecordStore.range})
 * builds a fresh {@link LoadRecord} per record: short-lived objects that the young generation
 * collects cheaply.
 *
 * @example
 * ```ts
 * const store = new RecordStore();
 * store.push(record);
 * store.length; // 1
 * store.at(0); // { index: 0, … } (a copy of record)
 * summarizeRecords(store).requests.completed; // 1 (it takes any Iterable<LoadRecord>)
 * ```
 */
export class RecordStore implements Iterable<LoadRecord> {
  readonly #chunks: Chunk[] = [];
  readonly #words: string[] = [];
  readonly #codeOf = new Map<string, number>();
  #length = 0;

  /** @returns how many records it holds */
  get length(): number {
    return this.#length;
  }

  /** @returns the bytes its columns take (typed arrays, allocated capacity included; `--score` objects not counted) */
  get byteLength(): number {
    let bytes = 0;
    for (const c of this.#chunks) {
      bytes += c.numbers.byteLength + c.ints.byteLength + c.flags.byteLength;
      bytes += c.codes.byteLength + c.itlAt.byteLength + c.itl.byteLength;
    }
    return bytes;
  }

  #code(word: string | null): number {
    if (word === null) return 0;
    let code = this.#codeOf.get(word);
    if (code === undefined) {
      // codes are 16-bit; a run has a handful of error classes and token sources
      if (this.#words.length === 0xffff)
        throw new RangeError(
          'A record store holds at most 65,535 distinct error classes and token sources.',
        );
      this.#words.push(word);
      code = this.#words.length;
      this.#codeOf.set(word, code);
    }
    return code;
  }

  /** The chunk with room for one more record. */
  #room(): Chunk {
    let last = this.#chunks[this.#chunks.length - 1];
    if (last === undefined) {
      last = newChunk(FIRST_CAPACITY);
      this.#chunks.push(last);
    } else if (last.count === last.capacity) {
      if (last.capacity < CHUNK) {
        last = grown(last);
        this.#chunks[this.#chunks.length - 1] = last;
      } else {
        last = newChunk(CHUNK);
        this.#chunks.push(last);
      }
    }
    return last;
  }

  /**
   * Appends a copy of a record (its `scores` object itself, not a copy of it).
   *
   * @param r - the record (its `step`, `index`, `status` and `item` are 32-bit integers)
   */
  push(r: LoadRecord): void {
    const c = this.#room();
    const k = c.count;
    const n = c.numbers;
    const at = k * NUMBERS;
    n[at + SCHEDULED] = r.scheduledMs;
    n[at + SENT] = orNaN(r.sentMs);
    n[at + FIRST_TOKEN] = orNaN(r.firstTokenMs);
    n[at + FIRST_CONTENT] = orNaN(r.firstContentMs);
    n[at + LAST_TOKEN] = orNaN(r.lastTokenMs);
    n[at + END] = r.endMs;
    n[at + INPUT] = orNaN(r.inputTokens ?? null);
    n[at + OUTPUT] = orNaN(r.outputTokens ?? null);
    c.ints[k * INTS] = r.step;
    c.ints[k * INTS + 1] = r.index;
    c.ints[k * INTS + 2] = r.status ?? NO_STATUS;
    c.ints[k * INTS + 3] = r.item ?? NO_ITEM;
    c.flags[k] =
      (r.warmup ? WARMUP : 0) |
      (r.correct === null || r.correct === undefined ? 0 : JUDGED | (r.correct ? CORRECT : 0));
    c.codes[k * 2] = this.#code(r.errorClass ?? null);
    c.codes[k * 2 + 1] = this.#code(r.tokenSource ?? null);
    const from = c.itlAt[k]!;
    const to = from + r.itlMs.length;
    if (to > c.itl.length) {
      const itl = new Float64Array(Math.max(to, c.itl.length * 2));
      itl.set(c.itl.subarray(0, from));
      c.itl = itl;
    }
    for (let g = 0; g < r.itlMs.length; g++) c.itl[from + g] = r.itlMs[g]!;
    c.itlAt[k + 1] = to;
    const scores = r.scores ?? null;
    if (scores !== null || c.scores !== undefined) {
      c.scores ??= new Array<null>(k).fill(null);
      c.scores.push(scores);
    }
    c.count++;
    this.#length++;
  }

  /**
   * @param i - a record's position, 0 to `length - 1`
   * @returns a new object equal to the record pushed at that position
   * @throws RangeError when `i` is not a position of the store
   */
  at(i: number): LoadRecord {
    if (!Number.isInteger(i) || i < 0 || i >= this.#length) {
      throw new RangeError(
        `Record ${i} is not in the store; valid positions are 0 to ${this.#length - 1}.`,
      );
    }
    // every chunk but the last is full, and only a lone first chunk is smaller than CHUNK
    return this.#read(this.#chunks[i >>> SHIFT]!, i & (CHUNK - 1));
  }

  #read(c: Chunk, k: number): LoadRecord {
    const n = c.numbers;
    const at = k * NUMBERS;
    const flags = c.flags[k]!;
    const status = c.ints[k * INTS + 2]!;
    const error = c.codes[k * 2]!;
    const source = c.codes[k * 2 + 1]!;
    const item = c.ints[k * INTS + 3]!;
    const record: LoadRecord = {
      step: c.ints[k * INTS]!,
      index: c.ints[k * INTS + 1]!,
      // a record pushed without an item reads back without one (an older file's records)
      ...(item === NO_ITEM ? {} : { item }),
      warmup: (flags & WARMUP) !== 0,
      scheduledMs: n[at + SCHEDULED]!,
      sentMs: orNull(n[at + SENT]!),
      firstTokenMs: orNull(n[at + FIRST_TOKEN]!),
      firstContentMs: orNull(n[at + FIRST_CONTENT]!),
      lastTokenMs: orNull(n[at + LAST_TOKEN]!),
      endMs: n[at + END]!,
      inputTokens: orNull(n[at + INPUT]!),
      outputTokens: orNull(n[at + OUTPUT]!),
      tokenSource: source === 0 ? null : (this.#words[source - 1] as TokenSource),
      status: status === NO_STATUS ? null : status,
      errorClass: error === 0 ? null : this.#words[error - 1]!,
      itlMs: Array.from(c.itl.subarray(c.itlAt[k]!, c.itlAt[k + 1]!)),
      correct: (flags & JUDGED) === 0 ? null : (flags & CORRECT) !== 0,
      scores: c.scores?.[k] ?? null,
    };
    return record;
  }

  /**
   * The records from position `from` to `to` (exclusive), as an iterable that can be walked
   * again; records pushed later are not in it.
   *
   * @param from - first position (default 0)
   * @param to - end position (default: the current length; a larger one stops there)
   * @returns the records, in push order (none when `to <= from`), with their `length`
   * @throws RangeError when `from` or `to` is not a whole number at least 0
   * @example
   * ```ts
   * const before = store.length;
   * // ... a step pushes its records ...
   * summarizeRecords(store.range(before));
   * ```
   */
  range(from = 0, to = this.#length): RecordRange {
    for (const [name, x] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!Number.isInteger(x) || x < 0)
        throw new RangeError(
          `A record range's ${name} is ${x}; expected a whole number at least 0.`,
        );
    }
    const end = Math.min(to, this.#length);
    const chunks = this.#chunks;
    const read = (c: Chunk, k: number): LoadRecord => this.#read(c, k);
    return {
      length: Math.max(0, end - from),
      *[Symbol.iterator]() {
        let base = 0;
        for (const c of chunks) {
          const lo = Math.max(from - base, 0);
          const hi = Math.min(end - base, c.count);
          for (let k = lo; k < hi; k++) yield read(c, k);
          base += c.count;
          if (base >= end) return;
        }
      },
    };
  }

  /** @returns every record, in push order */
  [Symbol.iterator](): Iterator<LoadRecord> {
    return this.range()[Symbol.iterator]();
  }
}
