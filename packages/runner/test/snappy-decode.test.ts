import fc from 'fast-check';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { describe, expect, test } from 'vitest';
import { ParquetFastPathMiss } from '../src/io/parquet-fast-path-miss.js';
import { snappyDecode } from '../src/io/snappy-decode.js';

/** Bytes with runs and repeated stretches, so that the compressor emits copies of every size. */
const compressible = fc
  .array(
    fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 90 }),
      fc.record({
        byte: fc.integer({ min: 0, max: 255 }),
        times: fc.integer({ min: 1, max: 300 }),
      }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => {
    const chunks = parts.map((p) =>
      p instanceof Uint8Array ? p : new Uint8Array(p.times).fill(p.byte),
    );
    // repeat the whole thing once more, so that long back-references appear
    const once = Uint8Array.from(chunks.flatMap((c) => Array.from(c)));
    const twice = new Uint8Array(once.length * 2);
    twice.set(once);
    twice.set(once, once.length);
    return twice;
  });

describe('snappyDecode', () => {
  test('gives back what hyparquet-writer compressed', () => {
    fc.assert(
      fc.property(compressible, (data) => {
        const out = new Uint8Array(data.length);
        snappyDecode(snappyCompress(data), out);
        expect(out).toEqual(data);
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  test('reads copies with a 4-byte offset and literals with a length byte', () => {
    const literal = Uint8Array.from({ length: 70 }, (_, i) => i);
    // length 76; literal of 70 (tag 60 << 2, then 69); copy of 6 bytes, offset 2, 4-byte form
    const block = Uint8Array.from([76, 60 << 2, 69, ...literal, ((6 - 1) << 2) | 3, 2, 0, 0, 0]);
    const out = new Uint8Array(76);
    snappyDecode(block, out);
    expect(Array.from(out)).toEqual([...literal, 68, 69, 68, 69, 68, 69]);
  });

  test('refuses a block whose length differs from the page or whose copy reaches before it', () => {
    const block = snappyCompress(new Uint8Array(100).fill(7));
    expect(() => snappyDecode(block, new Uint8Array(99))).toThrow(ParquetFastPathMiss);
    // length 4; literal "a"; copy of 4 bytes from offset 2 (only 1 byte written so far)
    const bad = Uint8Array.from([5, 0, 97, ((4 - 4) << 2) | 1, 2]);
    expect(() => snappyDecode(bad, new Uint8Array(5))).toThrow(ParquetFastPathMiss);
  });
});
