import { scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

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
      /roc_auc_ovr needs probabilities, but the class probabilities of data row 3 sum to 2\.7/,
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
