import { describe, expect, test } from 'vitest';
import { PredefinedSplit } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { materialize } from './support/split-checks.js';

interface Case {
  testFold: number[];
  folds: { train: number[]; test: number[] }[];
}

describe('PredefinedSplit', () => {
  test.each(loadCases<Case>('predefined-split'))(
    'matches scikit-learn for testFold=$testFold',
    ({ testFold, folds }) => {
      const ps = new PredefinedSplit({ testFold });
      expect(materialize(ps.split())).toEqual(folds);
      expect(materialize(ps.split({ n: testFold.length }))).toEqual(folds);
      expect(ps.getNSplits()).toBe(folds.length);
      const ids = ps.foldIds();
      testFold.forEach((label, i) => {
        const k = folds.findIndex((f) => f.test.includes(i));
        expect(ids[i]).toBe(label === -1 ? -1 : k);
      });
    },
  );

  test('rejects a testFold of the wrong length or with non-integers', () => {
    const ps = new PredefinedSplit({ testFold: [0, 1, 1] });
    expect(() => ps.split({ n: 4 })).toThrow(/testFold has 3 rows but the input has 4/);
    expect(() => ps.foldIds({ y: [0, 1] })).toThrow(/testFold has 3 rows but the input has 2/);
    expect(() => new PredefinedSplit({ testFold: [0, 0.5] })).toThrow(/testFold\[1\] is 0.5/);
  });
});
