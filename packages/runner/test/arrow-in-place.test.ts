import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedColumn, loadColumns } from '@assay/runner';
import {
  Dictionary,
  Float64,
  Int8,
  Int32,
  makeVector,
  type RecordBatch,
  Table,
  tableFromArrays,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-arrow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number') return Array.from(column.values);
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

function write(name: string, table: Table, format: 'file' | 'stream' = 'file'): string {
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(table, format));
  return path;
}

describe('Arrow columns read in place', () => {
  test('an Int32 column of the values 0..K-1 is a view of the file bytes, not a copy', async () => {
    const file = write('codes.arrow', tableFromArrays({ y: Int32Array.from([2, 0, 1, 1, 2]) }));
    const table = await loadColumns(file, { columns: { y: 'label' } });
    const y = table.columns.get('y');
    expect(y?.kind).toBe('label');
    if (y?.kind !== 'label') return;
    expect(decode(y)).toEqual([2, 0, 1, 1, 2]);
    expect(y.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    // the codes share the buffer that holds the whole file (schema, footer and all)
    expect(y.codes.buffer.byteLength).toBeGreaterThan(y.codes.byteLength);
  });

  test('a Float64 column is a view of the file bytes', async () => {
    const file = write('scores.arrow', tableFromArrays({ s: Float64Array.from([0.5, 0.25]) }));
    const table = await loadColumns(file, { columns: { s: 'number' } });
    const s = table.columns.get('s');
    expect(decode(s)).toEqual([0.5, 0.25]);
    expect(s?.kind === 'number' && s.values.buffer.byteLength > s.values.byteLength).toBe(true);
  });

  test('integer labels outside 0..K-1, Int8 values and nulls read as the values they hold', async () => {
    const wide = vectorFromArray([7, null, -3, 7, null], new Int32());
    const small = vectorFromArray([1, 1, null, 4, 5], new Int8());
    const file = write('nulls.arrow', new Table({ wide, small }));
    const table = await loadColumns(file, { columns: { wide: 'auto', small: 'label' } });
    expect(decode(table.columns.get('wide'))).toEqual([7, null, -3, 7, null]);
    expect(decode(table.columns.get('small'))).toEqual([1, 1, null, 4, 5]);
  });

  test('a table of several record batches reads every batch in order', async () => {
    const a = tableFromArrays({ y: Int32Array.from([0, 1]), s: Float64Array.from([0.1, 0.2]) });
    const b = tableFromArrays({ y: Int32Array.from([1, 0, 1]), s: Float64Array.from([1, 2, 3]) });
    const table = new Table([...a.batches, ...b.batches] as RecordBatch[]);
    for (const format of ['file', 'stream'] as const) {
      const file = write(`batches.${format === 'file' ? 'arrow' : 'arrows'}`, table, format);
      const loaded = await loadColumns(file, { columns: { y: 'auto', s: 'number' } });
      expect(decode(loaded.columns.get('y'))).toEqual([0, 1, 1, 0, 1]);
      expect(decode(loaded.columns.get('s'))).toEqual([0.1, 0.2, 1, 2, 3]);
    }
  });

  test('dictionary-encoded strings keep their labels, nulls and repeated dictionary values', async () => {
    const type = new Dictionary(new Utf8(), new Int32());
    const dictionary = vectorFromArray(['spam', 'ham', 'spam'], new Utf8());
    const data = makeVector({
      type,
      length: 5,
      data: Int32Array.from([0, 1, 2, 1, 0]),
      nullBitmap: Uint8Array.from([0b11011]),
      dictionary,
    });
    const file = write('dict.arrow', new Table({ y: data }));
    const table = await loadColumns(file, { columns: { y: 'label' } });
    expect(decode(table.columns.get('y'))).toEqual(['spam', 'ham', null, 'ham', 'spam']);
  });

  test('numeric text beside other text in a dictionary stays text; float nulls are NaN', async () => {
    const file = write(
      'mixed.arrow',
      new Table({
        y: vectorFromArray(['1', 'a', '1'], new Dictionary(new Utf8(), new Int32())),
      }),
    );
    const table = await loadColumns(file, { columns: { y: 'label' } });
    expect(decode(table.columns.get('y'))).toEqual(['1', 'a', '1']);
    const float = write(
      'float.arrow',
      new Table({ f: vectorFromArray([1.5, null], new Float64()) }),
    );
    const floats = await loadColumns(float, { columns: { f: 'number' } });
    expect(decode(floats.columns.get('f'))).toEqual([1.5, Number.NaN]);
  });
});
