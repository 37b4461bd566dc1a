import { open } from 'node:fs/promises';

/**
 * Bytes read per system call, into one of two reused buffers and then copied into the
 * shared memory. 256 KiB stays in a core's L2 cache here: 1 and 4 MiB buffers made the read
 * 20–35% slower.
 */
const BOUNCE_BYTES = 256 * 1024;

/**
 * Reads a whole file into a `SharedArrayBuffer`, so that typed-array views of its bytes
 * (an Arrow IPC file's buffers) can go to the workers as they are, without a copy.
 *
 * @remarks
 * Why through a small buffer and not straight into the shared memory: on this project's
 * virtual machines, fresh pages that `read()` itself faults in (the kernel copying into memory
 * nothing had touched yet) are slow the first time a thread reads them, about 100 ms per
 * 80 MB (a worker summing the 80 MB of a 10M-row Arrow file took 186–246 ms on its first
 * pass, against 90–91 ms when the same bytes were copied in from JavaScript or read into
 * pages JavaScript had touched first; its later passes were the same). The kernel writes two
 * 256 KiB buffers in turn, the next read running while the last one is copied
 * (`Uint8Array#set`): the read takes about 10 ms more and the first pass over the bytes about
 * 100 ms less. A reused buffer (the CSV and Parquet readers') pays this once, on its first
 * fill: reading Parquet column chunks this way made no difference.
 *
 * @param file - the file
 * @returns the bytes, over a `SharedArrayBuffer` of the file's size when it was opened (a file
 *   that shrank while read gives the bytes it still had, a view of that buffer)
 * @throws the file system's error (e.g. `ENOENT`)
 * @example
 * const bytes = await readFileShared('preds.arrow');
 * bytes.buffer instanceof SharedArrayBuffer; // true
 */
export async function readFileShared(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    const buffers = [new Uint8Array(BOUNCE_BYTES), new Uint8Array(BOUNCE_BYTES)] as const;
    const readAt = (k: number, at: number) =>
      handle.read(buffers[k]!, 0, Math.min(BOUNCE_BYTES, size - at), at);
    let at = 0;
    let k = 0;
    let pending = size > 0 ? readAt(0, 0) : undefined;
    while (pending !== undefined) {
      const { bytesRead } = await pending;
      const filled = buffers[k]!;
      const next = at + bytesRead;
      k ^= 1;
      // a file that shrank while read ends where its bytes end
      pending = bytesRead > 0 && next < size ? readAt(k, next) : undefined;
      bytes.set(bytesRead === BOUNCE_BYTES ? filled : filled.subarray(0, bytesRead), at);
      at = next;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
