import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, type RunnerError } from '@assay/runner';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { firstInvalidUtf8 } from '../src/io/utf8-stream.js';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const columns = new Map([
  ['label', 'label'],
  ['pred', 'label'],
] as const);

function rejection(file: string): Promise<RunnerError> {
  return runnerRejection(loadColumns(file, { columns }));
}

describe('text files must be UTF-8', () => {
  test('an invalid byte in a CSV or JSONL file names its line and byte offset', async () => {
    // 'hém' in Latin-1: the 0xe9 would decode to U+FFFD and 'hém' would equal 'hæm'
    const csv = join(dir, 'latin1.csv');
    writeFileSync(
      csv,
      Buffer.concat([
        Buffer.from('label,pred\nspam,spam\nham,h'),
        Buffer.from([0xe9]),
        Buffer.from('m\n'),
      ]),
    );
    const error = await rejection(csv);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(
      /latin1\.csv is not valid UTF-8: line 3, byte offset 26 \(0xe9\)/,
    );
    // the same reader serves generation files, whose columns are texts, not labels
    expect(error.message).toContain(
      'Reading it anyway would turn different labels or texts into the same replacement character (U+FFFD).',
    );
    const jsonl = join(dir, 'latin1.jsonl');
    writeFileSync(
      jsonl,
      Buffer.concat([
        Buffer.from('{"label":"spam","pred":"spam"}\n{"label":"ham","pred":"h'),
        Buffer.from([0xe9]),
        Buffer.from('m"}\n'),
      ]),
    );
    expect((await rejection(jsonl)).message).toMatch(/line 2, byte offset 55 \(0xe9\)/);
  });

  test('a file cut inside a multi-byte character is refused; one split across chunks is read', async () => {
    const cut = join(dir, 'cut.csv');
    writeFileSync(
      cut,
      Buffer.concat([Buffer.from('label,pred\nspam,'), Buffer.from('é').subarray(0, 1)]),
    );
    expect((await rejection(cut)).message).toMatch(/an incomplete sequence at the end/);
    // 200k rows of 'é'/'😀' labels: the stream's 64 KiB chunks split characters somewhere
    const rows = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? 'é,😀' : '😀,é'));
    const long = join(dir, 'long.csv');
    writeFileSync(long, `label,pred\n${rows.join('\n')}\n`);
    const table = await loadColumns(long, { columns });
    expect(table.n).toBe(200_000);
    const label = table.columns.get('label')!;
    expect(label.kind === 'label' && [...label.dictionary].sort()).toEqual(['é', '😀']);
  });

  test('firstInvalidUtf8 agrees with Node isUtf8 on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const first = firstInvalidUtf8(buf);
        if (isUtf8(buf)) return first === -1;
        if (first >= 0) return isUtf8(buf.subarray(0, first));
        // only an incomplete sequence at the very end
        return [1, 2, 3].some((t) => t <= buf.length && isUtf8(buf.subarray(0, buf.length - t)));
      }),
      { numRuns: 5000 },
    );
    for (const bad of [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xff],
    ]) {
      expect(firstInvalidUtf8(Uint8Array.from([0x61, ...bad])), bad.join(' ')).toBe(1);
    }
  });
});
