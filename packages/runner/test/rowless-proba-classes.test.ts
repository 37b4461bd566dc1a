import { readFileSync, rmSync } from 'node:fs';
import { createRunner, loadColumns, RunnerError, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { csvFileWriter } from './helpers/csv-test-files.js';

type Label = string | number;
interface Case {
  labels: Label[];
  yTrue: Label[];
  yPred: Label[];
  proba: number[][];
  expected: Record<string, number>;
}

/** scikit-learn 1.2 with labels=; made by fixtures/make-rowless-proba-classes.py. */
const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/rowless-proba-classes.json', import.meta.url), 'utf8'),
) as { cases: Record<string, Case> };

const METRICS = [
  'log_loss',
  'top_k_accuracy',
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'roc_auc_ovo',
  'roc_auc_ovo_weighted',
];
const files = csvFileWriter('assay-rowless-proba-');
const runners = [0, 2].map((workers) => createRunner({ workers }));
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
  rmSync(files.dir, { recursive: true, force: true });
});

function expectSklearn(report: ScoreReport, c: Case): void {
  for (const metric of METRICS) {
    expect(report.overall[metric]!.value, metric).toBeCloseTo(c.expected[metric]!, 12);
  }
  const sorted = [...c.labels].sort((a, b) =>
    typeof a === 'number' ? a - (b as number) : a < b ? -1 : 1,
  );
  expect(report.labels).toEqual(sorted);
  const absent = c.labels.filter((l) => !c.yTrue.includes(l) && !c.yPred.includes(l));
  expect(report.warnings.join('\n')).toContain(`labels lists ${JSON.stringify(absent[0])}`);
  // one-vs-one over the classes y_true has is scikit-learn's value with labels=: no warning
  expect(report.warnings.join('\n')).not.toContain('never occur in y_true');
}

describe('probability columns of a class no row has, listed in labels (scikit-learn’s labels=)', () => {
  describe.each(Object.entries(cases))('%s', (_, c) => {
    const k = c.proba[0]!.length;
    test.each([0, 1])('in memory, runner %i', async (r) => {
      const report = await runners[r]!.scorePredictions(
        {
          yTrue: c.yTrue,
          yPred: c.yPred,
          yProba: Array.from({ length: k }, (_, j) => Float64Array.from(c.proba, (p) => p[j]!)),
        },
        { labels: c.labels, metrics: METRICS },
      );
      expectSklearn(report, c);
    });

    test('from a CSV file', async () => {
      const names = Array.from({ length: k }, (_, j) => `p${j}`);
      const csv = files.write(
        [
          ['y', 'yhat', ...names].join(','),
          ...c.yTrue.map((y, i) => [y, c.yPred[i], ...c.proba[i]!].join(',')),
        ].join('\n'),
      );
      const columns = new Map([
        ['y', 'label' as const],
        ['yhat', 'label' as const],
        ...names.map((p) => [p, 'number' as const] as const),
      ]);
      const table = await loadColumns(csv, { columns });
      const report = await runners[1]!.scorePredictions(
        { table, roles: { yTrue: 'y', yPred: 'yhat', yProba: names } },
        { labels: c.labels, metrics: METRICS, cv: 'kfold:3', bootstrap: 20 },
      );
      expectSklearn(report, c);
      expect(report.folds).toHaveLength(3);
    });
  });

  test('shared integer columns (counted by the label census), stratified folds', async () => {
    const c = cases['numbers, absent in the middle']!;
    const shared = (values: Label[]) => {
      const out = new Int32Array(new SharedArrayBuffer(values.length * 4));
      out.set(values as number[]);
      return out;
    };
    const report = await runners[1]!.scorePredictions(
      {
        yTrue: shared(c.yTrue),
        yPred: shared(c.yPred),
        yProba: [0, 1, 2, 3].map((j) => Float64Array.from(c.proba, (p) => p[j]!)),
      },
      { labels: c.labels, metrics: METRICS, cv: 'stratified:3' },
    );
    expectSklearn(report, c);
    expect(report.folds.map((f) => f.nTest)).toEqual([20, 20, 20]);
  });

  test('labels that leave out a class the probability columns have are warned about', async () => {
    // ant, bee in y_true and cat predicted once: 3 classes, 3 columns; labels ant, bee
    const c = cases['strings, absent last']!;
    const yPred = c.yPred.map((p, i) => (i === 0 ? 'cat' : p));
    const report = await runners[0]!.scorePredictions(
      {
        yTrue: c.yTrue,
        yPred,
        yProba: [0, 1, 2].map((j) => Float64Array.from(c.proba, (p) => p[j]!)),
      },
      { labels: ['ant', 'bee'], metrics: ['log_loss'] },
    );
    expect(report.warnings.join('\n')).toContain(
      'labels leaves out "cat", but y_proba has a column for every class ("ant", "bee", "cat")',
    );
    // no metric reads the probabilities: nothing to warn about
    const labelsOnly = await runners[0]!.scorePredictions(
      {
        yTrue: c.yTrue,
        yPred,
        yProba: [0, 1, 2].map((j) => Float64Array.from(c.proba, (p) => p[j]!)),
      },
      { labels: ['ant', 'bee'], metrics: ['f1_macro'] },
    );
    expect(labelsOnly.warnings.join('\n')).not.toContain('labels leaves out');
  });

  test('without labels the extra column is refused, saying how to list the classes', async () => {
    const c = cases['strings, absent last']!;
    const error = await runners[0]!
      .scorePredictions({
        yTrue: c.yTrue,
        yPred: c.yPred,
        yProba: [0, 1, 2].map((j) => Float64Array.from(c.proba, (p) => p[j]!)),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).message).toContain('list every class with labels');
  });

  test.each([
    // ant, bee in the data; labels ant, cat: scikit-learn's log_loss refuses y_true's bee
    ['leave out a class of the data', ['ant', 'cat']],
    ['list more classes than the extra columns', ['ant', 'bee', 'cat', 'dog']],
  ])('labels that %s leave the extra column refused', async (_, labels) => {
    const c = cases['strings, absent last']!;
    const error = await runners[0]!
      .scorePredictions(
        {
          yTrue: c.yTrue,
          yPred: c.yPred,
          yProba: [0, 1, 2].map((j) => Float64Array.from(c.proba, (p) => p[j]!)),
        },
        { labels },
      )
      .catch((e: unknown) => e);
    expect((error as RunnerError).code).toBe('INVALID_OPTION');
    expect((error as RunnerError).message).toContain('3 column(s) but there are 2 classes');
  });
});
