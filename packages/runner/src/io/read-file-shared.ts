import { open } from 'node:fs/promises';

/**
 * Reads a whole file into a `SharedArrayBuffer`, so that typed-array views of its bytes
 * (an Arrow IPC file's buffers) can go to the workers as they are, without a copy.
 *
 * @param file - the file
 * @returns the bytes, over a `SharedArrayBuffer` of exactly the file's size
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
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
