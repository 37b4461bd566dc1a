import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  balancedAccuracyScore,
  classificationReport,
  cohenKappaScore,
  confusionMatrix,
  encodeLabels,
  encodeRatingPairs,
  f1Score,
  fbetaScore,
  hammingLoss,
  jaccardScore,
  type LabelInput,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  zeroOneLoss,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

const js = <T>(value: unknown): T => value as T;
// scikit-learn's multilabel indicator matrices (2-D y of 0/1)
const Y = js<LabelInput>([
  [1, 0, 1],
  [0, 1, 0],
  [1, 1, 0],
]);
const P = js<LabelInput>([
  [1, 0, 0],
  [0, 1, 0],
  [1, 0, 0],
]);

const CLASSIFICATION_METRICS: readonly [
  string,
  (yTrue: LabelInput, yPred: LabelInput) => unknown,
][] = [
  ['accuracyScore', (t, p) => accuracyScore(t, p)],
  ['balancedAccuracyScore', (t, p) => balancedAccuracyScore(t, p)],
  ['classificationReport', (t, p) => classificationReport(t, p)],
  ['cohenKappaScore', (t, p) => cohenKappaScore(t, p)],
  ['confusionMatrix', (t, p) => confusionMatrix(t, p)],
  ['encodeRatingPairs', (t, p) => encodeRatingPairs(t, p)],
  ['f1Score', (t, p) => f1Score(t, p, { average: 'micro' })],
  ['fbetaScore', (t, p) => fbetaScore(t, p, { beta: 2, average: 'macro' })],
  ['hammingLoss', (t, p) => hammingLoss(t, p)],
  ['jaccardScore', (t, p) => jaccardScore(t, p, { average: 'micro' })],
  ['matthewsCorrcoef', (t, p) => matthewsCorrcoef(t, p)],
  ['precisionRecallFscoreSupport', (t, p) => precisionRecallFscoreSupport(t, p)],
  ['precisionScore', (t, p) => precisionScore(t, p, { average: 'micro' })],
  ['recallScore', (t, p) => recallScore(t, p, { average: 'micro' })],
  ['zeroOneLoss', (t, p) => zeroOneLoss(t, p)],
];

describe('a multilabel indicator target is INVALID_SHAPE, saying what to do instead', () => {
  it.each(CLASSIFICATION_METRICS)('%s refuses a 2-D yTrue and yPred', (_, metric) => {
    const error = thrown(() => metric(Y, P));
    expect([error.code, error.path]).toEqual(['INVALID_SHAPE', 'yTrue']);
    expect(error.message).toBe(
      'yTrue is a multilabel indicator target (row 0 is an array of 3 values); multilabel targets are not supported: score each label column as a binary task (e.g. on yTrue.map((row) => row[j]) and yPred.map((row) => row[j])) and average the results yourself.',
    );
  });

  it.each(CLASSIFICATION_METRICS)('%s names yPred when only yPred is 2-D', (_, metric) => {
    const error = thrown(() => metric([1, 0, 1], P));
    expect([error.code, error.path]).toEqual(['INVALID_SHAPE', 'yPred']);
  });

  it('rows that are typed arrays are multilabel too', () => {
    const rows = js<LabelInput>([Int8Array.of(1, 0), Int8Array.of(0, 1)]);
    expect(thrown(() => encodeLabels([['yTrue', rows]])).code).toBe('INVALID_SHAPE');
  });

  it('the advice works: one binary task per label column scores as before', () => {
    const column = (m: LabelInput, j: number) => js<number[][]>(m).map((row) => row[j]!);
    expect(f1Score(column(Y, 0), column(P, 0))).toBe(1);
    expect(hammingLoss(column(Y, 2), column(P, 2))).toBeCloseTo(1 / 3, 12);
  });
});
