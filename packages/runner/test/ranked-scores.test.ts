import { inScoreOrder, scoreOrderKernel } from '@assay/core-metrics';
import { describe, expect, test } from 'vitest';
import { rankedScores, rankedValues, rankingsFit } from '../src/metrics/ranked-scores.js';

function column(values: number[]): Float64Array {
  // a shared buffer, as the runner's columns: each task sees its own view of it
  const out = new Float64Array(new SharedArrayBuffer(values.length * 8));
  out.set(values);
  return out;
}

describe('rankings kept by a worker', () => {
  const values = [0.3, 0.9, 0.3, 0.1, 0.7, 0.9];

  test('are reused for the same scores in another view, and equal a fresh ranking', () => {
    const first = column(values);
    const ranked = rankedScores(first, null);
    expect(ranked).toEqual(scoreOrderKernel(first, null));
    expect(rankedScores(first, null)).toBe(ranked);
    // what a later task receives: a new typed array over the same memory
    expect(rankedScores(new Float64Array(first.buffer), null)).toBe(ranked);
    expect(rankedScores(Float64Array.from(values), null)).toBe(ranked);
  });

  test('are never reused for other scores, other rows or another length', () => {
    const ranked = rankedScores(column(values), null);
    const changed = column([0.3, 0.9, 0.2, 0.1, 0.7, 0.9]);
    const other = rankedScores(changed, null);
    expect(other).not.toBe(ranked);
    expect(other).toEqual(scoreOrderKernel(changed, null));
    const slice = Uint32Array.of(0, 2, 5);
    const inSlice = rankedScores(column(values), slice);
    expect(inSlice).toEqual(scoreOrderKernel(column(values), slice));
    expect(rankedScores(column(values), Uint32Array.of(0, 2, 5))).toBe(inSlice);
    expect(rankedScores(column(values), Uint32Array.of(0, 2, 4))).not.toBe(inSlice);
    const longer = column([...values, 0.5]);
    expect(rankedScores(longer, null)).toEqual(scoreOrderKernel(longer, null));
  });

  test('lay labels out in ranked order once, and again for other labels', () => {
    const ranked = rankedScores(column(values), null);
    const labels = Uint8Array.of(1, 0, 0, 1, 1, 0);
    const laid = rankedValues(ranked, labels);
    expect(laid).toEqual(inScoreOrder(ranked, labels));
    expect(rankedValues(ranked, labels)).toBe(laid);
    expect(rankedValues(ranked, Uint8Array.from(labels))).toBe(laid);
    const other = Uint8Array.of(0, 0, 0, 1, 1, 0);
    expect(rankedValues(ranked, other)).toEqual(inScoreOrder(ranked, other));
    const weights = Float64Array.of(1, 0, 0, 1, 1, 0);
    const laidWeights = rankedValues(ranked, weights);
    expect(laidWeights).toBeInstanceOf(Float64Array);
    expect(laidWeights).toEqual(inScoreOrder(ranked, weights));
  });

  test('are kept for a job whose rankings take at most a third of a worker budget', () => {
    // a binary column of 500k rows: 3 MB
    expect(rankingsFit(1, 500_000, 6)).toBe(true);
    // ten classes of 10M rows: 1 GB, read from the drawn rows instead
    expect(rankingsFit(10, 10_000_000, 10)).toBe(false);
    // the boundary: 256 MiB / 3 = 89,478,485.3 bytes
    expect(rankingsFit(1, 89_478_485, 1)).toBe(true);
    expect(rankingsFit(1, 89_478_486, 1)).toBe(false);
  });
});
