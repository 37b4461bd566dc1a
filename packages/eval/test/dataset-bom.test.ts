import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFileDataset } from '@assay/eval';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-bom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOM = '\ufeff';

describe('a data set saved with a byte-order mark reads as without one', () => {
  test.each([
    ['rows.jsonl', `${BOM}{"text": "hi", "label": "ham"}\r\n{"text": "win", "label": "spam"}\r\n`],
    ['rows.json', `${BOM}[{"text": "hi", "label": "ham"}, {"text": "win", "label": "spam"}]`],
    ['rows.csv', `${BOM}text,label\r\nhi,ham\r\nwin,spam\r\n`],
  ])('%s', async (name, body) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    const items = await loadFileDataset(path, { columns: { text: 'text', label: 'label' } });
    expect(items.map((item) => [item.fields.text, item.label])).toEqual([
      ['hi', 'ham'],
      ['win', 'spam'],
    ]);
  });
});
