import { ParquetFastPathMiss } from './parquet-fast-path-miss.js';

/** Below this many bytes a copy goes byte by byte; above, through `set` / `copyWithin`. */
const BULK = 32;

/**
 * Copies `length` bytes from `offset` bytes back in `out` to position `at`; an overlapping
 * copy (offset < length) repeats the last `offset` bytes, as Snappy means it.
 */
function backCopy(out: Uint8Array, at: number, offset: number, length: number): void {
  const src = at - offset;
  if (length < BULK) {
    for (let k = 0; k < length; k++) out[at + k] = out[src + k]!;
    return;
  }
  if (offset >= length) {
    out.copyWithin(at, src, src + length);
    return;
  }
  // the pattern [src, at) repeats: copy it, then twice as much each time from src
  let copied = 0;
  while (copied < length) {
    const chunk = Math.min(offset + copied, length - copied);
    out.copyWithin(at + copied, src, src + chunk);
    copied += chunk;
  }
}

/**
 * Decompresses one Snappy block (a Parquet page) into `output`, whose length must be the
 * block's uncompressed length: literals and long copies go through `Uint8Array.set` and
 * `copyWithin` rather than a byte loop.
 *
 * @remarks
 * Format: a ULEB128 uncompressed length, then elements tagged by their low two bits:
 * 0 a literal (length − 1 in the upper six bits, or in 1–4 following bytes when those say
 * 60–63), 1 a copy of 4–11 bytes with an 11-bit offset, 2 and 3 copies of 1–64 bytes with a
 * 2- or 4-byte little-endian offset. Source: google/snappy `format_description.txt`.
 *
 * @param input - the compressed block
 * @param output - exactly the uncompressed size
 * @throws {@link ParquetFastPathMiss} when the block is malformed or its length differs
 * @example
 * const out = new Uint8Array(3);
 * snappyDecode(new Uint8Array([3, 8, 97, 98, 99]), out);
 * Buffer.from(out).toString(); // 'abc'
 */
export function snappyDecode(input: Uint8Array, output: Uint8Array): void {
  const n = input.length;
  let pos = 0;
  let declared = 0;
  let shift = 0;
  let b: number;
  do {
    if (pos >= n) throw new ParquetFastPathMiss('Snappy block without a length');
    b = input[pos++]!;
    declared += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  const size = output.length;
  if (declared !== size) throw new ParquetFastPathMiss('Snappy length differs from the page');
  let out = 0;
  while (pos < n) {
    const tag = input[pos++]!;
    const type = tag & 3;
    if (type === 0) {
      let length = (tag >>> 2) + 1;
      if (length > 60) {
        const extra = length - 60;
        length = 0;
        for (let k = 0; k < extra; k++) length += input[pos + k]! * 2 ** (8 * k);
        length += 1;
        pos += extra;
      }
      if (pos + length > n || out + length > size)
        throw new ParquetFastPathMiss('Snappy literal past the block');
      if (length < BULK) for (let k = 0; k < length; k++) output[out + k] = input[pos + k]!;
      else output.set(input.subarray(pos, pos + length), out);
      pos += length;
      out += length;
      continue;
    }
    let length: number;
    let offset: number;
    if (type === 1) {
      length = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[pos++]!;
    } else if (type === 2) {
      length = (tag >>> 2) + 1;
      offset = input[pos]! | (input[pos + 1]! << 8);
      pos += 2;
    } else {
      length = (tag >>> 2) + 1;
      offset =
        (input[pos]! |
          (input[pos + 1]! << 8) |
          (input[pos + 2]! << 16) |
          (input[pos + 3]! << 24)) >>>
        0;
      pos += 4;
    }
    if (pos > n || offset === 0 || offset > out || out + length > size)
      throw new ParquetFastPathMiss('Snappy copy outside the block');
    backCopy(output, out, offset, length);
    out += length;
  }
  if (out !== size) throw new ParquetFastPathMiss('Snappy block shorter than the page');
}
