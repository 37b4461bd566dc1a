import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedColumn, type LoadedTable, loadColumns, RunnerError } from '@assay/runner';
import fc from 'fast-check';
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, test } from 'vitest';
import { ParquetChunkFile, readFastColumn } from '../src/io/parquet-fast-reader.js';
import { withDataPagesV1 } from './helpers/parquet-v1-pages.js';

type Physical = 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE';

interface Case {
  readonly type: Physical;
  readonly nullable: boolean;
  readonly dictionary: boolean;
  readonly codec: 'UNCOMPRESSED' | 'SNAPPY';
  readonly pages: 'v1' | 'v2';
}

const dir = mkdtempSync(join(tmpdir(), 'assay-parquet-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = 1000;

/** Deterministic values of a type: few distinct ones (dictionary) or many (PLAIN). */
function values(type: Physical, rows: number, distinct: number, nullable: boolean): unknown[] {
  let s = 0x9e3779b9 | 0;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const out: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const r = next();
    if (nullable && r % 7 === 0) {
      out.push(null);
      continue;
    }
    const k = next() % distinct;
    if (type === 'INT32') out.push(k % 3 === 0 ? -k * 1000 : k);
    else if (type === 'INT64') out.push(k % 5 === 0 ? 2n ** 52n + BigInt(k) * 3n : BigInt(k - 2));
    else if (type === 'FLOAT') out.push(Math.fround(k / 10));
    else out.push(k === 1 ? -0 : k === 2 ? Number.NaN : k / 3);
  }
  return out;
}

function writeCase(
  c: Case,
  name: string,
  data: unknown[],
  rowGroupSize = 300,
  dropDictionaryOf = -1,
): string {
  const path = join(dir, `${name}.parquet`);
  const bytes = parquetWriteBuffer({
    columnData: [
      {
        name: 'x',
        data: data as never,
        type: c.type,
        nullable: c.nullable,
        ...(c.dictionary ? {} : { encoding: 'PLAIN' as const }),
        columnIndex: false,
        offsetIndex: false,
      },
    ],
    codec: c.codec,
    rowGroupSize,
    pageSize: 256,
    statistics: false,
  });
  writeFileSync(
    path,
    c.pages === 'v1' ? withDataPagesV1(bytes, dropDictionaryOf) : new Uint8Array(bytes),
  );
  return path;
}

/** The column as the fast path decodes it (undefined: it declined). */
async function fastColumn(path: string, asLabels: boolean): Promise<LoadedColumn | undefined> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  const node = parquetSchema(metadata).children[0]!;
  const file = await ParquetChunkFile.open(path);
  try {
    return await readFastColumn(file, metadata, 'x', node, asLabels, Number(metadata.num_rows));
  } finally {
    await file.close();
  }
}

async function withHyparquet(path: string, kind: 'label' | 'auto'): Promise<LoadedTable> {
  process.env.ASSAY_PARQUET_READER = 'hyparquet';
  try {
    return await loadColumns(path, { columns: { x: kind } });
  } finally {
    delete process.env.ASSAY_PARQUET_READER;
  }
}

function plainArray(column: LoadedColumn): unknown {
  if (column.kind === 'number') return { values: Array.from(column.values) };
  return { codes: Array.from(column.codes), dictionary: column.dictionary };
}

/** Checks that the fast path decodes the file and gives what hyparquet gives, both kinds. */
async function expectSameAsHyparquet(path: string): Promise<void> {
  for (const kind of ['label', 'auto'] as const) {
    const fast = await fastColumn(path, kind === 'label');
    expect(fast, `fast path declined ${path}`).toBeDefined();
    const table = await loadColumns(path, { columns: { x: kind } });
    const reference = (await withHyparquet(path, kind)).columns.get('x')!;
    expect(plainArray(table.columns.get('x')!)).toEqual(plainArray(reference));
    expect(plainArray(fast!)).toEqual(plainArray(reference));
    const shared = fast!.kind === 'number' ? fast!.values.buffer : fast!.codes.buffer;
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
  }
}

const cases: Case[] = [];
for (const type of ['INT32', 'INT64', 'FLOAT', 'DOUBLE'] as const)
  for (const nullable of [false, true])
    for (const dictionary of [true, false])
      for (const codec of ['UNCOMPRESSED', 'SNAPPY'] as const)
        for (const pages of ['v1', 'v2'] as const)
          cases.push({ type, nullable, dictionary, codec, pages });

describe('the fast Parquet path', () => {
  test.each(cases)(
    '$type nullable=$nullable dictionary=$dictionary $codec pages $pages reads what hyparquet reads',
    async (c) => {
      const name = `${c.type}-${c.nullable}-${c.dictionary}-${c.codec}-${c.pages}`;
      const data = values(c.type, ROWS, c.dictionary ? 12 : 100_000, c.nullable);
      await expectSameAsHyparquet(writeCase(c, name, data));
    },
  );

  test('INT64 values become the numbers Number() gives, beyond 2^53 too', async () => {
    const data = [2n ** 53n + 1n, -(2n ** 62n) - 3n, 0n, -1n, 2n ** 63n - 1n];
    const c: Case = {
      type: 'INT64',
      nullable: false,
      dictionary: false,
      codec: 'SNAPPY',
      pages: 'v2',
    };
    const fast = await fastColumn(writeCase(c, 'int64-edges', data), false);
    expect(fast?.kind === 'number' && Array.from(fast.values)).toEqual(data.map(Number));
  });

  test('INT64 labels beyond 2^53 are refused as on the hyparquet path', async () => {
    const data = [2n ** 60n, 1n];
    const c: Case = {
      type: 'INT64',
      nullable: false,
      dictionary: true,
      codec: 'SNAPPY',
      pages: 'v1',
    };
    const path = writeCase(c, 'int64-big-labels', data);
    const fast = await loadColumns(path, { columns: { x: 'label' } }).catch((e: unknown) => e);
    process.env.ASSAY_PARQUET_READER = 'hyparquet';
    const slow = await loadColumns(path, { columns: { x: 'label' } }).catch((e: unknown) => e);
    delete process.env.ASSAY_PARQUET_READER;
    expect(fast).toBeInstanceOf(RunnerError);
    expect((fast as RunnerError).message).toBe((slow as RunnerError).message);
  });

  test('label codes follow the first-seen row order, not the dictionary page order', async () => {
    const data = [5, 3, 5, null, 9, 3, 1];
    const c: Case = {
      type: 'INT32',
      nullable: true,
      dictionary: true,
      codec: 'SNAPPY',
      pages: 'v1',
    };
    const fast = await fastColumn(writeCase(c, 'first-seen', data, 4), true);
    expect(fast?.kind === 'label' && fast.dictionary).toEqual([5, 3, 9, 1]);
    expect(fast?.kind === 'label' && Array.from(fast.codes)).toEqual([0, 1, 0, -1, 2, 1, 3]);
  });

  test('a row group without its dictionary page is not decoded with the previous one', async () => {
    const data = Array.from({ length: 120 }, (_, i) => [1, 2, 3][i % 3]!);
    const c: Case = {
      type: 'INT32',
      nullable: false,
      dictionary: true,
      codec: 'SNAPPY',
      pages: 'v1',
    };
    const path = writeCase(c, 'dict-whole', data, 40);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
    expect(metadata.row_groups.map((g) => g.columns[0]!.meta_data!.encodings)).toEqual(
      new Array(3).fill(['PLAIN', 'RLE_DICTIONARY']),
    );
    const whole = await fastColumn(path, true);
    expect(whole?.kind === 'label' && whole.dictionary).toEqual([1, 2, 3]);
    expect(await fastColumn(writeCase(c, 'dict-dropped', data, 40, 1), true)).toBeUndefined();
  });

  test('a column of only nulls reads as missing values', async () => {
    const data = [null, null, null];
    const c: Case = {
      type: 'DOUBLE',
      nullable: true,
      dictionary: false,
      codec: 'SNAPPY',
      pages: 'v2',
    };
    const path = writeCase(c, 'all-null', data);
    const fast = await fastColumn(path, false);
    expect(fast?.kind === 'number' && Array.from(fast.values)).toEqual([NaN, NaN, NaN]);
    await expectSameAsHyparquet(path);
  });

  test('an encoding it does not decode (DELTA_BINARY_PACKED) is read by hyparquet instead', async () => {
    const data = Int32Array.from({ length: 500 }, (_, i) => (i * 37) % 11);
    const path = join(dir, 'delta.parquet');
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'x', data, type: 'INT32', nullable: false, encoding: 'DELTA_BINARY_PACKED' },
      ],
    });
    writeFileSync(path, new Uint8Array(bytes));
    expect(await fastColumn(path, false)).toBeUndefined();
    const table = await loadColumns(path, { columns: { x: 'number' } });
    const x = table.columns.get('x');
    expect(x?.kind === 'number' && Array.from(x.values)).toEqual(Array.from(data));
  });

  test('random integer columns with nulls, row groups and page sizes match hyparquet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: -70_000, max: 70_000 }), { freq: 5 }), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('v1' as const, 'v2' as const),
        fc.boolean(),
        async (data, rowGroupSize, pages, dictionary) => {
          const nullable = data.some((v) => v === null);
          const c: Case = { type: 'INT32', nullable, dictionary, codec: 'SNAPPY', pages };
          await expectSameAsHyparquet(writeCase(c, 'property', data, rowGroupSize));
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });
});
