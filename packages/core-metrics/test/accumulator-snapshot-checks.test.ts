import { describe, expect, it } from 'vitest';
import { ConfusionAccumulator, RegressionAccumulator } from '../src/index.js';
import { thrown } from './support/thrown.js';

const yTrue = Float64Array.of(3, -0.5, 2, 7);
const yPred = Float64Array.of(2.5, 0, 2, 8);
const snapshot = (acc: RegressionAccumulator): Record<string, unknown> =>
  JSON.parse(JSON.stringify(acc.toJSON()));

describe('RegressionAccumulator.fromJSON refuses a snapshot whose fields disagree', () => {
  const good = snapshot(new RegressionAccumulator().update(yTrue, yPred));

  it.each([
    ['weightSum', { count: 0 }, 'it must be 0 when count is 0 (no rows seen), not 4.'],
    [
      'm2True',
      { count: 0, weightSum: 0, meanTrue: 0 },
      'it must be 0 when count is 0 (no rows seen), not 29.1875.',
    ],
    [
      'minValue',
      { ...snapshot(new RegressionAccumulator()), minValue: -1 },
      'it must be null when count is 0 (no rows seen).',
    ],
    [
      'minValue',
      { minValue: null },
      'it must be a finite number when count is 4 (the smallest value seen).',
    ],
  ])('names %s', (field, patch, ending) => {
    const error = thrown(() => RegressionAccumulator.fromJSON({ ...good, ...patch }));
    expect([error.code, error.path]).toEqual(['INVALID_STATE', field]);
    expect(error.message).toBe(
      `RegressionAccumulator.fromJSON: field ${field} is invalid; ${ending}`,
    );
  });

  it('refuses a key that toJSON() does not write, naming it', () => {
    const error = thrown(() => RegressionAccumulator.fromJSON({ ...good, bogus: 1 }));
    expect([error.code, error.path]).toEqual(['INVALID_STATE', 'bogus']);
    expect(error.message).toBe(
      'RegressionAccumulator.fromJSON: field bogus is invalid; it must be absent: a snapshot from toJSON() has only the fields kind, version, count, weightSum, meanTrue, m2True, meanResidual, m2Residual, sumAbs, sumSquares, sumPercentage, maxAbs, sumSquaredLog, minValue, residuals, residualWeights.',
    );
  });

  it('still restores every state update() and merge() reach', () => {
    const states = [
      new RegressionAccumulator(),
      new RegressionAccumulator({ keepResiduals: true, squaredLog: false }),
      new RegressionAccumulator().update(yTrue, yPred, Float64Array.of(0, 0, 0, 0)),
      new RegressionAccumulator({ keepResiduals: true }).update(
        yTrue,
        yPred,
        Float64Array.of(1, 2, 0, 1),
      ),
      new RegressionAccumulator().merge(new RegressionAccumulator().update(yTrue, yPred)),
    ];
    for (const acc of states) {
      const json = snapshot(acc);
      expect(snapshot(RegressionAccumulator.fromJSON(json))).toEqual(json);
    }
  });
});

describe('ConfusionAccumulator.fromJSON refuses a key that toJSON() does not write', () => {
  it('names the key', () => {
    const json = JSON.parse(JSON.stringify(new ConfusionAccumulator(2)));
    const error = thrown(() => ConfusionAccumulator.fromJSON({ ...json, weighted: true }));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toBe(
      'ConfusionAccumulator state field weighted is not a field of a snapshot; toJSON() writes only nClasses and counts.',
    );
  });

  it('still restores fractional (weighted) counts', () => {
    const acc = new ConfusionAccumulator(2).update(
      Int32Array.of(0, 1),
      Int32Array.of(0, 0),
      Float64Array.of(0.5, 1.5),
    );
    const copy = ConfusionAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
    expect([...copy.counts]).toEqual([0.5, 0, 1.5, 0]);
  });
});
