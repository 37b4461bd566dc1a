import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '@assay/runner';
import { Field, List, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const outputs = ['Paris', '', ' two  spaces ', 'ünïcödé 👍', '1.0'];
const references = [['Paris', 'paris'], ['x', null], null, ['ünïcödé'], ['1']];
const lang = ['en', 'en', 'fr', 'de', 'en'];

beforeAll(() => {
  writeFileSync(
    join(dir, 't.jsonl'),
    outputs
      .map((o, i) => JSON.stringify({ out: o, refs: references[i], lang: lang[i] }))
      .join('\n'),
  );
  const listType = new List(new Field('item', new Utf8(), true));
  const table = new Table({
    out: vectorFromArray(outputs, new Utf8()),
    refs: vectorFromArray(references, listType),
    lang: vectorFromArray(lang, new Utf8()),
  });
  writeFileSync(join(dir, 't.arrow'), tableToIPC(table, 'file'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'out', data: outputs },
      { name: 'refs', data: references },
      { name: 'lang', data: lang },
    ],
    schema: [
      { name: 'root', num_children: 3 },
      { name: 'out', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'refs', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'lang', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    ],
  });
  writeFileSync(join(dir, 't.parquet'), new Uint8Array(parquet));
  // CSV has no arrays: one reference per cell, every cell text as written
  writeFileSync(
    join(dir, 't.csv'),
    `out,ref,lang\n${outputs.map((o, i) => `"${o}",${references[i]?.[0] ?? ''},${lang[i]}`).join('\n')}\n`,
  );
});

describe('text columns', () => {
  test.each(['t.jsonl', 't.arrow', 't.parquet'])(
    '%s gives strings as written and reference lists as arrays',
    async (name) => {
      const table = await loadColumns(join(dir, name), {
        columns: { out: 'text', refs: 'text', lang: 'label' },
      });
      expect(table.n).toBe(5);
      expect(table.texts?.get('out')?.values).toEqual(outputs);
      expect(table.texts?.get('refs')?.values).toEqual(references);
      expect(table.columns.has('out')).toBe(false);
      expect(table.columns.get('lang')?.kind).toBe('label');
    },
  );

  test('a CSV text cell stays text: no number parsing, an empty cell is the empty string', async () => {
    const table = await loadColumns(join(dir, 't.csv'), {
      columns: { out: 'text', ref: 'text' },
    });
    expect(table.texts?.get('out')?.values).toEqual(outputs);
    expect(table.texts?.get('ref')?.values).toEqual(['Paris', 'x', '', 'ünïcödé', '1']);
  });

  test('a table without text columns has no texts map', async () => {
    const table = await loadColumns(join(dir, 't.jsonl'), { columns: { lang: 'label' } });
    expect(table.texts).toBeUndefined();
  });

  test('an Arrow number column read as text is NON_TEXT_VALUE naming the row', async () => {
    const table = new Table({ n: vectorFromArray(Float64Array.of(1, 2)) });
    writeFileSync(join(dir, 'n.arrow'), tableToIPC(table, 'file'));
    const error = await runnerRejection(
      loadColumns(join(dir, 'n.arrow'), { columns: { n: 'text' } }),
    );
    expect(error.code).toBe('NON_TEXT_VALUE');
    expect(error.message).toContain('at data row 1;');
  });
});
