import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { RunnerError } from '../errors.js';

/** Length of a UTF-8 sequence from its lead byte; 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence, or -1 when every
 * sequence is valid (an incomplete sequence at the very end counts as valid: the next
 * chunk completes it).
 *
 * @param bytes - the bytes
 * @returns the offset, or -1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const len = sequenceLength(lead);
    if (len === 0) return i;
    if (i + len > bytes.length) return firstInvalidPrefix(bytes, i) ? i : -1;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    // overlong three-byte forms, UTF-16 surrogates, overlong four-byte forms, above U+10FFFF
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    ) {
      return i;
    }
    i += len;
  }
  return -1;
}

/** Whether the incomplete sequence at `at` is already wrong in the bytes it has. */
function firstInvalidPrefix(bytes: Uint8Array, at: number): boolean {
  for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return true;
  return false;
}

/**
 * Bytes of an incomplete sequence at the end of a chunk (0 to 3), which the next chunk
 * completes.
 *
 * @param bytes - the chunk
 * @returns how many bytes at its end start a sequence it does not finish
 * @example
 * incompleteTail(Buffer.from([0x61, 0xe2, 0x82])); // 2 (the first two bytes of '€')
 */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const len = sequenceLength(b);
    return len > back ? back : 0;
  }
  return 0;
}

/** The 1-based line of a byte offset, counting line feeds before it (read again: error path only). */
async function lineAt(file: string, offset: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const prefix = Buffer.alloc(offset);
    await handle.read(prefix, 0, offset, 0);
    let lines = 1;
    for (let i = prefix.indexOf(10); i >= 0; i = prefix.indexOf(10, i + 1)) lines++;
    return lines;
  } finally {
    await handle.close();
  }
}

/**
 * The error for an invalid UTF-8 sequence, naming its line and byte offset.
 *
 * @param file - the file
 * @param offset - the sequence's byte offset in the file
 * @param byte - its first byte (undefined: an incomplete sequence at the end)
 * @returns an `UNREADABLE_FILE` error
 * @example
 * const error = await invalidUtf8('preds.csv', 4, 0xff);
 * error.code; // 'UNREADABLE_FILE'
 * error.message; // 'preds.csv is not valid UTF-8: line 1, byte offset 4 (0xff); save the file as UTF-8. …'
 */
export async function invalidUtf8(
  file: string,
  offset: number,
  byte: number | undefined,
): Promise<RunnerError> {
  // a UTF-16 file (Excel's "Unicode text") starts with its byte-order mark
  if (offset <= 1 && (byte === 0xff || byte === 0xfe)) {
    return new RunnerError(
      'UNREADABLE_FILE',
      `${file} is not valid UTF-8: it starts with a UTF-16 byte-order mark (0x${byte.toString(16)}), as Excel's "Unicode text" writes; save the file as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8).`,
      { path: file },
    );
  }
  const line = await lineAt(file, offset);
  const shown =
    byte === undefined
      ? 'an incomplete sequence at the end'
      : `0x${byte.toString(16).padStart(2, '0')}`;
  return new RunnerError(
    'UNREADABLE_FILE',
    `${file} is not valid UTF-8: line ${line}, byte offset ${offset} (${shown}); save the file as UTF-8. Reading it anyway would turn different labels or texts into the same replacement character (U+FFFD).`,
    { path: file },
  );
}

/**
 * The bytes of a text file in chunks that end on whole UTF-8 characters, each checked to
 * be UTF-8 (see {@link utf8FileStream}).
 *
 * @param file - the file
 * @param chunkBytes - bytes read at a time (64 KiB by default)
 * @returns the chunks; the generator throws {@link RunnerError} `UNREADABLE_FILE` at the
 *   first invalid sequence (and the file system's error, e.g. `ENOENT`)
 * @example
 * const sizes = [];
 * for await (const chunk of utf8FileChunks('preds.csv', 32)) sizes.push(chunk.length);
 * sizes; // [32, 32, 10]: preds.csv's 74 bytes
 */
export async function* utf8FileChunks(file: string, chunkBytes?: number): AsyncGenerator<Buffer> {
  let offset = 0;
  let carry: Buffer | null = null;
  const stream = createReadStream(
    file,
    chunkBytes === undefined ? {} : { highWaterMark: chunkBytes },
  );
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    const keep = incompleteTail(bytes);
    const body = keep === 0 ? bytes : bytes.subarray(0, bytes.length - keep);
    if (!isUtf8(body)) {
      const at = firstInvalidUtf8(body);
      throw await invalidUtf8(file, offset + at, body[at]);
    }
    if (body.length > 0) yield body;
    offset += body.length;
    carry = keep === 0 ? null : Buffer.from(bytes.subarray(bytes.length - keep));
  }
  if (carry !== null) throw await invalidUtf8(file, offset, undefined);
}

/**
 * The bytes of a text file, checked to be UTF-8 as they stream by: a file with an
 * invalid byte fails with its line and byte offset instead of decoding it to U+FFFD,
 * which would silently make different labels equal.
 *
 * @param file - the file
 * @returns a byte stream; it errors with {@link RunnerError} `UNREADABLE_FILE` at the
 *   first invalid sequence (and with the file system's error, e.g. `ENOENT`)
 * @example
 * import { parse } from 'csv-parse';
 * const rows = [];
 * for await (const row of utf8FileStream('preds.csv').pipe(parse({ columns: true }))) rows.push(row);
 * rows[0]; // { label: 'spam', prediction: 'spam', score: '0.9' }
 */
export function utf8FileStream(file: string): Readable {
  return Readable.from(utf8FileChunks(file), { objectMode: false });
}
