import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns, RunnerError } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-dup-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const columns = { y: 'auto', p: 'auto' } as const;

describe('a header that names a column twice', () => {
  test.each([
    ['dup.csv', 'y,p,y\n1,1,0\n0,0,1\n'],
    ['dup.tsv', 'y\tp\ty\n1\t1\t0\n0\t0\t1\n'],
  ])('%s: a requested column named twice is refused, naming both places', async (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const error = await loadColumns(file, { columns }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('DUPLICATE_COLUMN');
    expect((error as RunnerError).path).toBe('y');
    expect((error as RunnerError).message).toBe(
      `${file} has 2 columns named "y" (columns 1 and 3 of the header); rename all but one so that the column to read is named once.`,
    );
  });

  test('a column named twice that is not requested does not matter', async () => {
    const file = join(dir, 'other.csv');
    writeFileSync(file, 'y,p,q,q\n1,1,5,6\n0,0,7,8\n');
    const table = await loadColumns(file, { columns });
    expect(table.n).toBe(2);
  });
});
