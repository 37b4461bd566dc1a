import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-generation-list-refs-'));
const runner = createRunner({ workers: 0 });

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

async function scoreCsv(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const table = await loadColumns(path, { columns: { ref: 'text', out: 'text' } });
  const report = await runner.scoreGenerations(
    { table, roles: { references: 'ref', outputs: 'out' } },
    { metrics: ['exact_match', 'chrf'] },
  );
  return { path, report };
}

describe('references that look like lists written as text', () => {
  test('a CSV of JSON lists gets one warning with the count, the first line and the way out', async () => {
    // the trial's jsonrefs.csv: what a list column becomes in a CSV
    const { path, report } = await scoreCsv(
      'json-lists.csv',
      'ref,out\n"[""the cat sat"", ""a cat sat""]",the cat sat\nplain text,plain text\n"[""x y z""]",x y z\n',
    );
    const warnings = report.warnings.filter((w) => w.includes('looks like a list'));
    expect(warnings).toEqual([
      `Column "ref" (references) holds text that looks like a list of strings (["the cat sat", "a cat sat"]) in 2 rows, the first at line 2 (data row 1) of ${path}: such a cell is scored as one reference, brackets and quotes included. To give a row several references, write them as a JSON array of strings in a JSONL file (or a list column in Arrow or Parquet); a CSV cell is always one text.`,
    ]);
  });

  test("a Python list as pandas writes it ('a', 'b') is named too", async () => {
    const { report } = await scoreCsv('python-lists.csv', "ref,out\n\"['a b', 'c d']\",a b\n");
    expect(report.warnings.join(' ')).toContain("(['a b', 'c d']) in 1 row, at line 2");
  });

  test('text with brackets that is no list of strings, and real arrays, get no warning', async () => {
    const { report } = await scoreCsv('brackets.csv', 'ref,out\n[1] see note,x\n"[a, b]",y\n');
    expect(report.warnings.join(' ')).not.toContain('looks like a list');
    const arrays = await runner.scoreGenerations(
      { references: [['the cat sat', 'a cat sat']], outputs: ['the cat sat'] },
      { metrics: ['exact_match'] },
    );
    expect(arrays.warnings.join(' ')).not.toContain('looks like a list');
  });
});
