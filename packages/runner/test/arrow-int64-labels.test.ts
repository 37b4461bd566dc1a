import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ColumnKind,
  type LoadedColumn,
  type LoadedTable,
  loadColumns,
  type ScoreReport,
  scorePredictions,
} from '@assay/runner';
import {
  type DataType,
  Int8,
  Int16,
  Int32,
  Int64,
  Table,
  tableToIPC,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

// pandas / pyarrow write integer columns as Int64: such a file crashed `int32Values` with
// "Cannot mix BigInt and other types" (an Int64 column was taken for a narrow integer one)

const dir = mkdtempSync(join(tmpdir(), 'assay-arrow-int64-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yTrue = [1, 0, 2, 2, 1, 0, 0, 1, 2, 1, 0, 2];
const yPred = [1, 0, 1, 2, 1, 2, 0, 0, 2, 1, 0, 0];
const part = [3, 3, 7, 7, 3, 7, 3, 7, 3, 7, 3, 7];
const item = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
const ROLES = { yTrue: 'y', yPred: 'p', slice: 's', group: 'g' } as const;
const KINDS: Record<string, ColumnKind>[] = [
  { y: 'auto', p: 'auto', s: 'label', g: 'label' },
  { y: 'label', p: 'label', s: 'label', g: 'label' },
];

function column(values: readonly (number | null)[], type: DataType) {
  const big = type instanceof Int64 || type instanceof Uint64;
  return vectorFromArray(
    values.map((v) => (v === null ? null : big ? BigInt(v) : v)),
    type,
  );
}

function writeArrow(name: string, columns: Record<string, ReturnType<typeof column>>): string {
  const file = join(dir, name);
  writeFileSync(file, tableToIPC(new Table(columns), 'file'));
  return file;
}

function writeCsv(name: string, columns: Record<string, readonly (number | null)[]>): string {
  const names = Object.keys(columns);
  const rows = columns[names[0]!]!.map((_, i) =>
    names.map((c) => (columns[c]![i] === null ? '' : String(columns[c]![i]))).join(','),
  );
  const file = join(dir, name);
  writeFileSync(file, `${names.join(',')}\n${rows.join('\n')}\n`);
  return file;
}

function decode(column: LoadedColumn | undefined): unknown[] {
  if (column === undefined) throw new Error('column missing');
  if (column.kind === 'number')
    return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c]));
}

async function score(table: LoadedTable): Promise<Omit<ScoreReport, 'timing'>> {
  const { timing: _, ...report } = await scorePredictions(
    { table, roles: ROLES },
    { workers: 0, metrics: ['accuracy', 'f1_macro', 'precision_macro'], cv: 'group:3' },
  );
  return report;
}

describe('Arrow 64-bit integer label, slice and group columns', () => {
  const csv = writeCsv('same.csv', { y: yTrue, p: yPred, s: part, g: item });

  test.each([
    ['Int64', new Int64()],
    ['Uint64', new Uint64()],
    ['Int32', new Int32()],
    ['Uint32', new Uint32()],
    ['Int16', new Int16()],
    ['Uint16', new Uint16()],
    ['Int8', new Int8()],
    ['Uint8', new Uint8()],
  ])(
    '%s columns score as the same values in a CSV (labels, slices, groups)',
    async (name, type) => {
      const file = writeArrow(`same-${name}.arrow`, {
        y: column(yTrue, type),
        p: column(yPred, type),
        s: column(part, type),
        g: column(item, type),
      });
      for (const kinds of KINDS) {
        const fromArrow = await loadColumns(file, { columns: kinds });
        const fromCsv = await loadColumns(csv, { columns: kinds });
        for (const c of Object.keys(kinds)) {
          expect(decode(fromArrow.columns.get(c)), `${name} ${c}`).toEqual(
            decode(fromCsv.columns.get(c)),
          );
        }
        const report = await score(fromArrow);
        expect(report).toEqual(await score(fromCsv));
        expect(report.task).toBe('classification');
        expect(report.overall.accuracy!.value).toBeCloseTo(8 / 12, 14);
        expect(Object.keys(report.slices!).sort()).toEqual(['3', '7']);
        expect(report.folds).toHaveLength(3);
      }
    },
  );

  test('Int64 slice and group columns beside Int32 labels score as the same CSV', async () => {
    const file = writeArrow('int64-slice-group.arrow', {
      y: column(yTrue, new Int32()),
      p: column(yPred, new Int32()),
      s: column(part, new Int64()),
      g: column(item, new Int64()),
    });
    const kinds = KINDS[0]!;
    const report = await score(await loadColumns(file, { columns: kinds }));
    expect(report).toEqual(await score(await loadColumns(csv, { columns: kinds })));
    expect(report.slices!['3']!.n).toBe(6);
    expect(report.folds.map((f) => f.nTest)).toEqual([4, 4, 4]);
  });

  test('Int64 nulls, negative values, values beyond Int32 and several batches', async () => {
    const values = [5, null, -4, 2 ** 40, 5, -(2 ** 40), null, 2 ** 53 - 1, -(2 ** 53 - 1)];
    const small = [-3, null, 7, 7, -3, 0, null, 0, 7];
    const a = new Table({ y: column(values.slice(0, 4), new Int64()) });
    const b = new Table({ y: column(values.slice(4), new Int64()) });
    const t = new Table({
      y: column(values, new Int64()),
      z: column(small, new Int64()),
      u: column(
        values.map((v) => (v === null ? null : Math.abs(v))),
        new Uint64(),
      ),
    });
    const file = join(dir, 'wide.arrow');
    writeFileSync(file, tableToIPC(t, 'file'));
    const batches = join(dir, 'batches.arrow');
    writeFileSync(batches, tableToIPC(a.concat(b), 'file'));
    for (const kind of ['label', 'auto'] as const) {
      const table = await loadColumns(file, { columns: { y: kind, z: kind, u: kind } });
      expect(decode(table.columns.get('y'))).toEqual(values);
      expect(decode(table.columns.get('z'))).toEqual(small);
      expect(decode(table.columns.get('u'))).toEqual(
        values.map((v) => (v === null ? null : Math.abs(v))),
      );
      const split = await loadColumns(batches, { columns: { y: kind } });
      expect(decode(split.columns.get('y'))).toEqual(values);
    }
    // small Int64 values become labels as Int32 ones do: a sorted numeric dictionary
    const z = (await loadColumns(file, { columns: { z: 'auto' } })).columns.get('z')!;
    expect(z.kind === 'label' && z.dictionary).toEqual([-3, 0, 7]);
  });

  test('an Int64 / Uint64 label beyond 2^53 - 1 is UNSAFE_INTEGER_LABEL naming the column', async () => {
    // as numbers 2^53 + 1 and 2^53 are one double: the two rows would count as agreeing
    const file = writeArrow('ids.arrow', {
      y: vectorFromArray(BigInt64Array.from([9007199254740993n, 1n])),
      p: vectorFromArray(BigInt64Array.from([9007199254740992n, 1n])),
      neg: vectorFromArray(BigInt64Array.from([1n, -9007199254740992n])),
      u: vectorFromArray(BigUint64Array.from([18446744073709551615n, 0n])),
      s: vectorFromArray(BigInt64Array.from([0n, 1n])),
    });
    const yError = await runnerRejection(
      loadColumns(file, { columns: { y: 'label', p: 'label' } }),
    );
    expect(yError.code).toBe('UNSAFE_INTEGER_LABEL');
    expect(yError.path).toBe('y');
    expect(yError.message).toMatch(
      /^Column "y" has the label 9007199254740993, an integer beyond 2\^53 - 1/,
    );
    for (const [c, value] of [
      ['neg', '-9007199254740992'],
      ['u', '18446744073709551615'],
    ] as const) {
      const error = await runnerRejection(loadColumns(file, { columns: { [c]: 'label' } }));
      expect(error.code).toBe('UNSAFE_INTEGER_LABEL');
      expect(error.path).toBe(c);
      expect(error.message).toContain(`"${c}" has the label ${value},`);
    }
    // an Int64 score or weight column beyond 2^53 is still a number (exact only to 2^53)
    const numbers = await loadColumns(file, { columns: { y: 'number', u: 'number' } });
    expect(decode(numbers.columns.get('y'))).toEqual([9007199254740992, 1]);
    expect(decode(numbers.columns.get('u'))).toEqual([2 ** 64, 0]);
  });

  test('read as `auto` (as `assay score` reads labels), such a column is refused when scored as labels', async () => {
    const file = writeArrow('auto-ids.arrow', {
      y: vectorFromArray(BigInt64Array.from([9007199254740993n, 1n])),
      p: vectorFromArray(BigInt64Array.from([9007199254740992n, 1n])),
    });
    const table = await loadColumns(file, { columns: { y: 'auto', p: 'auto' } });
    const error = await runnerRejection(
      scorePredictions({ table, roles: { yTrue: 'y', yPred: 'p' } }, { workers: 0 }),
    );
    expect(error.code).toBe('UNSAFE_INTEGER_LABEL');
    expect(error.path).toBe('y');
  });
});
