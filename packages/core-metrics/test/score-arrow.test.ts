import { Field, FixedSizeList, Float32, Float64, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionScore,
  brierScoreLoss,
  logLoss,
  MetricInputError,
  meanSquaredError,
  r2Score,
  rocAucScore,
  topKAccuracyScore,
} from '../src/index.js';

const labels = [0, 1, 1, 0, 1, 0, 1, 1];
const scores = [0.1, 0.8, 0.35, 0.4, 0.9, 0.05, 0.6, 0.3];

describe('Arrow vector inputs give the same results as arrays', () => {
  it('binary metrics over Int32 / Float64 / Float32 / Utf8 vectors', () => {
    const y = vectorFromArray(labels, new Int32());
    const s = vectorFromArray(scores, new Float64());
    expect(rocAucScore(y, s)).toBe(rocAucScore(labels, scores));
    expect(averagePrecisionScore(y, s)).toBe(averagePrecisionScore(labels, scores));
    expect(logLoss(y, s)).toBe(logLoss(labels, scores));
    expect(brierScoreLoss(y, s)).toBe(brierScoreLoss(labels, scores));
    const s32 = vectorFromArray(scores, new Float32());
    expect(rocAucScore(y, s32)).toBe(rocAucScore(labels, Float32Array.from(scores)));
    const names = vectorFromArray(
      labels.map((v) => (v === 1 ? 'spam' : 'ham')),
      new Utf8(),
    );
    expect(rocAucScore(names, s)).toBe(rocAucScore(labels, scores));
  });

  it('probability matrices as FixedSizeList vectors', () => {
    const rows = [
      [0.7, 0.2, 0.1],
      [0.1, 0.6, 0.3],
      [0.2, 0.2, 0.6],
      [0.3, 0.4, 0.3],
      [0.5, 0.1, 0.4],
    ];
    const y = [0, 1, 2, 1, 2];
    const m = vectorFromArray(rows, new FixedSizeList(3, new Field('p', new Float64())));
    expect(logLoss(y, m)).toBe(logLoss(y, rows));
    expect(rocAucScore(y, m, { multiClass: 'ovo' })).toBe(
      rocAucScore(y, rows, { multiClass: 'ovo' }),
    );
    expect(topKAccuracyScore(y, m, { k: 1 })).toBe(topKAccuracyScore(y, rows, { k: 1 }));
  });

  it('regression metrics over Float64 vectors', () => {
    const t = [3, -0.5, 2, 7];
    const p = [2.5, 0, 2, 8];
    const tv = vectorFromArray(t, new Float64());
    const pv = vectorFromArray(p, new Float64());
    expect(r2Score(tv, pv)).toBe(r2Score(t, p));
    expect(meanSquaredError(tv, pv)).toBe(meanSquaredError(t, p));
  });

  it('nulls in Arrow columns are MISSING_VALUE naming the row', () => {
    const s = vectorFromArray([0.1, null, 0.3], new Float64());
    let error: unknown;
    try {
      rocAucScore([0, 1, 0], s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MetricInputError);
    expect((error as MetricInputError).code).toBe('MISSING_VALUE');
    expect((error as MetricInputError).message).toContain('row 1');
  });
});
