import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';

/** The widest bit width the hybrid decoder takes (a 32-bit accumulator holds width + 7 bits). */
const MAX_HYBRID_WIDTH = 24;

/**
 * Decodes `count` values of Parquet's RLE / bit-packed hybrid encoding (definition levels,
 * dictionary indices) into `out` from index `at`, without a call per value.
 *
 * @remarks
 * Each run starts with a ULEB128 header: an odd header is `header >>> 1` groups of 8
 * bit-packed values (LSB first), an even one a run of `header >>> 1` copies of one value
 * stored in `ceil(width / 8)` little-endian bytes. The last bit-packed group may be padded
 * past the page's value count; the padding is read and dropped. Source: the Parquet format
 * specification, "Run Length Encoding / Bit-Packing Hybrid (RLE = 3)".
 *
 * @param bytes - the page's bytes
 * @param start - where the runs start
 * @param end - where they end (exclusive)
 * @param width - bits per value, 0 to 24
 * @param out - where the values go
 * @param at - index of the first value in `out`
 * @param count - values to decode
 * @returns the byte position after the last run read
 * @throws {@link ParquetFastPathMiss} when the runs end before `count` values or the width is
 *   too wide
 * @example
 * const out = new Int32Array(4);
 * decodeHybrid(new Uint8Array([0x08, 0x05]), 0, 2, 3, out, 0, 4); // 2 (bytes read)
 * out; // Int32Array [5, 5, 5, 5]
 */
export function decodeHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  out: Int32Array,
  at: number,
  count: number,
): number {
  if (width > MAX_HYBRID_WIDTH) throw new ParquetFastPathMiss(`bit width ${width}`);
  const mask = width === 0 ? 0 : (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let p = start;
  let o = at;
  const stop = at + count;
  while (o < stop) {
    if (p >= end) throw new ParquetFastPathMiss('hybrid runs end before the page values');
    let header = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++]!;
      header += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    if (header & 1) {
      const groups = Math.floor(header / 2);
      const runBytes = groups * width;
      const values = groups * 8;
      if (p + runBytes > end) throw new ParquetFastPathMiss('bit-packed run past the page end');
      const take = Math.min(values, stop - o);
      if (width === 4 || width === 2 || width === 1 || width === 8) {
        unpackWholeBytes(bytes, p, width, out, o, take);
        o += take;
        p += runBytes;
        continue;
      }
      let acc = 0;
      let bits = 0;
      let q = p;
      for (let i = 0; i < take; i++) {
        while (bits < width) {
          acc |= bytes[q++]! << bits;
          bits += 8;
        }
        out[o++] = acc & mask;
        acc >>>= width;
        bits -= width;
      }
      p += runBytes;
    } else {
      const run = Math.floor(header / 2);
      let value = 0;
      for (let k = 0; k < valueBytes; k++) value |= bytes[p++]! << (8 * k);
      const take = Math.min(run, stop - o);
      out.fill(value, o, o + take);
      o += take;
    }
  }
  return p;
}

/**
 * Unpacks `take` bit-packed values of a width that divides 8 (1, 2, 4 or 8 bits): every byte
 * holds 8 / width whole values, LSB first, so no value straddles two bytes.
 */
function unpackWholeBytes(
  bytes: Uint8Array,
  from: number,
  width: number,
  out: Int32Array,
  at: number,
  take: number,
): void {
  let q = from;
  let o = at;
  const stop = at + take;
  if (width === 8) {
    out.set(bytes.subarray(q, q + take), o);
    return;
  }
  if (width === 4) {
    for (; o + 2 <= stop; q++) {
      const b = bytes[q]!;
      out[o++] = b & 15;
      out[o++] = b >>> 4;
    }
  } else if (width === 2) {
    for (; o + 4 <= stop; q++) {
      const b = bytes[q]!;
      out[o++] = b & 3;
      out[o++] = (b >>> 2) & 3;
      out[o++] = (b >>> 4) & 3;
      out[o++] = b >>> 6;
    }
  } else {
    for (; o + 8 <= stop; q++) {
      const b = bytes[q]!;
      for (let k = 0; k < 8; k++) out[o++] = (b >>> k) & 1;
    }
  }
  // the last values of a run that ends inside a byte
  const mask = (1 << width) - 1;
  for (let shift = 0; o < stop; shift += width) out[o++] = (bytes[q]! >>> shift) & mask;
}
