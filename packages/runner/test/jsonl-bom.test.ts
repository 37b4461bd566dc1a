import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-jsonl-bom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a JSONL file saved with a byte-order mark', () => {
  test('reads as the same file without it, CRLF line ends included', async () => {
    const file = join(dir, 'bom.jsonl');
    writeFileSync(file, '\ufeff{"y": 1, "p": 0.25}\r\n{"y": 0, "p": 0.75}\r\n');
    const table = await loadColumns(file, { columns: { y: 'number', p: 'number' } });
    expect(table.n).toBe(2);
    const p = table.columns.get('p');
    expect(p?.kind).toBe('number');
    expect(Array.from((p as { values: Float64Array }).values)).toEqual([0.25, 0.75]);
    expect(table.available).toEqual(['y', 'p']);
  });
});
