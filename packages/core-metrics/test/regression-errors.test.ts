import { describe, expect, it } from 'vitest';
import {
  meanAbsoluteError,
  meanSquaredLogError,
  RegressionAccumulator,
  r2Score,
  rootMeanSquaredError,
} from '../src/index.js';
import { thrown } from './support/thrown.js';

describe('regression metrics reject bad input with typed errors', () => {
  it('NaN and infinite values name argument and row', () => {
    const e = thrown(() => meanAbsoluteError([1, 2, Number.NaN], [1, 2, 3]));
    expect(e.code).toBe('NON_FINITE_VALUE');
    expect(e.path).toBe('yTrue');
    expect(e.message).toContain('row 2');
    const p = thrown(() => r2Score([1, 2], [1, Number.NEGATIVE_INFINITY]));
    expect(p.code).toBe('NON_FINITE_VALUE');
    expect(p.path).toBe('yPred');
    expect(thrown(() => meanAbsoluteError([1, null as unknown as number], [1, 2])).code).toBe(
      'MISSING_VALUE',
    );
  });

  it('length mismatch, empty input and bad weights', () => {
    expect(thrown(() => rootMeanSquaredError([1, 2, 3], [1, 2])).code).toBe('LENGTH_MISMATCH');
    expect(thrown(() => rootMeanSquaredError([], [])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => meanAbsoluteError([1, 2], [1, 2], { sampleWeight: [1, -1] })).code).toBe(
      'INVALID_WEIGHT',
    );
    expect(thrown(() => meanAbsoluteError([1, 2], [1, 2], { sampleWeight: [0, 0] })).code).toBe(
      'INVALID_WEIGHT',
    );
  });

  it('negative values make MSLE an error, as scikit-learn', () => {
    const e = thrown(() => meanSquaredLogError([1, -2], [1, 2]));
    expect(e.code).toBe('NEGATIVE_VALUE');
    expect(e.message).toContain('-2');
  });

  it('the accumulator validates its inputs and states', () => {
    const acc = new RegressionAccumulator();
    expect(thrown(() => acc.update(new Float64Array([1, 2]), new Float64Array([1]))).code).toBe(
      'LENGTH_MISMATCH',
    );
    const nan = thrown(() =>
      acc.update(new Float64Array([1, 2]), new Float64Array([1, Number.NaN])),
    );
    expect(nan.code).toBe('NON_FINITE_VALUE');
    expect(nan.message).toContain('yPred has NaN at row 1');
    expect(
      thrown(() =>
        new RegressionAccumulator().update(
          new Float64Array([1]),
          new Float64Array([1]),
          new Float64Array([-1]),
        ),
      ).code,
    ).toBe('INVALID_WEIGHT');
    expect(thrown(() => new RegressionAccumulator().meanSquaredError()).code).toBe('EMPTY_INPUT');
    const median = thrown(() =>
      new RegressionAccumulator()
        .update(new Float64Array([1]), new Float64Array([2]))
        .medianAbsoluteError(),
    );
    expect(median.code).toBe('INVALID_STATE');
    expect(median.message).toContain('keepResiduals');
    expect(
      thrown(() =>
        new RegressionAccumulator().merge(new RegressionAccumulator({ keepResiduals: true })),
      ).code,
    ).toBe('INVALID_STATE');
    const logs = thrown(() =>
      new RegressionAccumulator().merge(new RegressionAccumulator({ squaredLog: false })),
    );
    expect([logs.code, logs.message]).toEqual([
      'INVALID_STATE',
      'Cannot merge a RegressionAccumulator with squaredLog false into one with squaredLog true; both must agree.',
    ]);
  });

  it('fromJSON rejects malformed snapshots naming the field', () => {
    const good = new RegressionAccumulator()
      .update(new Float64Array([1, 2, 4]), new Float64Array([1, 3, 3]))
      .toJSON();
    expect(RegressionAccumulator.fromJSON(good).meanAbsoluteError()).toBeCloseTo(2 / 3, 15);
    const cases: Array<[unknown, string]> = [
      [null, '(root)'],
      [{ ...good, kind: 'Other' }, 'kind'],
      [{ ...good, version: 2 }, 'version'],
      [{ ...good, m2True: -1 }, 'm2True'],
      [{ ...good, sumSquares: 'x' }, 'sumSquares'],
      [{ ...good, count: 1.5 }, 'count'],
      [{ ...good, residuals: [1, 2] }, 'residuals'],
      [{ ...good, sumSquaredLog: 'x' }, 'sumSquaredLog'],
      [{ ...good, sumSquaredLog: undefined }, 'sumSquaredLog'],
    ];
    for (const [json, field] of cases) {
      const e = thrown(() => RegressionAccumulator.fromJSON(json));
      expect(e.code).toBe('INVALID_STATE');
      expect(e.path).toBe(field);
    }
  });
});
