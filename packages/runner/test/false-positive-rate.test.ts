import { metricSpec, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

// tn, fp, fn, tp = sklearn.metrics.confusion_matrix(y_true == pos, y_pred == pos).ravel():
//   pos 'fraud': fp 1 (row 5), tn 4 -> 0.2;  pos 'legit': fp 1 (row 6), tn 2 -> 1/3
const yTrue = ['fraud', 'legit', 'legit', 'fraud', 'legit', 'legit', 'fraud', 'legit'];
const yPred = ['fraud', 'legit', 'legit', 'fraud', 'legit', 'fraud', 'legit', 'legit'];

describe('false_positive_rate', () => {
  test('is fp / (fp + tn) of the named positive class, a loss, with an interval', async () => {
    for (const [posLabel, expected] of [
      ['fraud', 0.2],
      ['legit', 1 / 3],
    ] as const) {
      const report = await scorePredictions(
        { yTrue, yPred },
        { workers: 0, posLabel, metrics: ['false_positive_rate'], bootstrap: 200, seed: 3 },
      );
      const overall = report.overall.false_positive_rate!;
      expect(overall.value).toBeCloseTo(expected, 15);
      expect(overall.ci![0]).toBeLessThanOrEqual(expected);
      expect(overall.ci![1]).toBeGreaterThanOrEqual(expected);
    }
    expect(metricSpec('false_positive_rate')?.greaterIsBetter).toBe(false);
  });

  test('is undefined without a negative item, and needs a positive class like precision', async () => {
    const report = await scorePredictions(
      { yTrue: [1, 1, 1], yPred: [1, 0, 1] },
      { workers: 0, metrics: ['false_positive_rate'] },
    );
    expect(report.overall.false_positive_rate!.value).toBeNull();
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['false_positive_rate'] }),
    );
    expect(error.path).toBe('posLabel');
    const multiclass = await runnerRejection(
      scorePredictions(
        { yTrue: ['a', 'b', 'c'], yPred: ['a', 'c', 'b'] },
        { workers: 0, metrics: ['false_positive_rate'] },
      ),
    );
    expect(multiclass.message).toMatch(/is binary but the labels have 3 classes/);
  });
});
