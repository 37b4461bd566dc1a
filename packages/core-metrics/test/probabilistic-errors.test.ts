import { describe, expect, it } from 'vitest';
import {
  averagePrecisionScore,
  brierScoreLoss,
  calibrationCurve,
  expectedCalibrationError,
  logLoss,
  precisionRecallCurve,
  rocAucScore,
  rocCurve,
  topKAccuracyScore,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

describe('probabilistic metrics reject bad input with typed errors', () => {
  it('probabilities outside [0, 1] name the argument and row', () => {
    const e = thrown(() => logLoss([0, 1, 1], [0.2, 1.5, 0.7]));
    expect(e.code).toBe('INVALID_PROBABILITY');
    expect(e.path).toBe('yPred');
    expect(e.message).toContain('row 1');
    expect(e.message).toContain('[0, 1]');
    expect(thrown(() => brierScoreLoss([0, 1], [-0.1, 0.4])).code).toBe('INVALID_PROBABILITY');
    expect(thrown(() => calibrationCurve([0, 1], [0.1, 1.01])).code).toBe('INVALID_PROBABILITY');
    expect(thrown(() => expectedCalibrationError([0, 1], [0.1, 2])).code).toBe(
      'INVALID_PROBABILITY',
    );
    const m = thrown(() =>
      logLoss(
        [0, 1, 2],
        [
          [0.5, 0.5, 0],
          [1.2, -0.2, 0],
          [0, 0, 1],
        ],
      ),
    );
    expect(m.code).toBe('INVALID_PROBABILITY');
    expect(m.message).toContain('row 1, column 0');
  });

  it('probability rows that do not sum to 1 name the row and its sum', () => {
    const e = thrown(() =>
      logLoss(
        [0, 1, 2],
        [
          [0.2, 0.3, 0.5],
          [0.2, 0.2, 0.2],
          [0, 0, 1],
        ],
      ),
    );
    expect(e.code).toBe('PROBABILITIES_NOT_NORMALIZED');
    expect(e.message).toContain('row 1 sums to 0.6');
    const r = thrown(() =>
      rocAucScore(
        [0, 1, 2],
        [
          [0.2, 0.3, 0.5],
          [0.5, 0.5, 0.5],
          [0, 0, 1],
        ],
        { multiClass: 'ovr' },
      ),
    );
    expect(r.code).toBe('PROBABILITIES_NOT_NORMALIZED');
    expect(
      thrown(() =>
        expectedCalibrationError(
          [0, 1, 2],
          [
            [0.9, 0.9, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
        ),
      ).code,
    ).toBe('PROBABILITIES_NOT_NORMALIZED');
  });

  it('accepts rows off by rounding (numpy allclose tolerance)', () => {
    const loss = logLoss(
      [0, 1],
      [
        [0.3, 0.7 + 1e-9],
        [0.4, 0.6],
      ],
    );
    expect(loss).toBeGreaterThan(0);
  });

  it('ragged rows, wrong widths and bad flat lengths are INVALID_SHAPE', () => {
    const ragged = thrown(() =>
      logLoss(
        [0, 1, 2],
        [
          [0.2, 0.8, 0],
          [0.5, 0.5],
          [0, 0, 1],
        ],
      ),
    );
    expect(ragged.code).toBe('INVALID_SHAPE');
    expect(ragged.message).toContain('row 1 has 2 columns');
    const width = thrown(() =>
      logLoss(
        [0, 1, 2],
        [
          [0.2, 0.8],
          [0.5, 0.5],
          [0, 1],
        ],
      ),
    );
    expect(width.code).toBe('INVALID_SHAPE');
    expect(width.message).toContain('2 columns but there are 3 classes');
    const flat = thrown(() =>
      topKAccuracyScore([0, 1], new Float64Array([0.2, 0.3, 0.5, 0.1, 0.9]), { nClasses: 3 }),
    );
    expect(flat.code).toBe('INVALID_SHAPE');
    expect(flat.message).toContain('not a multiple of options.nClasses = 3');
    expect(
      thrown(() =>
        rocAucScore(
          [0, 1, 1],
          [
            [0.4, 0.6],
            [0.3, 0.7],
            [0.1, 0.9],
          ],
        ),
      ).code,
    ).toBe('INVALID_SHAPE');
    expect(thrown(() => rocAucScore([0, 1, 2], [0.1, 0.5, 0.9])).code).toBe('INVALID_SHAPE');
  });

  it('a single class in yTrue makes ROC AUC undefined', () => {
    const e = thrown(() => rocAucScore([1, 1, 1], [0.2, 0.3, 0.9]));
    expect(e.code).toBe('SINGLE_CLASS');
    expect(e.message).toContain('Only one class');
    // Zero weights can remove the only negatives.
    expect(
      thrown(() => rocAucScore([0, 1, 1], [0.2, 0.3, 0.9], { sampleWeight: [0, 1, 1] })).code,
    ).toBe('SINGLE_CLASS');
    expect(thrown(() => logLoss(['a', 'a'], [0.2, 0.4])).code).toBe('INVALID_SHAPE');
  });

  it('a posLabel that is not a class of yTrue is UNKNOWN_POS_LABEL', () => {
    const e = thrown(() => averagePrecisionScore(['a', 'b'], [0.2, 0.8], { posLabel: 'c' }));
    expect(e.code).toBe('UNKNOWN_POS_LABEL');
    expect(e.message).toContain('"a", "b"');
    expect(thrown(() => rocCurve([3, 7], [0.1, 0.2])).code).toBe('UNKNOWN_POS_LABEL');
    expect(thrown(() => precisionRecallCurve([0, 1], [0.1, 0.2], { posLabel: 2 })).code).toBe(
      'UNKNOWN_POS_LABEL',
    );
    expect(thrown(() => brierScoreLoss(['x', 'y'], [0.1, 0.2])).code).toBe('UNKNOWN_POS_LABEL');
  });

  it('NaN and infinite scores name the row; NaN labels are missing values', () => {
    const e = thrown(() => rocAucScore([0, 1, 0], [0.2, Number.NaN, 0.4]));
    expect(e.code).toBe('NON_FINITE_VALUE');
    expect(e.message).toContain('row 1');
    expect(thrown(() => averagePrecisionScore([0, 1], [0.2, Number.POSITIVE_INFINITY])).code).toBe(
      'NON_FINITE_VALUE',
    );
    const m = thrown(() =>
      logLoss(
        [0, 1],
        [
          [0.5, Number.NaN],
          [0.5, 0.5],
        ],
      ),
    );
    expect(m.code).toBe('NON_FINITE_VALUE');
    expect(m.message).toContain('row 0, column 1');
    expect(thrown(() => rocAucScore([0, Number.NaN, 1], [0.1, 0.2, 0.3])).code).toBe(
      'MISSING_VALUE',
    );
    expect(
      thrown(() => rocAucScore(new Float64Array([0, Number.NaN, 1]), [0.1, 0.2, 0.3])).code,
    ).toBe('MISSING_VALUE');
  });

  it('length mismatches name both arguments', () => {
    const e = thrown(() => rocAucScore([0, 1, 1], [0.2, 0.3]));
    expect(e.code).toBe('LENGTH_MISMATCH');
    expect(e.message).toContain('yScore has 2 values but yTrue has 3');
    expect(thrown(() => logLoss([0, 1], [[0.5, 0.5]])).code).toBe('LENGTH_MISMATCH');
    expect(thrown(() => brierScoreLoss([0, 1], [0.2, 0.3], { sampleWeight: [1, 2, 3] })).code).toBe(
      'LENGTH_MISMATCH',
    );
  });

  it('empty inputs are EMPTY_INPUT', () => {
    expect(thrown(() => rocAucScore([], [])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => logLoss([], [])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => calibrationCurve([], [])).code).toBe('EMPTY_INPUT');
  });

  it('negative or all-zero weights are INVALID_WEIGHT', () => {
    const e = thrown(() => rocAucScore([0, 1], [0.1, 0.9], { sampleWeight: [1, -2] }));
    expect(e.code).toBe('INVALID_WEIGHT');
    expect(e.message).toContain('row 1');
    expect(thrown(() => logLoss([0, 1], [0.1, 0.9], { sampleWeight: [0, 0] })).code).toBe(
      'INVALID_WEIGHT',
    );
  });

  it('invalid options are INVALID_OPTION naming the option', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => rocAucScore([0, 1], [0.1, 0.9], { maxFpr: 0 }), 'options.maxFpr'],
      [() => rocAucScore([0, 1], [0.1, 0.9], { maxFpr: 1.5 }), 'options.maxFpr'],
      [
        () => rocAucScore([0, 1], [0.1, 0.9], { average: 'micro' as unknown as 'macro' }),
        'options.average',
      ],
      [() => topKAccuracyScore([0, 1, 2], [[0.2, 0.3, 0.5]].flat(), { k: 0 }), 'options.k'],
      [() => calibrationCurve([0, 1], [0.1, 0.9], { nBins: 0 }), 'options.nBins'],
      [
        () => calibrationCurve([0, 1], [0.1, 0.9], { strategy: 'kmeans' as unknown as 'uniform' }),
        'options.strategy',
      ],
      [() => logLoss([0, 1], [0.1, 0.9], { eps: 0.7 }), 'options.eps'],
      [() => expectedCalibrationError([0, 1], [0.1, 0.9], { nBins: 2.5 }), 'options.nBins'],
      [() => rocAucScore([0, 1, 2], [[0.2, 0.3, 0.5]].flat(), { nClasses: 0 }), 'options.nClasses'],
    ];
    for (const [call, argument] of cases) {
      const e = thrown(call);
      expect(e.code, argument).toBe('INVALID_OPTION');
      expect(e.path).toBe(argument);
    }
  });

  it('yTrue labels missing from options.labels are UNKNOWN_LABEL', () => {
    const e = thrown(() =>
      logLoss(
        [0, 5],
        [
          [0.5, 0.5],
          [0.3, 0.7],
        ],
        { labels: [0, 1] },
      ),
    );
    expect(e.code).toBe('UNKNOWN_LABEL');
    expect(e.message).toContain('5');
  });

  it('more than two classes are rejected by the binary-only metrics', () => {
    expect(thrown(() => brierScoreLoss([0, 1, 2], [0.1, 0.5, 0.9])).code).toBe('INVALID_SHAPE');
    expect(thrown(() => calibrationCurve([0, 1, 2], [0.1, 0.5, 0.9], { posLabel: 1 })).code).toBe(
      'INVALID_SHAPE',
    );
    expect(thrown(() => averagePrecisionScore([0, 1, 2], [0.1, 0.5, 0.9])).code).toBe(
      'INVALID_SHAPE',
    );
  });
});
