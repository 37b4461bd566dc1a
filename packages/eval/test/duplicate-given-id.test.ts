import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFileDataset } from '../src/index.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-given-id-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A JSONL file of 12 rows; `ids` maps a 0-based row to its id, the other rows have none. */
function file(name: string, ids: ReadonlyMap<number, string>): string {
  const path = join(dir, name);
  const rows = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({ ...(ids.has(i) ? { id: ids.get(i) } : {}), text: `mail ${i}`, label: 'ok' }),
  );
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe('a duplicate id that a row without an id was given', () => {
  it('names the row without an id, the id it was given and the row that also uses it', async () => {
    // data row 5 has no id, so it is given '4'; data row 11 has the id '4'
    const ids = new Map<number, string>(Array.from({ length: 12 }, (_, i) => [i, `m${i}`]));
    ids.delete(4);
    ids.set(10, '4');
    const path = file('later.jsonl', ids);
    await expect(loadFileDataset(path, { requireLabel: true })).rejects.toMatchObject({
      name: 'EvaluationError',
      code: 'MISSING_VALUE',
      path: 'dataset.columns.id',
      message: `Data row 5 of '${path}' has no id and was given '4' (a row without an id gets its 0-based record number), which data row 11 also uses; ids must be unique: give data row 5 an id of its own (or every row one), or change data row 11's.`,
    });
  });

  it('says the same when the row with the id comes first', async () => {
    // data row 2 has the id '7'; data row 8 has none, so it is given '7'
    const path = file('earlier.jsonl', new Map([[1, '7']]));
    await expect(loadFileDataset(path, { requireLabel: true })).rejects.toMatchObject({
      code: 'MISSING_VALUE',
      message: expect.stringMatching(
        /^Data row 8 of .* has no id and was given '7' .*, which data row 2 also uses;/,
      ),
    });
  });

  it('keeps giving rows without an id their 0-based record number when nothing clashes', async () => {
    const items = await loadFileDataset(file('mixed.jsonl', new Map([[0, 'first']])), {
      requireLabel: true,
    });
    expect(items.map((it) => it.id).slice(0, 3)).toEqual(['first', '1', '2']);
  });

  it('names both rows of a duplicate both rows wrote', async () => {
    const path = file(
      'both.jsonl',
      new Map([
        [2, 'x'],
        [6, 'x'],
      ]),
    );
    await expect(loadFileDataset(path, { requireLabel: true })).rejects.toMatchObject({
      message: `Data row 7 of '${path}' has a duplicate ('x') id, as data row 3 has; ids must be unique and non-empty.`,
    });
  });
});
