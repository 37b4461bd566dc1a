/*
 * Dense ids for the distinct tokens of one segment, read straight from a UTF-16 buffer (or a
 * string) without creating a string per token: an open-addressing hash table over the token's
 * code units, every candidate verified unit by unit, so equal ids mean equal tokens. A Map keyed
 * by freshly sliced strings costs about five times as much (the slices must be allocated, hashed
 * and compared). Reset per segment by clearing only the slots used.
 */

function grownUnits(array: Uint16Array<ArrayBuffer>, needed: number): Uint16Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Uint16Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

function grownInts(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/** FNV-1a over the code units `units[start..end)`, finished by a multiply-xorshift mix. */
function hashUnits(units: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/**
 * The tokens of one segment and their ids 0..size-1 in order of first appearance; one per
 * thread, reused segment after segment ({@link reset} between segments).
 *
 * @example
 * const ids = new TokenIds();
 * [ids.idOfString('a'), ids.idOfString('b'), ids.idOfString('a')]; // [0, 1, 0]
 * ids.size; // 2
 */
export class TokenIds {
  /** Slot -> id + 1 (0: empty). */
  private slots = new Int32Array(256);
  private usedSlots = new Int32Array(128);
  private hashes = new Int32Array(128);
  private starts = new Int32Array(129);
  /** The units of every distinct token, back to back. */
  private units = new Uint16Array(1024);
  private stringUnits = new Uint16Array(64);
  /** The number of distinct tokens so far; ids are 0..size-1. */
  size = 0;

  /** Forgets every token. */
  reset(): void {
    for (let id = 0; id < this.size; id++) this.slots[this.usedSlots[id]!] = 0;
    this.size = 0;
  }

  /** The id of the token `source[start..end)` (a new id when unseen). */
  idOfUnits(source: Uint16Array, start: number, end: number): number {
    const hash = hashUnits(source, start, end);
    const length = end - start;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.equals(id, source, start, length)) return id;
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, hash, source, start, length);
  }

  /** The id of the token `text` (a new id when unseen). */
  idOfString(text: string): number {
    this.stringUnits = grownUnits(this.stringUnits, text.length);
    for (let i = 0; i < text.length; i++) this.stringUnits[i] = text.charCodeAt(i);
    return this.idOfUnits(this.stringUnits, 0, text.length);
  }

  private equals(id: number, source: Uint16Array, start: number, length: number): boolean {
    const at = this.starts[id]!;
    if (this.starts[id + 1]! - at !== length) return false;
    for (let k = 0; k < length; k++) if (this.units[at + k] !== source[start + k]) return false;
    return true;
  }

  private insert(
    slot: number,
    hash: number,
    source: Uint16Array,
    start: number,
    length: number,
  ): number {
    const id = this.size++;
    this.hashes = grownInts(this.hashes, this.size);
    this.usedSlots = grownInts(this.usedSlots, this.size);
    this.starts = grownInts(this.starts, this.size + 1);
    const at = this.starts[id]!;
    this.units = grownUnits(this.units, at + length);
    this.units.set(source.subarray(start, start + length), at);
    this.starts[id + 1] = at + length;
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    this.usedSlots[id] = slot;
    // keep the table at most half full
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
      this.usedSlots[id] = slot;
    }
  }
}
