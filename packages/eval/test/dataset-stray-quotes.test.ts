import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvaluationError, loadFileDataset } from '@assay/eval';
import { afterAll, describe, expect, test } from 'vitest';

// A CSV data set with a quote inside an unquoted text (He said "hi") stopped the run with
// csv-parse's "Invalid Opening Quote"; pandas reads the quote as part of the text
const dir = mkdtempSync(join(tmpdir(), 'assay-stray-quotes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

const columns = { text: 'text', label: 'label' };

describe('CSV data sets: quotes as pandas reads them', () => {
  test('a quote inside an unquoted field is part of the text', async () => {
    const path = write(
      'q.csv',
      'text,label\nHe said "hi" to me,ham\n5" screen,spam\n"a ""quoted"" word",ham\n',
    );
    const items = await loadFileDataset(path, { columns });
    expect(items.map((item) => item.fields.text)).toEqual([
      'He said "hi" to me',
      '5" screen',
      'a "quoted" word',
    ]);
  });

  test('a header name with text after its closing quote is refused as line 1, not read as a name', async () => {
    const path = write('header.csv', '"text"x,label\nfine,ham\n');
    const error = await loadFileDataset(path, { columns }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).message).toBe(
      `Line 1 of '${path}' has "x" right after the closing quote of a quoted field, where a comma or the end of the line must follow; quote the whole field and double each quote inside it (a field holding ab"c is written "ab""c").`,
    );
    // quoted names are read without their quotes, a doubled quote inside as one
    const quoted = write('quoted-header.csv', '"text","say ""hi""",label\nfine,x,ham\n');
    const items = await loadFileDataset(quoted, { columns });
    expect(items.map((i) => i.fields.text)).toEqual(['fine']);
    const names = await loadFileDataset(quoted, { columns: { text: 'say "hi"', label: 'label' } });
    expect(names.map((i) => i.fields.text)).toEqual(['x']);
  });

  test('text after a closing quote is refused, naming the line', async () => {
    const path = write('closing.csv', 'text,label\nfine,ham\n"multi\nline"x,spam\n');
    const error = await loadFileDataset(path, { columns }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('UNREADABLE_FILE');
    expect((error as EvaluationError).message).toBe(
      `Line 4 of '${path}' has "x" right after the closing quote of a quoted field, where a comma or the end of the line must follow; quote the whole field and double each quote inside it (a field holding ab"c is written "ab""c").`,
    );
  });
});

test('the line counts a CRLF inside a quoted field once', async () => {
  const path = write('crlf.csv', 'text,label\r\n"two\r\nlines",ham\r\n"x"y,spam\r\n');
  const error = await loadFileDataset(path, { columns }).catch((e: unknown) => e);
  expect((error as EvaluationError).message).toMatch(/^Line 4 of '.*' has "y" right after/);
});

test("a ragged row's line counts a CRLF inside a quoted field once", async () => {
  const path = write('ragged.csv', 'text,label\r\n"two\r\nlines",ham\r\nthree,fields,oops\r\n');
  const error = await loadFileDataset(path, { columns }).catch((e: unknown) => e);
  expect((error as EvaluationError).code).toBe('RAGGED_ROW');
  expect((error as EvaluationError).message).toContain('at line 4:');
});
