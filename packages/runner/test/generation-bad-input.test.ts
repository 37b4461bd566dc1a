import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, GENERATION_METRICS, loadColumns, parseNormalize } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-generation-input-'));
const runner = createRunner({ workers: 1 });

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

function jsonl(name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

async function scoreFile(path: string, options: { dropMissing?: boolean } = {}) {
  const table = await loadColumns(path, { columns: { ref: 'text', out: 'text' } });
  return runner.scoreGenerations(
    { table, roles: { references: 'ref', outputs: 'out' } },
    { metrics: ['exact_match', 'bleu'], ...options },
  );
}

describe('bad generation input is refused with the column and row named', () => {
  test('a missing reference column lists the columns the file has', async () => {
    const path = jsonl('no-ref.jsonl', [{ answer: 'a', out: 'a' }]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.path).toBe('ref');
    expect(error.message).toContain('"ref"');
    expect(error.message).toContain('"answer"');
  });

  test('a reference that is a number names the line and row', async () => {
    const path = jsonl('number-ref.jsonl', [
      { ref: 'a', out: 'a' },
      { ref: 42, out: 'b' },
    ]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.path).toBe('ref');
    expect(error.message).toContain('42');
    expect(error.message).toContain('line 2 (data row 2)');
  });

  test('an output that is a number is told an output is one string, not an array', async () => {
    const path = jsonl('number-out.jsonl', [
      { ref: 'a', out: 'a' },
      { ref: 'x', out: 42 },
    ]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.message).toBe(
      `Column "out" has the non-text value 42 at line 2 (data row 2) of ${path}; a text column holds one string per row (a column of references may also hold an array of strings, null for a missing one).`,
    );
  });

  test('a reference array holding a non-string names the entry and row', async () => {
    const path = jsonl('object-ref.jsonl', [{ ref: ['a', { text: 'b' }], out: 'a' }]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.message).toContain('as entry 2 (counting from 1) of its array');
    expect(error.message).toContain('line 1 (data row 1)');
  });

  test('in memory, a reference that is neither a string nor an array names the row', async () => {
    const error = await runnerRejection(
      runner.scoreGenerations({ references: ['a', true], outputs: ['a', 'b'] }),
    );
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.message).toContain('at data row 2;');
  });

  test('an array of outputs is refused naming the line, as other bad cells are', async () => {
    const path = jsonl('array-out.jsonl', [
      { ref: 'a', out: 'a' },
      { ref: 'a', out: ['a', 'b'] },
    ]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.path).toBe('out');
    expect(error.message).toBe(
      `Column "out" (outputs) has an array at line 2 (data row 2) of ${path}; an output must be one string (only references may be several).`,
    );
  });

  test('a file column named like its role is still named as a column', async () => {
    const path = jsonl('role-names.jsonl', [{ references: null, outputs: 'x' }]);
    const table = await loadColumns(path, {
      columns: { references: 'text', outputs: 'text' },
    });
    const error = await runnerRejection(
      runner.scoreGenerations({ table, roles: { references: 'references', outputs: 'outputs' } }),
    );
    expect(error.message).toBe(
      `Column "references" (references) has no reference (null or absent) at line 1 (data row 1) of ${path}; fix the data or pass --drop-missing (dropMissing: true) to drop such rows.`,
    );
  });

  test('a row without a reference is MISSING_VALUE unless dropMissing drops it', async () => {
    const path = jsonl('null-ref.jsonl', [
      { ref: 'a b c', out: 'a b c' },
      { ref: [null], out: 'x' },
      { out: 'y' },
      { ref: 'd e f', out: null },
    ]);
    const error = await runnerRejection(scoreFile(path));
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('Column "ref" (references) has no reference');
    // a file's missing value is named by its line, as a reader names a bad cell
    expect(error.message).toContain(`at line 2 (data row 2) of ${path};`);
    const report = await scoreFile(path, { dropMissing: true });
    expect(report.n).toBe(1);
    expect(report.dropped).toBe(3);
    expect(report.warnings).toContain(
      `3 row(s) with a missing value were dropped, the first at line 2 (data row 2) of ${path}.`,
    );
  });

  test('an empty output is scored, not an error, and a CSV empty cell is an empty string', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, 'ref,out\nthe cat,\n"",\nNA,NA\n');
    const table = await loadColumns(path, { columns: { ref: 'text', out: 'text' } });
    expect(table.texts?.get('out')?.values).toEqual(['', '', 'NA']);
    const report = await runner.scoreGenerations(
      { table, roles: { references: 'ref', outputs: 'out' } },
      { metrics: ['exact_match', 'levenshtein_similarity'], normalize: 'none' },
    );
    expect(report.n).toBe(3);
    expect(report.overall.exact_match?.value).toBeCloseTo(2 / 3, 15);
  });

  test('an unknown metric lists the known ones', async () => {
    const error = await runnerRejection(
      runner.scoreGenerations({ references: ['a'], outputs: ['a'] }, { metrics: ['bleu', 'blue'] }),
    );
    expect(error.code).toBe('UNKNOWN_METRIC');
    expect(error.message).toContain('"blue"');
    for (const name of GENERATION_METRICS) expect(error.message).toContain(name);
  });

  test('bad settings are INVALID_OPTION naming the option', async () => {
    expect(() => parseNormalize('lowercase')).toThrow(
      /ignore_case, ignore_punctuation, ignore_numbers/,
    );
    const stemmer = await runnerRejection(
      runner.scoreGenerations(
        { references: ['a'], outputs: ['a'] },
        { stemmer: 'snowball' as 'porter' },
      ),
    );
    expect(stemmer.path).toBe('stemmer');
    const tokenizer = await runnerRejection(
      runner.scoreGenerations(
        { references: ['a'], outputs: ['a'] },
        { bleuTokenize: 'ja-mecab' as 'intl' },
      ),
    );
    expect(tokenizer.code).toBe('INVALID_OPTION');
    expect(tokenizer.path).toBe('bleuTokenize');
    expect(tokenizer.message).toContain("'13a', 'none', 'intl', 'char', 'zh'");
    const lengths = await runnerRejection(
      runner.scoreGenerations({ references: ['a', 'b'], outputs: ['a'] }),
    );
    expect(lengths.code).toBe('LENGTH_MISMATCH');
    expect(lengths.path).toBe('outputs');
  });
});

describe('generation options that none of the metrics read', () => {
  test('get a warning each, and none when a metric reads them', async () => {
    const input = { references: ['the cat sat on the mat'], outputs: ['the cat sat on a mat'] };
    const unused = await runner.scoreGenerations(input, {
      metrics: ['chrf'],
      stemmer: 'porter',
      bleuTokenize: 'zh',
      normalize: 'none',
    });
    expect(unused.warnings).toEqual([
      'stemmer porter has no effect: only rouge1 … rouge9, rougeL and rougeLsum stem, and the metrics are chrf.',
      'bleu tokenize zh has no effect: only bleu reads it, and the metrics are chrf.',
      'normalize has no effect: only exact_match and token_f1 normalize the texts, and the metrics are chrf.',
    ]);
    const used = await runner.scoreGenerations(input, {
      metrics: ['rougeL', 'bleu', 'token_f1'],
      stemmer: 'porter',
      bleuTokenize: 'zh',
      normalize: 'none',
    });
    expect(used.warnings).toEqual([]);
  });

  test('a near miss of a normalize form is named in one clean sentence', () => {
    expect(() => parseNormalize('ignore-case')).toThrow(
      'normalize "ignore-case" is not a normalization; did you mean "ignore_case"? Use squad, none, or a comma-separated list of ignore_case, ignore_punctuation, ignore_numbers.',
    );
  });

  test('an unknown word in a list is quoted once beside the list', () => {
    expect(() => parseNormalize('ignore_case,lowercase')).toThrow(
      'normalize "ignore_case,lowercase" holds "lowercase", which is not a normalization; use squad, none, or a comma-separated list of ignore_case, ignore_punctuation, ignore_numbers.',
    );
  });
});

describe('an empty reference is scored as sacrebleu scores it, with a warning', () => {
  test('the warning counts the rows and names the first one by its line', async () => {
    const path = jsonl('empty-ref.jsonl', [
      { ref: 'a b', out: 'a b' },
      { ref: '', out: 'x' },
      { ref: ['c', ''], out: 'c' },
      { ref: '', out: '' },
    ]);
    const report = await scoreFile(path);
    expect(report.n).toBe(4);
    expect(report.overall.exact_match?.value).toBeCloseTo(3 / 4, 15);
    expect(report.warnings).toContain(
      `Column "ref" (references) has an empty reference ("") in 3 rows, the first at line 2 (data row 2) of ${path}: it is scored as a reference of no text, as sacrebleu scores it (only an empty output matches it); if those rows lack their reference, give it, or mark it missing (null in JSONL, which --drop-missing drops).`,
    );
  });

  test('in memory the row is named by its data row, and no empty reference means no warning', async () => {
    const report = await runner.scoreGenerations({
      references: ['a', 'b', ''],
      outputs: ['a', 'b', 'c'],
    });
    expect(report.warnings.filter((w) => w.includes('empty reference'))).toEqual([
      'references has an empty reference ("") in 1 row, at data row 3: it is scored as a reference of no text, as sacrebleu scores it (only an empty output matches it); if that row lacks its reference, give it, or mark it missing (null in JSONL, which --drop-missing drops).',
    ]);
    const clean = await runner.scoreGenerations({ references: ['a'], outputs: [''] });
    expect(clean.warnings.filter((w) => w.includes('empty reference'))).toEqual([]);
  });
});
