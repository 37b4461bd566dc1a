import { isPyWhitespace } from '../python-compat/python-strings.js';
import { TokenIds } from '../tokenizers/token-ids.js';

/*
 * Dense integer ids for the n-grams of one segment (a hypothesis and its references), so that
 * BLEU and chrF count n-grams in typed arrays instead of Maps keyed by joined strings.
 *
 * Units (words or code points) get dense ids 0..V-1 in order of first appearance. The id of an
 * n-gram of order k is derived from the id p of its first k-1 units and its last unit u through
 * the key p·V + u, which is injective, so two n-grams of the segment get the same id exactly when
 * they are equal, whatever their order of appearance. Keys are looked up in a direct-address
 * table (reset by an epoch stamp, not by clearing) while p·V fits in it, in a Map beyond.
 * Sequences are stored back to back; the ids of order k overwrite those of order k-1 in place
 * (position i only needs its own previous id).
 */

/** Keys below this use the direct-address table (1 MiB). */
const KEY_TABLE_SIZE = 1 << 17;
const MAX_EPOCH = 0x7fffffff;

function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * One thread's scratch for the n-grams of one segment; reused segment after segment. Call
 * {@link begin}, add the sequences (words or code points), then {@link nextOrder} once per order.
 *
 * @example
 * const g = new SegmentNgrams();
 * g.begin(); g.addCharacters('abab', false); g.nextOrder(); g.nextOrder();
 * [g.count(0), g.distinct]; // [3, 2] (bigrams ab, ba, ab: two distinct)
 */
export class SegmentNgrams {
  /** Unit ids of all sequences, back to back. */
  private units = new Int32Array(1024);
  /** Per position, the id of the n-gram of the current order that starts there. */
  ids = new Int32Array(1024);
  private bounds = new Int32Array(8);
  private sequenceCount = 0;
  private length = 0;
  private vocabulary = 0;
  /** The current n-gram order (0 before the first {@link nextOrder}). */
  order = 0;
  /** The number of distinct n-grams of the current order; every id is below it. */
  distinct = 0;

  private readonly tokenIds = new TokenIds();
  /** Per BMP code unit, its epoch stamp and its id side by side; allocated on first use. */
  private bmpTable = new Int32Array(0);
  private readonly astralIds = new Map<number, number>();
  private unitEpoch = 0;

  /** Per key, its epoch stamp and its id side by side (one cache line per look-up); grown on demand. */
  private keyTable = new Int32Array(2 * 1024);
  private readonly keyIds = new Map<number | string, number>();
  private keyEpoch = 0;
  private countsA = new Int32Array(1024);
  private countsB = new Int32Array(1024);

  /** Starts a new segment: no sequence, no unit. */
  begin(): void {
    this.sequenceCount = 0;
    this.length = 0;
    this.vocabulary = 0;
    this.order = 0;
    this.distinct = 0;
    this.tokenIds.reset();
    // Map#clear allocates a new table even when the map is empty
    if (this.astralIds.size > 0) this.astralIds.clear();
    if (this.unitEpoch === MAX_EPOCH) {
      this.bmpTable.fill(0);
      this.unitEpoch = 0;
    }
    this.unitEpoch++;
  }

  private push(id: number): void {
    if (this.length === this.units.length) this.units = grown(this.units, this.length + 1);
    this.units[this.length++] = id;
  }

  /** Appends a word to the current sequence (a segment holds words or code points, not both). */
  addToken(token: string): void {
    this.push(this.tokenIds.idOfString(token));
    this.vocabulary = this.tokenIds.size;
  }

  /** Appends the word `source[start..end)` to the current sequence. */
  addTokenUnits(source: Uint16Array, start: number, end: number): void {
    this.push(this.tokenIds.idOfUnits(source, start, end));
    this.vocabulary = this.tokenIds.size;
  }

  /**
   * Appends the code points of `line` as one sequence (and closes it), without Python whitespace
   * unless `keepWhitespace`: sacrebleu's `''.join(line.split())` before its character n-grams. A
   * high surrogate followed by a low one (once whitespace is removed) is one code point, as a
   * JavaScript string pairs them; a lone surrogate is a code point of its own.
   */
  addCharacters(line: string, keepWhitespace: boolean): void {
    if (this.bmpTable.length === 0) this.bmpTable = new Int32Array(2 * 0x10000);
    this.units = grown(this.units, this.length + line.length);
    const units = this.units;
    let n = this.length;
    let high = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (!keepWhitespace && isPyWhitespace(c)) continue;
      if (high >= 0) {
        if (c >= 0xdc00 && c <= 0xdfff) {
          units[n++] = this.astralId(((high - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
          high = -1;
          continue;
        }
        units[n++] = this.bmpId(high);
        high = -1;
      }
      if (c >= 0xd800 && c <= 0xdbff) high = c;
      else units[n++] = this.bmpId(c);
    }
    if (high >= 0) units[n++] = this.bmpId(high);
    this.length = n;
    this.endSequence();
  }

  /** The id of a UTF-16 unit taken as a code point (a lone surrogate included). */
  private bmpId(unit: number): number {
    const table = this.bmpTable;
    const at = 2 * unit;
    if (table[at] === this.unitEpoch) return table[at + 1]!;
    table[at] = this.unitEpoch;
    table[at + 1] = this.vocabulary;
    return this.vocabulary++;
  }

  private astralId(codePoint: number): number {
    let id = this.astralIds.get(codePoint);
    if (id === undefined) {
      id = this.vocabulary++;
      this.astralIds.set(codePoint, id);
    }
    return id;
  }

  /** Closes the current sequence; sequences are numbered from 0 in the order they were added. */
  endSequence(): void {
    if (this.sequenceCount + 2 > this.bounds.length) {
      this.bounds = grown(this.bounds, this.sequenceCount + 2);
    }
    this.bounds[++this.sequenceCount] = this.length;
  }

  /** First position of sequence `s` holding an n-gram of the current order. */
  start(s: number): number {
    return this.bounds[s]!;
  }

  /** One past the last position of sequence `s` holding an n-gram of the current order (≤ start when none). */
  end(s: number): number {
    return this.bounds[s + 1]! - this.order + 1;
  }

  /** The number of n-grams of the current order in sequence `s`. */
  count(s: number): number {
    return Math.max(this.end(s) - this.start(s), 0);
  }

  /** Moves to the next order (1 on the first call) and assigns its n-gram ids. */
  nextOrder(): void {
    if (this.ids.length < this.length) this.ids = new Int32Array(this.units.length);
    if (this.order === 0) {
      this.ids.set(this.units.subarray(0, this.length));
      this.order = 1;
      this.distinct = this.vocabulary;
      return;
    }
    this.order++;
    const radix = this.vocabulary;
    const keyLimit = this.distinct * radix;
    let distinct = 0;
    if (keyLimit <= KEY_TABLE_SIZE) {
      if (this.keyTable.length < 2 * keyLimit) {
        // a fresh table is all zeros, below every epoch, so nothing needs copying
        let size = this.keyTable.length;
        while (size < 2 * keyLimit) size *= 2;
        this.keyTable = new Int32Array(size);
      }
      if (this.keyEpoch === MAX_EPOCH) {
        this.keyTable.fill(0);
        this.keyEpoch = 0;
      }
      const epoch = ++this.keyEpoch;
      const { ids, units, keyTable } = this;
      const shift = this.order - 1;
      for (let s = 0; s < this.sequenceCount; s++) {
        const last = this.end(s);
        for (let i = this.start(s); i < last; i++) {
          const at = 2 * (ids[i]! * radix + units[i + shift]!);
          if (keyTable[at] === epoch) ids[i] = keyTable[at + 1]!;
          else {
            keyTable[at] = epoch;
            keyTable[at + 1] = distinct;
            ids[i] = distinct++;
          }
        }
      }
    } else {
      distinct = this.assignWithMap(radix, keyLimit <= Number.MAX_SAFE_INTEGER);
    }
    this.distinct = distinct;
  }

  /** {@link nextOrder} for keys beyond the table: numeric keys while exact, strings beyond. */
  private assignWithMap(radix: number, numeric: boolean): number {
    const { ids, units, keyIds } = this;
    if (keyIds.size > 0) keyIds.clear();
    for (let s = 0; s < this.sequenceCount; s++) {
      const last = this.end(s);
      for (let i = this.start(s); i < last; i++) {
        const unit = units[i + this.order - 1]!;
        const key = numeric ? ids[i]! * radix + unit : `${ids[i]},${unit}`;
        let id = keyIds.get(key);
        if (id === undefined) {
          id = keyIds.size;
          keyIds.set(key, id);
        }
        ids[i] = id;
      }
    }
    return keyIds.size;
  }

  /** Adds the n-grams of sequence `s` to `counts` (indexed by id). */
  tally(s: number, counts: Int32Array): void {
    const last = this.end(s);
    for (let i = this.start(s); i < last; i++) counts[this.ids[i]!]!++;
  }

  /** Raises `maxima` to the counts of sequence `s`, using the all-zero `scratch` (left all zero). */
  raiseTo(s: number, maxima: Int32Array, scratch: Int32Array): void {
    this.tally(s, scratch);
    const last = this.end(s);
    for (let i = this.start(s); i < last; i++) {
      const id = this.ids[i]!;
      if (scratch[id]! > maxima[id]!) maxima[id] = scratch[id]!;
      scratch[id] = 0;
    }
  }

  /**
   * Clipped matches of sequence `s` against `available` (counts by id): Σ over n-grams of
   * min(count in `s`, available count). Consumes `available`.
   */
  consumeMatches(s: number, available: Int32Array): number {
    let matches = 0;
    const last = this.end(s);
    for (let i = this.start(s); i < last; i++) {
      const id = this.ids[i]!;
      if (available[id]! > 0) {
        available[id]!--;
        matches++;
      }
    }
    return matches;
  }

  /** Zeroes the entries of `counts` at the ids of sequence `s`. */
  clear(s: number, counts: Int32Array): void {
    const last = this.end(s);
    for (let i = this.start(s); i < last; i++) counts[this.ids[i]!] = 0;
  }

  /**
   * An all-zero Int32Array that holds every id of the current order; callers leave it all zero
   * (with {@link clear}) when done. `which` picks one of two.
   */
  counts(which: 0 | 1): Int32Array {
    const size = Math.max(this.distinct, 1);
    if (which === 0) {
      if (this.countsA.length < size) this.countsA = new Int32Array(size * 2);
      return this.countsA;
    }
    if (this.countsB.length < size) this.countsB = new Int32Array(size * 2);
    return this.countsB;
  }
}
