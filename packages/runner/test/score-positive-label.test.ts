import { scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

// scikit-learn 1.2.1 on these rows:
//   roc_auc_score([t == 'fraud' for t in y_true], y_score) == 0.9333333333333333
//   f1_score(y_true, y_pred, pos_label='fraud') == 0.6666666666666666
//   f1_score(y_true, y_pred) raises "pos_label=1 is not a valid label. It should be one of
//   ['fraud', 'legit']"; taking the greater label 'legit' instead gives ROC AUC 0.0667.
const yTrue = ['fraud', 'legit', 'legit', 'fraud', 'legit', 'legit', 'fraud', 'legit'];
const yScore = [0.9, 0.2, 0.3, 0.8, 0.1, 0.6, 0.4, 0.3]; // P(fraud)
const yPred = yScore.map((s) => (s > 0.5 ? 'fraud' : 'legit'));

describe('the positive class', () => {
  test('is never guessed for labels other than {0, 1} or {-1, 1}: the error lists them', async () => {
    for (const metrics of [
      undefined,
      ['roc_auc'],
      ['f1'],
      ['brier_score'],
      ['average_precision'],
    ]) {
      const error = await runnerRejection(
        scorePredictions({ yTrue, yPred, yScore }, { workers: 0, metrics }),
      );
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.path).toBe('posLabel');
      expect(error.message).toMatch(
        /the labels are "fraud", "legit"; name the positive one with posLabel \(--pos-label\): --pos-label fraud or --pos-label legit,/,
      );
    }
  });

  test('offers each label alike, quoted for a shell where it holds more than a word', async () => {
    const spaced = yTrue.map((t) => (t === 'fraud' ? "it's fraud" : 'legit'));
    const error = await runnerRejection(
      scorePredictions({ yTrue: spaced, yPred: spaced }, { workers: 0, metrics: ['f1'] }),
    );
    expect(error.message).toContain(
      `(--pos-label): --pos-label 'it'\\''s fraud' or --pos-label legit, as scikit-learn's pos_label.`,
    );
    const numbered = await runnerRejection(
      scorePredictions(
        { yTrue: [1, 2, 2, 1], yPred: [1, 2, 1, 1] },
        { workers: 0, metrics: ['f1'] },
      ),
    );
    expect(numbered.message).toContain('--pos-label 1 or --pos-label 2,');
  });

  test('posLabel gives scikit-learn pos_label values', async () => {
    const report = await scorePredictions(
      { yTrue, yPred, yScore },
      { workers: 0, posLabel: 'fraud', metrics: ['roc_auc', 'f1', 'precision', 'accuracy'] },
    );
    expect(report.overall.roc_auc!.value).toBeCloseTo(0.9333333333333333, 14);
    expect(report.overall.f1!.value).toBeCloseTo(2 / 3, 14);
    expect(report.overall.precision!.value).toBe(2 / 3);
    // metrics without a positive class need none, and ignore it
    const plain = await scorePredictions(
      { yTrue, yPred },
      { workers: 0, metrics: ['accuracy', 'f1_macro'] },
    );
    expect(plain.overall.accuracy!.value).toBe(0.75);
  });

  test("two probability columns are read at posLabel's column, on the pool and in folds as in one thread", async () => {
    const yProba = [yScore, yScore.map((p) => 1 - p)]; // P(fraud), P(legit): sorted class order
    const metrics = ['roc_auc', 'average_precision', 'brier_score'];
    for (const workers of [0, 2]) {
      const options = { workers, posLabel: 'fraud', metrics, cv: 'kfold:2', bootstrap: 20 };
      const fromProba = await scorePredictions({ yTrue, yPred, yProba }, options);
      const fromScore = await scorePredictions({ yTrue, yPred, yScore }, options);
      // scikit-learn: roc_auc_score([t == 'fraud' for t in y_true], P(fraud)); it was 1 − that
      expect(fromProba.overall.roc_auc!.value).toBeCloseTo(0.9333333333333333, 14);
      for (const m of metrics) {
        expect(fromProba.overall[m], m).toEqual(fromScore.overall[m]);
        expect(
          fromProba.folds.map((f) => f.metrics[m]),
          m,
        ).toEqual(fromScore.folds.map((f) => f.metrics[m]));
      }
    }
    // labels 0 / 1 with posLabel 0: the column of class 0
    const t01 = yTrue.map((t) => (t === 'fraud' ? 0 : 1));
    const p01 = yPred.map((p) => (p === 'fraud' ? 0 : 1));
    const zero = await scorePredictions(
      { yTrue: t01, yPred: p01, yProba },
      { workers: 0, posLabel: 0, metrics: ['roc_auc'] },
    );
    expect(zero.overall.roc_auc!.value).toBeCloseTo(0.9333333333333333, 14);
  });

  test('the report records the positive class, the labels option and weighting in settings', async () => {
    const weight = yTrue.map(() => 0.5);
    const report = await scorePredictions(
      { yTrue, yPred, yScore, weight },
      { workers: 0, posLabel: 'fraud', labels: ['legit', 'fraud'], metrics: ['f1'] },
    );
    expect(report.settings).toMatchObject({
      posLabel: 'fraud',
      labels: ['legit', 'fraud'],
      weighted: true,
    });
    const plain = await scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['accuracy'] });
    expect(plain.settings.posLabel).toBeUndefined();
    expect(plain.settings.labels).toBeUndefined();
    expect(plain.settings.weighted).toBeUndefined();
  });

  test('labels in {0, 1} or {-1, 1} need no posLabel: 1 is positive', async () => {
    const t01 = yTrue.map((t) => (t === 'fraud' ? 1 : 0));
    const p01 = yPred.map((p) => (p === 'fraud' ? 1 : 0));
    const zeroOne = await scorePredictions(
      { yTrue: t01, yPred: p01, yScore },
      { workers: 0, metrics: ['roc_auc', 'f1'] },
    );
    expect(zeroOne.overall.roc_auc!.value).toBeCloseTo(0.9333333333333333, 14);
    const signed = await scorePredictions(
      { yTrue: t01.map((t) => (t ? 1 : -1)), yPred: p01.map((p) => (p ? 1 : -1)), yScore },
      { workers: 0, metrics: ['roc_auc', 'f1'] },
    );
    expect(signed.overall).toEqual(zeroOne.overall);
    // {1, 2}: scikit-learn needs pos_label too
    const error = await runnerRejection(
      scorePredictions(
        { yTrue: t01.map((t) => t + 1), yPred: p01.map((p) => p + 1) },
        {
          workers: 0,
          metrics: ['f1'],
        },
      ),
    );
    expect(error.message).toMatch(/the labels are 1, 2/);
    const named = await scorePredictions(
      { yTrue: t01.map((t) => t + 1), yPred: p01.map((p) => p + 1) },
      { workers: 0, metrics: ['f1'], posLabel: '2' },
    );
    expect(named.overall.f1!.value).toBeCloseTo(2 / 3, 14);
  });

  test('an unknown posLabel or one on a regression task is refused with its path', async () => {
    const unknown = await runnerRejection(
      scorePredictions({ yTrue, yPred }, { workers: 0, metrics: ['f1'], posLabel: 'spam' }),
    );
    expect(unknown.path).toBe('posLabel');
    expect(unknown.message).toMatch(/"spam", which is not one of the labels \("fraud", "legit"\)/);
    const regression = await runnerRejection(
      scorePredictions(
        { yTrue: [1.5, 2], yPred: [1, 2] },
        { workers: 0, task: 'regression', posLabel: 1 },
      ),
    );
    expect(regression.message).toMatch(/posLabel applies to classification only/);
  });

  test('a posLabel that differs from a label only in case or spaces names the label meant', async () => {
    const labels = { yTrue: ['spam', 'ham', 'spam'], yPred: ['spam', 'ham', 'ham'] };
    for (const posLabel of ['Spam', ' SPAM ']) {
      const error = await runnerRejection(
        scorePredictions(labels, { workers: 0, metrics: ['f1'], posLabel }),
      );
      expect(error.message).toBe(
        `posLabel is ${JSON.stringify(posLabel)}, which is not one of the labels ("ham", "spam"); did you mean "spam"? Labels are compared exactly, case and spaces included.`,
      );
    }
    // more labels than are listed: how many more is said
    const many = Array.from({ length: 25 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const error = await runnerRejection(
      scorePredictions({ yTrue: many, yPred: many }, { workers: 0, posLabel: 'x' }),
    );
    expect(error.message).toMatch(/\("c00", .*"c19", \.\.\. and 5 more\); name one of them\.$/);
  });
});
