import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-input-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test's folder and returns its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** `assay score` on a file with y and p: exit 2, one line on stderr that contains `message`. */
async function refused(path: string, extra: string[], message: string): Promise<void> {
  const run = await assay(['score', path, '--y-true', 'y', '--y-pred', 'p', ...extra]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('assay score says what is wrong with a file, and what to pass', () => {
  test('a CSV read as TSV: the header is one column, and the message names --input-format csv', async () => {
    const path = file('commas.csv', 'y,p\n1,1\n0,0\n');
    await refused(
      path,
      ['--input-format', 'tsv'],
      'the columns are: "y,p". The header looks separated by commas: pass --input-format csv',
    );
  });

  test('a CSV read as Arrow: not an Arrow IPC file, and what a text file needs', async () => {
    const path = file('text.csv', 'y,p\n1,1\n0,0\n');
    await refused(
      path,
      ['--input-format', 'arrow'],
      'it is not an Arrow IPC file or stream (apache-arrow: ',
    );
  });

  test('text after a closing quote names its line (a quote inside an unquoted field is text)', async () => {
    const path = file('quote.csv', 'y,p\n1,1\n0,"0"b\n');
    await refused(path, [], 'line 3 has "b" right after the closing quote of a quoted field');
  });

  test('a UTF-16 file is named as UTF-16, with the way to convert it', async () => {
    const path = file('utf16.csv', Buffer.from('\ufeffy,p\n1,1\n', 'utf16le'));
    await refused(path, [], 'it starts with a UTF-16 byte-order mark (0xff)');
  });

  test('a JSON array is no label, and a number written as a JSON string is named so', async () => {
    const arrays = file('arrays.jsonl', '{"y":[1],"p":1}\n{"y":0,"p":0}\n');
    await refused(arrays, [], 'Column "y" has the array [1] at line 1');
    const strings = file('strings.jsonl', '{"y":1,"p":1,"s":"0.4"}\n{"y":0,"p":0,"s":0.3}\n');
    await refused(
      strings,
      ['--y-score', 's', '--pos-label', '1'],
      'it is a JSON string, write the number without quotes',
    );
  });

  test('--pos-label true on JSON booleans says that they are read as 1 and 0', async () => {
    const path = file('booleans.jsonl', '{"y":true,"p":true}\n{"y":false,"p":true}\n');
    await refused(
      path,
      ['--pos-label', 'true', '--metrics', 'f1'],
      'JSON booleans are read as 1 (true) and 0 (false), as scikit-learn compares them: name 1 or 0.',
    );
  });
});
