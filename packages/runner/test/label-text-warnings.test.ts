import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelText, loadColumns, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-label-text-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Scores a CSV of columns y and p, read from a file so that warnings can name lines. */
async function scoreCsv(path: string) {
  const table = await loadColumns(path, { columns: { y: 'label', p: 'label' } });
  return scorePredictions({ table, roles: { yTrue: 'y', yPred: 'p' } }, { workers: 0 });
}

describe('labels that differ only in whitespace', () => {
  test('are named in one warning, quoted with the no-break space escaped', async () => {
    const rows = ['ham,ham', 'ham ,spam', 'spam,spam\u00a0', 'spam,ham'];
    const report = await scoreCsv(file('ws.csv', `y,p\n${rows.join('\n')}\n`));
    const notes = report.warnings.filter((w) => w.includes('differ only in whitespace'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('"ham" and "ham "; "spam" and "spam\\u00a0"');
  });

  test('labelText quotes a label whose whitespace a table would hide, and only such a label', () => {
    expect(labelText('ham')).toBe('ham');
    expect(labelText('two words')).toBe('two words');
    expect(labelText('ham ')).toBe('"ham "');
    expect(labelText('spam\u00a0')).toBe('"spam\\u00a0"');
    expect(labelText('')).toBe('""');
    expect(labelText(3)).toBe('3');
  });
});

describe('a stray text value in a numeric label column', () => {
  // a text value in each column: one alone would be refused as a mix of strings and numbers
  const rows = Array.from(
    { length: 200 },
    (_, i) => `${i === 120 ? 'O' : i % 2},${i === 56 ? 'cat' : i % 2}`,
  );
  const path = file('stray.csv', `y,p\n${rows.join('\n')}\n`);

  test('is named with its column and first line, with the digit it looks like', async () => {
    const report = await scoreCsv(path);
    expect(report.warnings).toContain(
      'Column "y" (y_true) holds numbers except for "O" (O for 0?) in 1 row(s), the first at line 122 (data row 121) of ' +
        `${path}: it is scored as a class of its own. If it is a typo, correct it in the data.`,
    );
    expect(report.warnings.join('\n')).toContain(
      'except for "cat" in 1 row(s), the first at line 58',
    );
  });

  test('is not called out when text labels are more than 1% of the rows', async () => {
    const many = Array.from({ length: 200 }, (_, i) => {
      const y = i % 20 === 0 ? 'x' : i % 2;
      return `${y},${i % 20 === 1 ? 'x' : i % 2}`;
    });
    const report = await scoreCsv(file('many.csv', `y,p\n${many.join('\n')}\n`));
    expect(report.warnings.join('\n')).not.toContain('holds numbers except');
  });
});

describe('file errors name lines and columns from 1', () => {
  test('an infinite score names its line, and says a huge number overflows to Infinity', async () => {
    const path = file('inf.csv', 'y,p,s\n1,1,0.9\n0,0,1e999\n1,0,0.4\n');
    const table = await loadColumns(path, { columns: { y: 'label', p: 'label', s: 'number' } });
    const error = await runnerRejection(
      scorePredictions({ table, roles: { yTrue: 'y', yPred: 'p', yScore: 's' } }, { workers: 0 }),
    );
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain(
      `which overflows to Infinity) at line 3 (data row 2) of ${path};`,
    );
  });

  test('invalid JSON Lines name the 1-based column of the fault', async () => {
    const path = file('bad.jsonl', '{"y":1,"p":1}\n{"y":1,"p":0,}\n');
    const error = await runnerRejection(loadColumns(path, { columns: { y: 'label' } }));
    expect(error.message).toContain('line 2 is not valid JSON');
    expect(error.message).toContain('at column 14');
    expect(error.message).not.toContain('position');
  });

  test('a stray quote is part of its field, as pandas reads it (it used to stop the read)', async () => {
    const path = file('quote.csv', 'y,p\na,b"c\nb,b\n');
    const table = await loadColumns(path, { columns: { y: 'label', p: 'label' } });
    const p = table.columns.get('p')!;
    expect(p.kind === 'label' ? Array.from(p.codes, (c) => p.dictionary[c]) : p).toEqual([
      'b"c',
      'b',
    ]);
  });

  test('text after a closing quote names the line and the character, and how to quote the field', async () => {
    const path = file('closing.csv', 'y,p\n1,1\n0,"ab"c\n');
    const expected = `${path} could not be read: line 3 has "c" right after the closing quote of a quoted field, where the delimiter or the end of the line must follow; quote the whole field and double each quote inside it (a field holding ab"c is written "ab""c").`;
    const error = await runnerRejection(loadColumns(path, { columns: { y: 'label', p: 'label' } }));
    expect([error.code, error.message]).toEqual(['UNREADABLE_FILE', expected]);
  });
});
