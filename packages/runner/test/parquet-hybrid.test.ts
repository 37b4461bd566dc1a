import fc from 'fast-check';
import { ByteWriter } from 'hyparquet-writer';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { describe, expect, test } from 'vitest';
import { ParquetFastPathMiss } from '../src/io/parquet-fast-path-miss.js';
import { decodeHybrid } from '../src/io/parquet-hybrid.js';

function encode(values: readonly number[], width: number): Uint8Array {
  const writer = new ByteWriter();
  writeRleBitPackedHybrid(writer, Int32Array.from(values), width);
  return new Uint8Array(writer.getBuffer());
}

describe('decodeHybrid', () => {
  test('decodes what hyparquet-writer encodes, every width from 0 to 24, runs and packed groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 }),
        fc.array(fc.record({ value: fc.nat(), times: fc.integer({ min: 1, max: 20 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.nat(5),
        (width, runs, at) => {
          const limit = width === 0 ? 1 : 2 ** width;
          const values = runs.flatMap(({ value, times }) =>
            new Array<number>(times).fill(value % limit),
          );
          const bytes = encode(values, width);
          const out = new Int32Array(at + values.length).fill(-7);
          decodeHybrid(bytes, 0, bytes.length, width, out, at, values.length);
          expect(Array.from(out.subarray(at))).toEqual(values);
          expect(Array.from(out.subarray(0, at))).toEqual(new Array(at).fill(-7));
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  test('refuses runs that end before the values do and widths above 24 bits', () => {
    const bytes = encode([1, 2, 3, 1, 2, 3, 1, 2], 2);
    expect(() => decodeHybrid(bytes, 0, bytes.length, 2, new Int32Array(20), 0, 20)).toThrow(
      ParquetFastPathMiss,
    );
    expect(() => decodeHybrid(bytes, 0, bytes.length, 25, new Int32Array(8), 0, 8)).toThrow(
      ParquetFastPathMiss,
    );
  });
});
