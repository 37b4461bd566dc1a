import { describe, expect, it } from 'vitest';
import {
  averagePrecisionScore,
  brierScoreLoss,
  logLoss,
  MetricInputError,
  rocAucScore,
  topKAccuracyScore,
} from '../src/index.js';

const labels = [3, 5, 5, 3, 5, 3, 3, 5];
const probs = [0.1, 0.8, 0.35, 0.4, 0.9, 0.05, 0.6, 0.3];

describe('typed-array label columns give the same results as plain arrays', () => {
  const columns: Array<[string, ArrayLike<number>]> = [
    ['Int32Array', Int32Array.from(labels)],
    ['Uint8Array', Uint8Array.from(labels)],
    ['Int16Array', Int16Array.from(labels)],
    ['Float64Array', Float64Array.from(labels)],
    ['Float32Array', Float32Array.from(labels)],
  ];
  for (const [name, column] of columns) {
    it(name, () => {
      expect(rocAucScore(column, probs)).toBe(rocAucScore(labels, probs));
      expect(logLoss(column, probs)).toBe(logLoss(labels, probs));
      expect(brierScoreLoss(column, probs)).toBe(brierScoreLoss(labels, probs));
      expect(averagePrecisionScore(column, probs, { posLabel: 5 })).toBe(
        averagePrecisionScore(labels, probs, { posLabel: 5 }),
      );
    });
  }

  it('multiclass typed labels (codes of a dense integer range) match plain arrays', () => {
    const y = [0, 2, 1, 2, 0, 1];
    const p = [
      [0.6, 0.3, 0.1],
      [0.2, 0.2, 0.6],
      [0.3, 0.4, 0.3],
      [0.1, 0.3, 0.6],
      [0.5, 0.25, 0.25],
      [0.2, 0.5, 0.3],
    ];
    expect(logLoss(Int32Array.from(y), p)).toBe(logLoss(y, p));
    expect(topKAccuracyScore(Uint16Array.from(y), p, { k: 1 })).toBe(
      topKAccuracyScore(y, p, { k: 1 }),
    );
    expect(rocAucScore(Int8Array.from(y), p, { multiClass: 'ovr' })).toBe(
      rocAucScore(y, p, { multiClass: 'ovr' }),
    );
  });

  it('integer float labels with three values are multiclass, non-integer ones continuous; NaN labels are missing values', () => {
    const codeOf = (call: () => unknown): unknown => {
      try {
        call();
      } catch (e) {
        expect(e).toBeInstanceOf(MetricInputError);
        return (e as MetricInputError).code;
      }
      return undefined;
    };
    expect(codeOf(() => rocAucScore(new Float64Array([0, 1, 2]), [0.1, 0.2, 0.3]))).toBe(
      'INVALID_SHAPE',
    );
    expect(codeOf(() => rocAucScore(new Float64Array([0, 0.5, 1]), [0.1, 0.2, 0.3]))).toBe(
      'INVALID_LABEL',
    );
    expect(() => logLoss(new Float32Array([0, Number.NaN]), [0.1, 0.2])).toThrow(/row 1/);
  });
});
