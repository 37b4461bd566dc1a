import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRunner,
  type LoadedTable,
  loadColumns,
  RunnerError,
  type ScoreReport,
} from '@assay/runner';
import {
  type DataType,
  Dictionary,
  Float64,
  Int32,
  LargeUtf8,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, test } from 'vitest';
import { csvFileWriter } from './helpers/csv-test-files.js';

interface MulticlassCase {
  classes: string[];
  yTrue: string[];
  yPred: string[];
  proba: number[][];
  expected: Record<string, number>;
}

/** scikit-learn 1.2 on string labels; made by fixtures/make-string-typed-labels.py. */
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/string-typed-labels.json', import.meta.url), 'utf8'),
) as {
  multiclass: Record<string, MulticlassCase>;
  binary: {
    yTrue: string[];
    yPred: string[];
    score: number[];
    posLabel: string;
    expected: Record<string, number>;
  };
  trial: { yTrue: string[]; yPred: string[]; accuracy: number; csvAccuracy: number };
};

const files = csvFileWriter('assay-string-typed-labels-');
const runner = createRunner({ workers: 0 });
afterAll(async () => {
  await runner.close();
  rmSync(files.dir, { recursive: true, force: true });
});

/** The Arrow string types a label column may have: pandas writes Utf8 or LargeUtf8. */
const STRING_TYPES: Record<string, () => DataType> = {
  Utf8: () => new Utf8(),
  LargeUtf8: () => new LargeUtf8(),
  'Dictionary<Utf8>': () => new Dictionary(new Utf8(), new Int32()),
};

type Columns = Record<string, string[] | number[]>;
let written = 0;

function writeArrow(columns: Columns, stringType: () => DataType): string {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, data]) => [
      name,
      typeof data[0] === 'string'
        ? vectorFromArray(data, stringType())
        : vectorFromArray(data, new Float64()),
    ]),
  );
  const file = join(files.dir, `t${written++}.arrow`);
  writeFileSync(file, tableToIPC(new Table(vectors), 'file'));
  return file;
}

function writeParquet(columns: Columns): string {
  const buffer = parquetWriteBuffer({
    columnData: Object.entries(columns).map(([name, data]) => ({
      name,
      data,
      type: typeof data[0] === 'string' ? ('STRING' as const) : ('DOUBLE' as const),
    })),
  });
  const file = join(files.dir, `t${written++}.parquet`);
  writeFileSync(file, new Uint8Array(buffer));
  return file;
}

/** Each way of writing the columns: Arrow of each string type, and Parquet. */
function writers(): [string, (columns: Columns) => string][] {
  const arrow = Object.entries(STRING_TYPES).map(
    ([type, make]): [string, (columns: Columns) => string] => [
      `Arrow ${type}`,
      (columns) => writeArrow(columns, make),
    ],
  );
  return [...arrow, ['Parquet STRING', writeParquet]];
}

async function load(file: string, names: string[]): Promise<LoadedTable> {
  const columns = new Map(names.map((n) => [n, n.startsWith('p_') ? 'number' : 'auto'] as const));
  return loadColumns(file, { columns });
}

function expectReference(report: ScoreReport, expected: Record<string, number>): void {
  for (const [metric, value] of Object.entries(expected)) {
    expect(report.overall[metric]!.value, metric).toBeCloseTo(value, 12);
  }
}

describe.each(writers())('%s: a label column keeps its labels as text', (_, write) => {
  test('"1", "1.0" and "01" are three labels, as pandas.read_parquet gives them', async () => {
    const { yTrue, yPred, accuracy } = reference.trial;
    const table = await load(write({ y: yTrue, p: yPred }), ['y', 'p']);
    const report = await runner.scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p' } },
      { metrics: ['accuracy'] },
    );
    expect(report.labels).toEqual(['01', '1', '1.0']);
    expect(report.overall.accuracy!.value).toBeCloseTo(accuracy, 15);
  });

  test.each(Object.entries(reference.multiclass))(
    '%s: classes and probability columns in string order score as scikit-learn',
    async (_, c) => {
      const proba = c.classes.map((k) => `p_${k}`);
      const columns: Columns = { y: c.yTrue, yhat: c.yPred };
      c.classes.forEach((_, j) => {
        columns[proba[j]!] = c.proba.map((row) => row[j]!);
      });
      const table = await load(write(columns), Object.keys(columns));
      const report = await runner.scorePredictions(
        { table, roles: { yTrue: 'y', yPred: 'yhat', yProba: proba } },
        { metrics: Object.keys(c.expected) },
      );
      expect(report.labels).toEqual(c.classes);
      expectReference(report, c.expected);
    },
  );

  test('--pos-label 1 names the text label "1"', async () => {
    const { yTrue, yPred, score, posLabel, expected } = reference.binary;
    const table = await load(write({ y: yTrue, yhat: yPred, p_1: score }), ['y', 'yhat', 'p_1']);
    // the CLI passes the flag as text; a number means its text for string labels
    for (const given of [posLabel, Number(posLabel)]) {
      const report = await runner.scorePredictions(
        { table, roles: { yTrue: 'y', yPred: 'yhat', yScore: 'p_1' } },
        { metrics: Object.keys(expected), posLabel: given },
      );
      expect(report.labels).toEqual(['0', '1']);
      expectReference(report, expected);
    }
  });
});

describe('what a string column of "0" and "1" needs', () => {
  const { yTrue, yPred, score } = reference.binary;
  const file = writeParquet({ y: yTrue, yhat: yPred, p_1: score });

  async function rejection(posLabel: string | undefined): Promise<RunnerError> {
    const table = await load(file, ['y', 'yhat', 'p_1']);
    const error = await runner
      .scorePredictions(
        { table, roles: { yTrue: 'y', yPred: 'yhat', yScore: 'p_1' } },
        { metrics: ['f1'], posLabel },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    return error as RunnerError;
  }

  test('without posLabel, f1 is refused as scikit-learn refuses it, saying the labels are text', async () => {
    const error = await rejection(undefined);
    expect(error.message).toContain('--pos-label 0 or --pos-label 1');
    expect(error.message).toContain(
      'These labels are text, not numbers: a string column of an Arrow or Parquet file keeps its labels as text',
    );
  });

  test('a posLabel that is the same number written otherwise names the label meant', async () => {
    const error = await rejection('1.0');
    expect(error.message).toBe(
      'posLabel is "1.0", which is not one of the labels ("0", "1"); did you mean "1"? The labels are text, compared exactly as written, so "1.0" is another label.',
    );
  });
});

test('a CSV of the same labels still reads them as numbers, as pandas.read_csv does', async () => {
  const { yTrue, yPred, csvAccuracy } = reference.trial;
  const csv = files.write(['y,p', ...yTrue.map((y, i) => `${y},${yPred[i]}`)].join('\n'));
  const table = await load(csv, ['y', 'p']);
  const report = await runner.scorePredictions(
    { table, roles: { yTrue: 'y', yPred: 'p' } },
    { metrics: ['accuracy'] },
  );
  expect(report.labels).toEqual([1]);
  expect(report.overall.accuracy!.value).toBe(csvAccuracy);
});
