import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';

/**
 * The Parquet physical types the fast path decodes.
 *
 * @example
 * const type: FastPhysicalType = 'INT32';
 */
export type FastPhysicalType = 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE';

/** Bytes per value of each {@link FastPhysicalType} in PLAIN encoding. */
const PLAIN_WIDTH: Readonly<Record<FastPhysicalType, number>> = {
  INT32: 4,
  INT64: 8,
  FLOAT: 4,
  DOUBLE: 8,
};

/**
 * A view of `count` values of `bytes` from `start` as the type's typed array: in place when
 * the position is aligned, else over an aligned copy in `scratch`.
 */
function alignedView(
  bytes: Uint8Array,
  start: number,
  byteLength: number,
  scratch: { buffer: ArrayBuffer },
): { buffer: ArrayBuffer | SharedArrayBuffer; offset: number } {
  const offset = bytes.byteOffset + start;
  if (offset % 8 === 0) return { buffer: bytes.buffer, offset };
  if (scratch.buffer.byteLength < byteLength) scratch.buffer = new ArrayBuffer(byteLength * 2);
  new Uint8Array(scratch.buffer, 0, byteLength).set(bytes.subarray(start, start + byteLength));
  return { buffer: scratch.buffer, offset: 0 };
}

/**
 * `count` PLAIN INT32 values as an Int32Array: a view of the page when aligned, else of an
 * aligned copy in `scratch` (valid until the next call with the same scratch).
 *
 * @param bytes - the page's bytes
 * @param start - where the values start
 * @param count - values
 * @param scratch - an aligned buffer reused across pages
 * @returns the values
 * @throws {@link ParquetFastPathMiss} when the page holds fewer than `count` values
 * @example
 * int32Values(new Uint8Array([7, 0, 0, 0]), 0, 1, { buffer: new ArrayBuffer(0) }); // [7]
 */
export function int32Values(
  bytes: Uint8Array,
  start: number,
  count: number,
  scratch: { buffer: ArrayBuffer },
): Int32Array {
  if (start + count * 4 > bytes.length)
    throw new ParquetFastPathMiss('PLAIN values past the page end');
  const { buffer, offset } = alignedView(bytes, start, count * 4, scratch);
  return new Int32Array(buffer, offset, count);
}

/**
 * Decodes `count` PLAIN values of a numeric physical type into `out` from index `at` as
 * doubles: INT32, FLOAT and DOUBLE by one `TypedArray.set` over a little-endian view,
 * INT64 as `hi * 2^32 + lo` (exactly `Number(bigint)`: one rounding, beyond 2^53 only).
 *
 * @remarks
 * PLAIN stores fixed-width values back to back, little-endian (Parquet format
 * specification, "Plain (PLAIN = 0)"). Callers check that the platform is little-endian.
 *
 * @param bytes - the page's bytes
 * @param start - where the values start
 * @param count - values to decode
 * @param type - the column's physical type
 * @param out - where the values go
 * @param at - index of the first value in `out`
 * @param scratch - an aligned buffer reused across pages when a view would be unaligned
 * @returns the byte position after the values
 * @throws {@link ParquetFastPathMiss} when the page holds fewer than `count` values
 * @example
 * const out = new Float64Array(2);
 * decodePlain(new Uint8Array([1, 0, 0, 0, 254, 255, 255, 255]), 0, 2, 'INT32', out, 0, { buffer: new ArrayBuffer(0) }); // 8 (bytes read)
 * out; // Float64Array [1, -2]
 */
export function decodePlain(
  bytes: Uint8Array,
  start: number,
  count: number,
  type: FastPhysicalType,
  out: Float64Array,
  at: number,
  scratch: { buffer: ArrayBuffer },
): number {
  const byteLength = count * PLAIN_WIDTH[type];
  if (start + byteLength > bytes.length)
    throw new ParquetFastPathMiss('PLAIN values past the page end');
  if (count === 0) return start;
  const { buffer, offset } = alignedView(bytes, start, byteLength, scratch);
  if (type === 'INT32') out.set(new Int32Array(buffer, offset, count), at);
  else if (type === 'FLOAT') out.set(new Float32Array(buffer, offset, count), at);
  else if (type === 'DOUBLE') out.set(new Float64Array(buffer, offset, count), at);
  else {
    const words = new Int32Array(buffer, offset, count * 2);
    for (let i = 0; i < count; i++) {
      out[at + i] = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
    }
  }
  return start + byteLength;
}
