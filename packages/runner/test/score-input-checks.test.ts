import { rmSync } from 'node:fs';
import { loadColumns, scorePredictions } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { csvFileWriter } from './helpers/csv-test-files.js';
import { runnerRejection } from './helpers/rejection.js';

const files = csvFileWriter('assay-score-input-checks-');
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

describe('scores and probabilities are checked as scikit-learn 1.2 checks them', () => {
  test('brier_score refuses a y_score outside [0, 1], naming the row', async () => {
    // scikit-learn 1.2.1: brier_score_loss([0, 1, 1], [0.2, 253.75, 0.9]) raises
    // "y_prob contains values greater than 1."; the unchecked kernel gave 253.75-ish losses
    const error = await runnerRejection(
      scorePredictions(
        { yTrue: [0, 1, 1], yPred: [0, 1, 1], yScore: [0.2, 253.75, 0.9] },
        { workers: 0, metrics: ['brier_score'] },
      ),
    );
    expect(error.code).toBe('INVALID_PROBABILITY');
    expect(error.path).toBe('yScore');
    expect(error.message).toMatch(/y_score is 253\.75 at data row 2;/);
    // roc_auc reads scores as a ranking: any range is fine there
    const auc = await scorePredictions(
      { yTrue: [0, 1, 1], yPred: [0, 1, 1], yScore: [0.2, 253.75, 0.9] },
      { workers: 0, metrics: ['roc_auc'] },
    );
    expect(auc.overall.roc_auc!.value).toBe(1);
  });

  test('one-vs-rest ROC AUC refuses probability rows that do not sum to 1; log_loss warns', async () => {
    const yTrue = [0, 1, 2, 1];
    const yPred = [0, 1, 2, 2];
    // row 3 sums to 2.7
    const yProba = [
      [0.8, 0.1, 0.9, 0.2],
      [0.1, 0.8, 0.9, 0.5],
      [0.1, 0.1, 0.9, 0.3],
    ];
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred, yProba }, { workers: 0, metrics: ['roc_auc_ovr'] }),
    );
    expect(error.message).toMatch(
      /roc_auc_ovr needs probabilities, but the class probabilities sum to 2\.7\d*, not 1, at data row 3; /,
    );
    const report = await scorePredictions(
      { yTrue, yPred, yProba },
      { workers: 0, metrics: ['log_loss'] },
    );
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/^log_loss: the class probabilities of data row 3 sum to 2\.7/),
    );
    // scikit-learn 1.2.1 rescales the rows silently: log_loss(y_true, y_proba) == 0.5595116429641186
    expect(report.overall.log_loss!.value).toBeCloseTo(0.5595116429641186, 12);
  });
});

test('a value a metric refuses is named by its line in the file, as a reader names a bad cell', async () => {
  // a blank line before the row: line 4 holds data row 2
  const file = files.write('y,p,s\n1,1,0.9\n\n0,0,1.5\n1,1,0.8\n');
  const table = await loadColumns(file, {
    columns: { y: 'label', p: 'label', s: 'number' },
  });
  const error = await runnerRejection(
    scorePredictions(
      { table, roles: { yTrue: 'y', yPred: 'p', yScore: 's' } },
      { workers: 0, metrics: ['brier_score'] },
    ),
  );
  expect(error.code).toBe('INVALID_PROBABILITY');
  expect(error.message).toBe(
    `brier_score needs probabilities in [0, 1], but y_score is 1.5 at line 4 (data row 2) of ${file}; scikit-learn's brier_score_loss refuses it too ("y_prob contains values greater than 1"). Pass probabilities, or leave brier_score out.`,
  );
});
