import { describe, expect, it } from 'vitest';
import { encodeRatingPairs } from '../src/index.js';
import { thrown } from './support/thrown.js';

describe('encodeRatingPairs', () => {
  it('numbers each row by its cell of the K x K matrix, labels sorted', () => {
    const pairs = encodeRatingPairs([5, 1, 3, 3], [4, 1, 5, 3]);
    expect(pairs.labels).toEqual([1, 3, 4, 5]);
    expect(pairs.nClasses).toBe(4);
    expect(Array.from(pairs.cells)).toEqual([3 * 4 + 2, 0, 1 * 4 + 3, 1 * 4 + 1]);
  });

  it('gives Int32Array grades the same cells as plain arrays', () => {
    const y1 = [1, 2, 5, 4, 4, 2];
    const y2 = [1, 3, 5, 4, 2, 2];
    const plain = encodeRatingPairs(y1, y2, { labels: [5, 4, 3, 2, 1] });
    const typed = encodeRatingPairs(Int32Array.from(y1), Int32Array.from(y2), {
      labels: [5, 4, 3, 2, 1],
    });
    expect(Array.from(typed.cells)).toEqual(Array.from(plain.cells));
    expect(typed.labels).toEqual([5, 4, 3, 2, 1]);
  });

  it('marks rows with a label outside options.labels as -1, in either rater', () => {
    const pairs = encodeRatingPairs(['A', 'B', 'C', 'A'], ['A', 'C', 'B', 'B'], {
      labels: ['B', 'A'],
    });
    expect(Array.from(pairs.cells)).toEqual([3, -1, -1, 2]);
  });

  it('refuses labels of which none occurs in y1, as cohenKappaScore does', () => {
    const error = thrown(() => encodeRatingPairs(['A', 'B'], ['C', 'C'], { labels: ['C'] }));
    expect(error.code).toBe('UNKNOWN_LABEL');
    expect(error.path).toBe('options.labels');
  });

  it('refuses raters of different lengths', () => {
    expect(thrown(() => encodeRatingPairs([1, 2, 3], [1, 2])).code).toBe('LENGTH_MISMATCH');
  });
});
