import { describe, expect, it } from 'vitest';
import {
  averagePrecisionScore,
  brierScoreLoss,
  ConfusionAccumulator,
  calibrationCurve,
  logLoss,
  MetricInputError,
  meanAbsoluteError,
  meanSquaredLogError,
  medianAbsoluteError,
  precisionRecallCurve,
  RegressionAccumulator,
  r2Score,
  rocAucScore,
  rocCurve,
  topKAccuracyScore,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

const js = <T>(value: unknown): T => value as T;
const scores = [0.1, 0.2, 0.3, 0.4];

describe('score metrics refuse a continuous yTrue, as scikit-learn does', () => {
  const SCORE_METRICS: readonly [string, (yTrue: number[] | Float64Array) => unknown][] = [
    ['rocAucScore', (y) => rocAucScore(y, scores)],
    [
      'rocAucScore (Float64Array fast path)',
      (y) => rocAucScore(Float64Array.from(y), Float64Array.from(scores)),
    ],
    ['averagePrecisionScore', (y) => averagePrecisionScore(y, scores)],
    [
      'averagePrecisionScore (Float64Array fast path)',
      (y) => averagePrecisionScore(Float64Array.from(y), Float64Array.from(scores)),
    ],
    ['logLoss', (y) => logLoss(y, scores)],
    ['brierScoreLoss', (y) => brierScoreLoss(y, scores)],
    ['rocCurve', (y) => rocCurve(y, scores)],
    ['precisionRecallCurve', (y) => precisionRecallCurve(y, scores)],
    ['topKAccuracyScore', (y) => topKAccuracyScore(y, scores)],
  ];

  it.each(SCORE_METRICS)('%s: scores passed as yTrue (arguments swapped)', (_, metric) => {
    const error = thrown(() => metric([0.9, 0.1, 0.9, 0.1]));
    expect([error.code, error.path]).toEqual(['INVALID_LABEL', 'yTrue']);
    expect(error.message).toMatch(/^yTrue has 0\.9 at row 0, which is not a class label: /);
    expect(error.message).toContain('continuous values are not supported');
    expect(error.message).toContain('did you swap yTrue and the scores?');
  });

  it.each(SCORE_METRICS)('%s: a half-way label names its first row', (_, metric) => {
    const error = thrown(() => metric([0, 0.5, 0.5, 0]));
    expect(error.message).toMatch(/^yTrue has 0\.5 at row 1, /);
  });

  it('labels outside [0, 1] get no swap hint but a pointer to the regression metrics', () => {
    const error = thrown(() => rocCurve([0, 2.5, 2.5, 0], scores));
    expect(error.message).toContain('yTrue has 2.5 at row 1');
    expect(error.message).not.toContain('swap');
    expect(error.message).toContain('use a regression metric');
  });

  it('three values with a non-integer one say "continuous", not "3 classes but one column"', () => {
    const error = thrown(() => rocAucScore([0, 0.5, 1], [0.1, 0.2, 0.3]));
    expect(error.code).toBe('INVALID_LABEL');
    expect(error.message).toContain('continuous values are not supported');
    expect(error.message).not.toContain('3 classes');
  });

  it('integer-valued floats and string labels score as scikit-learn 1.2 does', () => {
    const s = [0.1, 0.4, 0.35, 0.8, 0.7];
    const y = [0, 1.0, 1, 0, 1];
    const named = ['no', 'yes', 'yes', 'no', 'yes'];
    // sklearn: roc_auc_score, average_precision_score, log_loss, brier_score_loss,
    // top_k_accuracy_score(k=1) of y = [0., 1., 1., 0., 1.]
    expect(rocAucScore(y, s)).toBe(0.5);
    expect(rocAucScore(Float64Array.from(y), Float64Array.from(s))).toBe(0.5);
    expect(averagePrecisionScore(y, s)).toBeCloseTo(0.6388888888888888, 15);
    expect(logLoss(y, s)).toBeCloseTo(0.8075172456806984, 15);
    expect(brierScoreLoss(y, s)).toBeCloseTo(0.30450000000000005, 15);
    expect(topKAccuracyScore(y, s, { k: 1 })).toBeCloseTo(0.4, 15);
    expect(rocAucScore(named, s)).toBe(0.5);
    expect(logLoss(named, s)).toBeCloseTo(0.8075172456806984, 15);
    expect(brierScoreLoss(named, s, { posLabel: 'yes' })).toBeCloseTo(0.30450000000000005, 15);
  });

  it('calibrationCurve keeps taking non-integer labels with a posLabel, as scikit-learn', () => {
    const curve = calibrationCurve([0.9, 0.1, 0.9, 0.1], scores, { posLabel: 0.9, nBins: 2 });
    expect(Array.from(curve.probTrue)).toEqual([0.5]);
  });
});

describe('ConfusionAccumulator.update refuses class codes outside [0, nClasses)', () => {
  it.each([
    [
      'a true code too large',
      [0, 5],
      [0, 1],
      'yTrue',
      'yTrue has the class code 5 at row 1; codes must be integers in [0, 2) for nClasses = 2.',
    ],
    [
      'a negative predicted code',
      [0, 1],
      [0, -1],
      'yPred',
      'yPred has the class code -1 at row 1; codes must be integers in [0, 2) for nClasses = 2.',
    ],
    [
      'a predicted code that would land in another cell',
      [0, 0],
      [3, 0],
      'yPred',
      'yPred has the class code 3 at row 0; codes must be integers in [0, 2) for nClasses = 2.',
    ],
  ])('%s', (_, yTrue, yPred, path, message) => {
    const acc = new ConfusionAccumulator(2);
    const error = thrown(() => acc.update(Int32Array.from(yTrue), Int32Array.from(yPred)));
    expect([error.code, error.path, error.message]).toEqual(['INVALID_LABEL', path, message]);
    expect(Array.from(acc.counts)).toEqual([0, 0, 0, 0]);
  });

  it('a yPred shorter than the rows asked for is named, not read as undefined', () => {
    const error = thrown(() =>
      new ConfusionAccumulator(2).update(Int32Array.of(0, 1), Int32Array.of(0)),
    );
    expect([error.code, error.path]).toEqual(['INVALID_LABEL', 'yPred']);
    expect(error.message).toContain('yPred has no row 1');
  });

  it('codes in range count as before, and start/end still select rows', () => {
    const acc = new ConfusionAccumulator(2).update(
      Int32Array.of(0, 1, 9),
      Int32Array.of(0, 1, 9),
      null,
      0,
      2,
    );
    expect(Array.from(acc.counts)).toEqual([1, 0, 0, 1]);
  });
});

describe('regression errors name the argument and the function the caller used', () => {
  it('meanSquaredLogError names yPred when the negative value is a prediction', () => {
    const error = thrown(() => meanSquaredLogError([1, 2], [1, -0.5]));
    expect([error.code, error.path]).toEqual(['NEGATIVE_VALUE', 'yPred']);
    expect(error.message).toMatch(/^yPred has -0\.5 at row 1; /);
    const inTrue = thrown(() => meanSquaredLogError([1, -2], [-1, 2]));
    expect([inTrue.path, inTrue.message.slice(0, 21)]).toEqual(['yTrue', 'yTrue has -2 at row 1']);
  });

  it('RegressionAccumulator.update names a row index past the columns, not "undefined"', () => {
    const error = thrown(() =>
      new RegressionAccumulator().update(
        Float64Array.of(1, 2),
        Float64Array.of(1, 3),
        null,
        Uint32Array.of(5),
      ),
    );
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'rows']);
    expect(error.message).toBe(
      'rows[0] = 5 is outside the 2 rows of yTrue and yPred (valid rows are 0..1); rows must hold row indices into them.',
    );
  });

  it('a NaN at a valid selected row is still NON_FINITE_VALUE naming the row', () => {
    const error = thrown(() =>
      new RegressionAccumulator().update(
        Float64Array.of(1, Number.NaN),
        Float64Array.of(1, 3),
        null,
        Uint32Array.of(1),
      ),
    );
    expect([error.code, error.message]).toEqual([
      'NON_FINITE_VALUE',
      'yTrue has NaN at row 1; every value must be a finite number.',
    ]);
  });

  it('a multi-output target is refused as such, pointing to one call per output column', () => {
    const error = thrown(() =>
      meanAbsoluteError(
        js([
          [1, 2],
          [3, 4],
        ]),
        js([
          [1, 2],
          [3, 5],
        ]),
      ),
    );
    expect([error.code, error.path]).toEqual(['INVALID_SHAPE', 'yTrue']);
    expect(error.message).toContain('multi-output regression is not supported');
    expect(error.message).toContain('once per output column');
    expect(thrown(() => r2Score([1, 2], js([[1], [2]]))).path).toBe('yPred');
  });

  it('medianAbsoluteError with zero weights says "weighted median" and no accumulator', () => {
    const error = thrown(() => medianAbsoluteError([5], [4], { sampleWeight: [0] }));
    expect(error.message).toBe(
      'options.sampleWeight sums to 0 over 1 row, so medianAbsoluteError (a weighted median) is undefined; at least one sample weight must be positive.',
    );
  });

  it('every MetricInputError carries a string path', () => {
    const error = thrown(() => rocAucScore([0, 1], [0.5]));
    expect(error).toBeInstanceOf(MetricInputError);
    expect(typeof error.path).toBe('string');
  });
});
