import { makeVector, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  accuracyScore,
  classificationReport,
  cohenKappaScore,
  confusionMatrix,
  f1Score,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
} from '../src/index.js';

const yTrue = [0, 1, 2, 2, 1, 0, 1, 3, 3, 2];
const yPred = [0, 2, 2, 1, 1, 0, 0, 3, 2, 2];
const weights = [1, 0.5, 2, 0, 1, 3, 1, 0.25, 1, 1];
const names = ['ant', 'bee', 'cat', 'dog'];

describe('Arrow vector inputs equal plain array inputs', () => {
  it('Int32 vectors (makeVector)', () => {
    const t = makeVector(Int32Array.from(yTrue));
    const p = makeVector(Int32Array.from(yPred));
    expect(f1Score(t, p, { average: 'macro' })).toBe(f1Score(yTrue, yPred, { average: 'macro' }));
    expect(confusionMatrix(t, p)).toEqual(confusionMatrix(yTrue, yPred));
    expect(matthewsCorrcoef(t, p)).toBe(matthewsCorrcoef(yTrue, yPred));
  });

  it('Float64 vectors with integer values (vectorFromArray)', () => {
    const t = vectorFromArray(yTrue);
    const p = vectorFromArray(yPred);
    expect(t.type.toString()).toBe('Float64');
    expect(accuracyScore(t, p)).toBe(accuracyScore(yTrue, yPred));
    expect(precisionRecallFscoreSupport(t, p)).toEqual(precisionRecallFscoreSupport(yTrue, yPred));
  });

  it('dictionary-encoded string vectors and an Arrow weight vector', () => {
    const st = yTrue.map((i) => names[i]!);
    const sp = yPred.map((i) => names[i]!);
    const t = vectorFromArray(st);
    const p = vectorFromArray(sp);
    const w = vectorFromArray(weights);
    expect(t.type.toString()).toMatch(/Dictionary|Utf8/);
    expect(f1Score(t, p, { average: 'weighted', sampleWeight: w })).toBe(
      f1Score(st, sp, { average: 'weighted', sampleWeight: weights }),
    );
    expect(cohenKappaScore(t, p, { weights: 'linear', sampleWeight: w })).toBe(
      cohenKappaScore(st, sp, { weights: 'linear', sampleWeight: weights }),
    );
    expect(classificationReport(t, p).text).toBe(classificationReport(st, sp).text);
  });

  it('typed arrays of any integer width agree with plain arrays', () => {
    const expected = f1Score(yTrue, yPred, { average: null });
    expect(f1Score(Uint8Array.from(yTrue), Int16Array.from(yPred), { average: null })).toEqual(
      expected,
    );
    expect(f1Score(Float32Array.from(yTrue), Uint32Array.from(yPred), { average: null })).toEqual(
      expected,
    );
    expect(f1Score(Float64Array.from(yTrue), yPred, { average: null })).toEqual(expected);
  });
});
