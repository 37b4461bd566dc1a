import { scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

// three classes, with a probability column per class (rows sum to 1)
const yTrue = ['bird', 'cat', 'dog', 'cat', 'dog', 'bird', 'cat', 'dog'];
const yPred = ['bird', 'cat', 'dog', 'dog', 'dog', 'cat', 'cat', 'bird'];
const pBird = [0.7, 0.1, 0.2, 0.1, 0.1, 0.3, 0.2, 0.5];
const pCat = [0.2, 0.8, 0.1, 0.3, 0.2, 0.6, 0.7, 0.2];
const pDog = pBird.map((b, i) => 1 - b - pCat[i]!);
const yProba = [pBird, pCat, pDog]; // one column per class, in sorted class order

describe('a metric of one score column on more than two classes', () => {
  test('brier_score advises log_loss or a one-vs-rest Brier score, never ROC AUC', async () => {
    for (const input of [
      { yTrue, yPred, yProba },
      { yTrue, yPred, yScore: pCat },
    ]) {
      const error = await runnerRejection(
        scorePredictions(input, { workers: 0, metrics: ['brier_score'] }),
      );
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(/labels have 3 classes/);
      expect(error.message).toMatch(/brier_score_loss/);
      expect(error.message).toMatch(/log_loss with --y-proba/);
      expect(error.message).toMatch(
        /--y-score with that class's probability column and --pos-label/,
      );
      expect(error.message).not.toMatch(/roc_auc/);
    }
  });

  test('what the brier_score advice names is scored: log_loss and the one-vs-rest Brier score', async () => {
    const proba = await scorePredictions(
      { yTrue, yPred, yProba },
      { workers: 0, metrics: ['log_loss'] },
    );
    const logLoss =
      -yTrue.reduce((s, t, i) => s + Math.log(yProba[['bird', 'cat', 'dog'].indexOf(t)]![i]!), 0) /
      yTrue.length;
    expect(proba.overall.log_loss!.value).toBeCloseTo(logLoss, 12);
    const oneVsRest = await scorePredictions(
      { yTrue, yPred, yScore: pCat },
      { workers: 0, posLabel: 'cat', metrics: ['brier_score'] },
    );
    const brier = yTrue.reduce((s, t, i) => s + ((t === 'cat' ? 1 : 0) - pCat[i]!) ** 2, 0) / 8;
    expect(oneVsRest.overall.brier_score!.value).toBeCloseTo(brier, 14);
  });

  test('log_loss given one score column asks for --y-proba', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred, yScore: pCat }, { workers: 0, metrics: ['log_loss'] }),
    );
    expect(error.message).toMatch(/log_loss of several classes reads --y-proba/);
    expect(error.message).not.toMatch(/roc_auc/);
  });

  test('roc_auc still points to roc_auc_ovr and roc_auc_ovo', async () => {
    const error = await runnerRejection(
      scorePredictions({ yTrue, yPred, yProba }, { workers: 0, metrics: ['roc_auc'] }),
    );
    expect(error.message).toMatch(/use roc_auc_ovr or roc_auc_ovo with --y-proba/);
  });
});
