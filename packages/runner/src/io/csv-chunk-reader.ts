import { isUtf8 } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { firstInvalidUtf8, incompleteTail, invalidUtf8 } from './utf8-stream.js';

/**
 * Reads a text file into one reused buffer, chunk after chunk, checking each chunk to be
 * UTF-8: the bytes a scanner has not consumed (a record cut by the chunk's end) move to
 * the buffer's start and the next chunk is read after them. One buffer for the whole file
 * (grown only for a record longer than it): no new memory per chunk and no concatenation,
 * where a stream's fresh chunks each cost their page faults and a copy.
 *
 * @example
 * const reader = await CsvChunkReader.open('preds.csv', 32);
 * let lines = 0;
 * do {
 *   await reader.next(reader.length); // every byte of the last chunk consumed
 *   for (let i = 0; i < reader.length; i++) if (reader.bytes[i] === 0x0a) lines++;
 * } while (!reader.done);
 * await reader.close();
 * lines; // 5: the header and 4 rows
 */
export class CsvChunkReader {
  /** the buffer; bytes `[0, length)` are valid */
  bytes: Buffer;
  /** valid bytes in {@link bytes} */
  length = 0;
  /** file offset of `bytes[0]` */
  base = 0;
  /** whether the file has no more bytes than those in the buffer */
  done = false;
  /** end of the bytes checked to be UTF-8 (an incomplete sequence at the end is not yet) */
  private checked = 0;

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    chunkBytes: number,
  ) {
    this.bytes = Buffer.allocUnsafe(chunkBytes);
  }

  /**
   * Opens a file for reading in chunks of `chunkBytes`.
   *
   * @param file - the file
   * @param chunkBytes - the buffer's size
   * @returns the reader, before its first chunk
   * @throws the file system's error (e.g. `ENOENT`)
   * @example
   * const reader = await CsvChunkReader.open('preds.csv', 1 << 20);
   */
  static async open(file: string, chunkBytes: number): Promise<CsvChunkReader> {
    return new CsvChunkReader(file, await open(file, 'r'), chunkBytes);
  }

  /**
   * Drops the bytes before `consumed` and reads the next chunk after the rest; sets
   * {@link done} once the file has no more bytes.
   *
   * @param consumed - bytes of the buffer the scanner is done with
   * @throws {@link RunnerError} `UNREADABLE_FILE` at the first invalid UTF-8 sequence
   */
  async next(consumed: number): Promise<void> {
    const kept = this.length - consumed;
    if (consumed > 0 && kept > 0) this.bytes.copyWithin(0, consumed, this.length);
    this.base += consumed;
    this.length = kept;
    this.checked = Math.max(0, this.checked - consumed);
    if (kept === this.bytes.length) {
      const grown = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, kept);
      this.bytes = grown;
    }
    const { bytesRead } = await this.handle.read(this.bytes, kept, this.bytes.length - kept, null);
    this.length += bytesRead;
    if (bytesRead === 0) this.done = true;
    await this.check();
  }

  private async check(): Promise<void> {
    const fresh = this.bytes.subarray(this.checked, this.length);
    const keep = this.done ? 0 : incompleteTail(fresh);
    const body = fresh.subarray(0, fresh.length - keep);
    if (!isUtf8(body)) {
      const at = firstInvalidUtf8(body);
      const offset = this.base + this.checked + (at < 0 ? body.length - incompleteTail(body) : at);
      throw await invalidUtf8(this.file, offset, at < 0 ? undefined : body[at]);
    }
    this.checked = this.length - keep;
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}
