import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedColumn, loadColumns, RunnerError } from '@assay/runner';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const labels = ['cat', 'dog', 'cat', 'bird', 'dog', 'cat'];
const preds = ['cat', 'cat', 'cat', 'bird', 'dog', 'fish'];
const ints = [2, 0, 2, 1, 0, 2];
const scores = [0.25, 0.5, 0.75, 0.125, 1, 0];
const columns = { label: 'label', pred: 'label', cls: 'auto', score: 'number' } as const;

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number') return Array.from(column.values);
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

beforeAll(() => {
  const csv = [
    'label,pred,cls,score',
    ...labels.map((l, i) => `${l},${preds[i]},${ints[i]},${scores[i]}`),
  ];
  writeFileSync(join(dir, 'p.csv'), `${csv.join('\n')}\n`);
  writeFileSync(join(dir, 'p.tsv'), `${csv.map((l) => l.replaceAll(',', '\t')).join('\n')}\n`);
  writeFileSync(
    join(dir, 'p.jsonl'),
    labels
      .map((l, i) => JSON.stringify({ label: l, pred: preds[i], cls: ints[i], score: scores[i] }))
      .join('\n'),
  );
  const table = tableFromArrays({
    label: labels,
    pred: preds,
    cls: Int32Array.from(ints),
    score: Float64Array.from(scores),
  });
  writeFileSync(join(dir, 'p.arrow'), tableToIPC(table, 'file'));
  writeFileSync(join(dir, 'p.arrows'), tableToIPC(table, 'stream'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'label', data: labels },
      { name: 'pred', data: preds },
      { name: 'cls', data: Int32Array.from(ints) },
      { name: 'score', data: Float64Array.from(scores) },
    ],
  });
  writeFileSync(join(dir, 'p.parquet'), new Uint8Array(parquet));
});

describe('loadColumns', () => {
  test.each(['p.csv', 'p.tsv', 'p.jsonl', 'p.arrow', 'p.arrows', 'p.parquet'])(
    '%s loads the same columns',
    async (name) => {
      const table = await loadColumns(join(dir, name), { columns });
      expect(table.n).toBe(6);
      expect(decode(table.columns.get('label'))).toEqual(labels);
      expect(decode(table.columns.get('pred'))).toEqual(preds);
      expect(decode(table.columns.get('cls'))).toEqual(ints);
      expect(decode(table.columns.get('score'))).toEqual(scores);
      const score = table.columns.get('score');
      expect(score?.kind === 'number' && score.values.buffer instanceof SharedArrayBuffer).toBe(
        true,
      );
      const label = table.columns.get('label');
      expect(label?.kind === 'label' && label.codes.buffer instanceof SharedArrayBuffer).toBe(true);
    },
  );

  test('numeric text labels in a CSV become numbers', async () => {
    const table = await loadColumns(join(dir, 'p.csv'), { columns: { cls: 'label' } });
    const cls = table.columns.get('cls');
    expect(cls?.kind).toBe('label');
    expect(decode(cls)).toEqual(ints);
  });

  test('empty cells are missing: NaN for numbers, null for labels', async () => {
    writeFileSync(join(dir, 'gaps.csv'), 'y,s\na,0.5\n,\nb,0.25\n');
    const table = await loadColumns(join(dir, 'gaps.csv'), {
      columns: { y: 'label', s: 'number' },
    });
    expect(decode(table.columns.get('y'))).toEqual(['a', null, 'b']);
    expect(decode(table.columns.get('s'))).toEqual([0.5, Number.NaN, 0.25]);
  });

  test('an unknown column names the columns that exist', async () => {
    for (const name of ['p.csv', 'p.jsonl', 'p.arrow', 'p.parquet']) {
      const error = await loadColumns(join(dir, name), { columns: { nope: 'auto' } }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(RunnerError);
      expect(error.code).toBe('MISSING_COLUMN');
      expect(error.message).toContain('"nope"');
      expect(error.message).toContain('"label", "pred", "cls", "score"');
    }
  });

  test('an unknown column close to one that exists suggests it', async () => {
    const error = await loadColumns(join(dir, 'p.jsonl'), { columns: { lable: 'auto' } }).catch(
      (e) => e,
    );
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.message).toBe(
      `${join(dir, 'p.jsonl')} has no column "lable"; did you mean 'label'? The columns are: "label", "pred", "cls", "score".`,
    );
  });

  test('several unknown columns each get the column they most likely meant', async () => {
    const error = await loadColumns(join(dir, 'p.csv'), {
      columns: { lable: 'auto', prd: 'auto' },
    }).catch((e) => e);
    expect(error.message).toContain(
      `has no column "lable", "prd"; did you mean 'label' for "lable", 'pred' for "prd"? The columns are:`,
    );
  });

  test('a missing file is FILE_NOT_FOUND', async () => {
    const error = await loadColumns(join(dir, 'absent.csv'), { columns }).catch((e) => e);
    expect(error.code).toBe('FILE_NOT_FOUND');
  });

  test('an empty file and a header-only CSV are EMPTY_FILE', async () => {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeFileSync(join(dir, 'header.csv'), 'label,pred\n');
    for (const name of ['empty.jsonl', 'header.csv']) {
      const error = await loadColumns(join(dir, name), { columns: { label: 'auto' } }).catch(
        (e) => e,
      );
      expect(error.code).toBe('EMPTY_FILE');
    }
  });

  test('a ragged CSV row names its line', async () => {
    writeFileSync(join(dir, 'ragged.csv'), 'a,b\n1,2\n3\n4,5\n');
    const error = await loadColumns(join(dir, 'ragged.csv'), { columns: { a: 'auto' } }).catch(
      (e) => e,
    );
    expect(error.code).toBe('RAGGED_ROW');
    expect(error.message).toContain('line 3');
  });

  test('a non-numeric score names its line', async () => {
    writeFileSync(join(dir, 'bad-score.csv'), 'y,s\n1,0.5\n0,high\n');
    const error = await loadColumns(join(dir, 'bad-score.csv'), { columns: { s: 'number' } }).catch(
      (e) => e,
    );
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain('"high"');
    expect(error.message).toContain('line 3');
  });

  test('a JSONL line that is not JSON names its line', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"y": 1}\n{"y": \n');
    const error = await loadColumns(join(dir, 'bad.jsonl'), { columns: { y: 'auto' } }).catch(
      (e) => e,
    );
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('line 2');
  });

  test('a JSON array file is told apart from JSON Lines, one line or pretty-printed', async () => {
    for (const [name, text] of [
      ['one-line.json', '[{"y": 1}, {"y": 0}]\n'],
      ['pretty.jsonl', '\n[\n  {"y": 1},\n  {"y": 0}\n]\n'],
    ] as const) {
      writeFileSync(join(dir, name), text);
      const error = await loadColumns(join(dir, name), {
        columns: { y: 'auto' },
        format: 'jsonl',
      }).catch((e) => e);
      expect(error.code).toBe('UNREADABLE_FILE');
      expect(error.message).toContain('starts a JSON array ("[")');
      expect(error.message).toContain("jq -c '.[]'");
    }
    // an array on a later line is a record that is not an object, as before
    writeFileSync(join(dir, 'later.jsonl'), '{"y": 1}\n[1, 2]\n');
    const later = await loadColumns(join(dir, 'later.jsonl'), { columns: { y: 'auto' } }).catch(
      (e) => e,
    );
    expect(later.message).toContain('line 2 is not a JSON object');
  });

  test('a corrupt Parquet file is UNREADABLE_FILE', async () => {
    writeFileSync(join(dir, 'corrupt.parquet'), 'not a parquet file at all');
    const error = await loadColumns(join(dir, 'corrupt.parquet'), { columns: { y: 'auto' } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RunnerError);
    expect(error.code).toBe('UNREADABLE_FILE');
  });

  test('bytes that are no Arrow IPC data are UNREADABLE_FILE, not a file without columns', async () => {
    writeFileSync(join(dir, 'garbage.arrow'), 'garbage');
    const error = await loadColumns(join(dir, 'garbage.arrow'), { columns: { y: 'auto' } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RunnerError);
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/garbage\.arrow could not be read: it is not an Arrow IPC file/);
  });

  test('an unknown extension asks for --input-format', async () => {
    writeFileSync(join(dir, 'data.xyz'), 'a\n1\n');
    const error = await loadColumns(join(dir, 'data.xyz'), { columns: { a: 'auto' } }).catch(
      (e) => e,
    );
    expect(error.code).toBe('UNKNOWN_FORMAT');
    const table = await loadColumns(join(dir, 'data.xyz'), {
      columns: { a: 'auto' },
      format: 'csv',
    });
    expect(table.n).toBe(1);
  });
});
