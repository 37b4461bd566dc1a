import { scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const yTrue = [0, 1, 1, 0, 1, 0];
const probabilities = [0.1, 0.9, 0.4, 0.2, 0.8, 0.6];
const advice =
  "Pass the positive class's scores with yScore (--y-score), or one probability column per class with yProba (--y-proba), and the predicted class labels with yPred (--y-pred); scores are not thresholded into labels here.";

describe('scores or probabilities passed as predicted labels', () => {
  test('of a classification task get a warning naming yScore, and the metrics stay as computed', async () => {
    const report = await scorePredictions(
      { yTrue, yPred: probabilities },
      { workers: 0, task: 'classification', metrics: ['accuracy'] },
    );
    expect(report.warnings[0]).toBe(
      `yPred looks like scores or probabilities, not class labels: 6 of 6 rows hold a number strictly between 0 and 1, and each distinct value was scored as a class of its own. ${advice}`,
    );
    // every fraction is a class no true label has: nothing is right, as before the warning
    expect(report.overall.accuracy!.value).toBe(0);
    expect(report.unseenPredLabels).toEqual([0.1, 0.2, 0.4, 0.6, 0.8, 0.9]);
  });

  test('not for class ids, a minority of fractions, or true labels that are fractions too', async () => {
    const quiet = async (t: number[], p: number[]) =>
      (
        await scorePredictions({ yTrue: t, yPred: p }, { workers: 0, task: 'classification' })
      ).warnings.filter((w) => w.includes('scores or probabilities'));
    expect(await quiet(yTrue, [0, 1, 0, 0, 1, 1])).toEqual([]);
    expect(await quiet(yTrue, [0, 1, 0, 0.5, 0.5, 1])).toEqual([]);
    expect(await quiet([0.1, 0.5, 0.5, 0.2, 0.9, 0.6], probabilities)).toEqual([]);
  });

  test('beside string labels: the label-mix error ends with what to pass instead', async () => {
    const error = await runnerRejection(
      scorePredictions(
        { yTrue: ['spam', 'ham', 'ham', 'spam', 'ham', 'spam'], yPred: probabilities },
        { workers: 0 },
      ),
    );
    expect(error.code).toBe('MIXED_LABEL_TYPES');
    expect(error.message).toMatch(/^Mix of label input types \(string and number\): /);
    expect(error.message).toContain(
      `yPred looks like scores or probabilities, not class labels: 6 of 6 rows hold a number strictly between 0 and 1. ${advice}`,
    );
    // mixed labels that are not scores keep the message they had
    const mixed = await runnerRejection(
      scorePredictions({ yTrue: ['spam', 'ham'], yPred: [1, 0] }, { workers: 0 }),
    );
    expect(mixed.message).not.toContain('scores or probabilities');
  });
});
