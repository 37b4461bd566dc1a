import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readFileShared } from '../src/io/read-file-shared.js';

const dir = mkdtempSync(join(tmpdir(), 'read-file-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes that differ at every position, so a misplaced or repeated chunk shows. */
function patterned(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    bytes[i] = s & 0xff;
  }
  return bytes;
}

describe('readFileShared', () => {
  // around the 256 KiB buffers it reads through: empty, one byte, one buffer less one, exactly
  // one, one more, two, and several with a short tail
  test.each([0, 1, 262_143, 262_144, 262_145, 524_288, 1_300_001])(
    'reads a file of %i bytes exactly, into shared memory of its size',
    async (n) => {
      const path = join(dir, `f-${n}.bin`);
      writeFileSync(path, patterned(n));
      const bytes = await readFileShared(path);
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(bytes.buffer.byteLength).toBe(n);
      expect(Buffer.from(bytes).equals(readFileSync(path))).toBe(true);
    },
  );

  test('a missing file is the file system error, naming the file', async () => {
    await expect(readFileShared(join(dir, 'missing.arrow'))).rejects.toThrow(
      /ENOENT.*missing\.arrow/,
    );
  });
});
