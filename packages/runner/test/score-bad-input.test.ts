import { parseCvSpec, RunnerError, scorePredictions } from '@assay/runner';
import { SplitError } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const yTrue = [0, 1, 1, 0, 1, 0, 1, 1];
const yPred = [0, 1, 0, 0, 1, 1, 1, 1];

describe('bad input', () => {
  test('the missing value named is the first in row order, whichever column holds it', async () => {
    // y_pred is empty at data row 2 and y_true at row 5: row 2 is the one a reader meets first
    const error = await runnerRejection(
      scorePredictions(
        { yTrue: [0, 1, 0, 1, null, 0], yPred: [0, null, 0, 1, 1, 0] },
        { workers: 0 },
      ),
    );
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toMatch(/^yPred .*at data row 2;/);
  });

  test('a NaN or null label names its row; dropMissing drops and counts it', async () => {
    const withNull = [0, 1, null, 0, 1, 0, 1, 1];
    const error = await runnerRejection(
      scorePredictions({ yTrue: withNull, yPred }, { workers: 0 }),
    );
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('at data row 3;');
    const nan = await runnerRejection(
      scorePredictions({ yTrue, yPred: [0, 1, 0, Number.NaN, 1, 1, 1, 1] }, { workers: 0 }),
    );
    expect(nan.message).toContain('at data row 4;');
    const report = await scorePredictions(
      { yTrue: withNull, yPred },
      { workers: 0, dropMissing: true, metrics: ['accuracy'] },
    );
    expect(report.n).toBe(7);
    expect(report.dropped).toBe(1);
    expect(report.warnings).toContain(
      '1 row(s) with a missing value were dropped from every figure, overall included (missing values by column: yTrue 1).',
    );
  });

  test('a non-numeric score names its row', async () => {
    const error = await runnerRejection(
      scorePredictions(
        { yTrue, yPred, yScore: [0.1, 0.2, 'x', 0.4, 0.5, 0.6, 0.7, 0.8] as unknown as number[] },
        { workers: 0 },
      ),
    );
    expect(error.code).toBe('NON_NUMERIC_VALUE');
    expect(error.message).toContain('at data row 3;');
  });

  test('predicted labels never seen in y_true are allowed and reported', async () => {
    const report = await scorePredictions(
      { yTrue: ['a', 'b', 'a', 'b'], yPred: ['a', 'c', 'z', 'b'] },
      { workers: 0, metrics: ['accuracy', 'f1_macro'] },
    );
    expect(report.unseenPredLabels).toEqual(['c', 'z']);
    expect(report.labels).toEqual(['a', 'b', 'c', 'z']);
    expect(report.overall.accuracy?.value).toBe(0.5);
    expect(report.warnings.join(' ')).toContain('never occur in y_true');
  });

  test('thousands of unseen predicted labels: the warning lists 10 and counts the rest', async () => {
    // a regression file scored as classification: every prediction is a label of its own
    const n = 4000;
    const report = await scorePredictions(
      {
        yTrue: Array.from({ length: n }, (_, i) => i % 2),
        yPred: Array.from({ length: n }, (_, i) => i + 0.5),
      },
      { workers: 0, task: 'classification', metrics: ['accuracy'] },
    );
    expect(report.unseenPredLabels).toHaveLength(n);
    const warning = report.warnings.find((w) => w.startsWith('Predicted label(s)'))!;
    expect(warning).toBe(
      'Predicted label(s) 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, ... and 3,990 more never occur in y_true; they count as errors and are listed in unseenPredLabels.',
    );
  });

  test('too few rows for the CV spec', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, cv: 'kfold:10' }),
    );
    expect(error.code).toBe('TOO_FEW_ROWS');
    expect(error.message).toContain('10 rows');
  });

  test('an unknown metric lists the valid ones', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['accuracy', 'f2_macro'] }),
    );
    expect(error.code).toBe('UNKNOWN_METRIC');
    expect(error.message).toContain('"f2_macro"');
    expect(error.message).toContain('balanced_accuracy');
    expect(error.message).toContain('f1_macro');
  });

  test('a metric whose input is missing, or of the other task, is rejected', async () => {
    const auc = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['roc_auc'] }),
    );
    expect(auc.code).toBe('INVALID_OPTION');
    expect(auc.message).toContain('--y-score');
    const mae = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['mae'] }),
    );
    expect(mae.message).toContain('regression metric');
  });

  test('a splitter error crosses the worker boundary with its class and code', async () => {
    const error = await scorePredictions(
      { yTrue: [0, 0, 0, 1, 1, 1], yPred: [0, 0, 0, 1, 1, 1] },
      { workers: 2, cv: 'stratified:4' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SplitError);
    expect((error as SplitError).code).toBeTypeOf('string');
    expect((error as SplitError).message).toContain('4');
  });

  test('group CV without a group column', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, cv: 'group:2' }),
    );
    expect(error.message).toContain('--group');
  });

  test('columns of different lengths are LENGTH_MISMATCH, naming the column', async () => {
    const error = await runnerRejection(scorePredictions({ yTrue, yPred: [0, 1] }, { workers: 0 }));
    expect(error.code).toBe('LENGTH_MISMATCH');
    expect(error.path).toBe('yPred');
    expect(error.message).toContain('yPred has 2 values');
  });

  test('bad numeric options', async () => {
    expect(
      (await runnerRejection(scorePredictions({ yTrue, yPred }, { workers: 0, ci: 1.5 }))).path,
    ).toBe('ci');
    expect(
      (await runnerRejection(scorePredictions({ yTrue, yPred }, { workers: 0, bootstrap: -1 })))
        .path,
    ).toBe('bootstrap');
    expect((await runnerRejection(scorePredictions({ yTrue, yPred }, { workers: -2 }))).path).toBe(
      'workers',
    );
  });
});

describe('parseCvSpec', () => {
  test('parses every form', () => {
    expect(parseCvSpec('none')).toEqual({ kind: 'none' });
    expect(parseCvSpec('kfold:5')).toEqual({ kind: 'kfold', k: 5 });
    expect(parseCvSpec('Stratified:3')).toEqual({ kind: 'stratified', k: 3 });
    expect(parseCvSpec('group:4')).toEqual({ kind: 'group', k: 4 });
    expect(parseCvSpec('stratified-group:2')).toEqual({ kind: 'stratified-group', k: 2 });
    expect(parseCvSpec('repeated-stratified:5x3')).toEqual({
      kind: 'repeated-stratified',
      k: 5,
      repeats: 3,
    });
    expect(parseCvSpec('holdout:0.2')).toEqual({ kind: 'holdout', testSize: 0.2 });
    expect(parseCvSpec('timeseries:4')).toEqual({ kind: 'timeseries', k: 4 });
  });

  test.each(['kfold', 'kfold:1', 'kfold:x', 'holdout:1.5', 'repeated-stratified:5', 'loo:3'])(
    '%s is rejected with the valid forms',
    (spec) => {
      let error: unknown;
      try {
        parseCvSpec(spec);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RunnerError);
      expect((error as RunnerError).code).toBe('INVALID_CV_SPEC');
      expect((error as RunnerError).message).toContain('repeated-stratified:KxR');
    },
  );
});
