import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { GroupKFold, type SplitError } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { checkWellFormed, complement, materialize } from './support/split-checks.js';

interface Case {
  groups: (number | string)[];
  nSplits: number;
  folds: number[][];
}

describe('GroupKFold', () => {
  test.each(loadCases<Case>('group-k-fold').map((c, i) => ({ ...c, i, n: c.groups.length })))(
    'matches scikit-learn 1.2.1 folds (case $i: n=$n, nSplits=$nSplits)',
    ({ groups, nSplits, folds }) => {
      const splits = materialize(new GroupKFold({ nSplits }).split({ groups }));
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, groups.length));
      });
    },
  );

  test('never puts a group on both sides and tests every row once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 300 }),
        fc.integer({ min: 2, max: 6 }),
        (groups, k) => {
          fc.pre(new Set(groups).size >= k);
          const splits = [...new GroupKFold({ nSplits: k }).split({ groups })];
          checkWellFormed(splits, groups.length);
          for (const { train, test } of splits) {
            const trainGroups = new Set([...train].map((i) => groups[i]));
            for (const i of test) expect(trainGroups.has(groups[i]!)).toBe(false);
          }
          expect(splits.reduce((sum, s) => sum + s.test.length, 0)).toBe(groups.length);
        },
      ),
    );
  });

  test('rejects fewer distinct groups than splits and missing groups', () => {
    expect(() => new GroupKFold({ nSplits: 3 }).foldIds({ groups: [1, 1, 2, 2] })).toThrow(
      /nSplits=3 greater than the number of distinct groups 2/,
    );
    expect(() => new GroupKFold({ nSplits: 2 }).foldIds({ n: 4 })).toThrow(/needs group labels/);
    expect(() =>
      new GroupKFold({ nSplits: 2 }).foldIds({ groups: [1, null, 2] as number[] }),
    ).toThrow(/input.groups has null at row 1/);
    try {
      new GroupKFold({ nSplits: 3 }).foldIds({ groups: ['a', 'b', 'a'] });
      expect.unreachable();
    } catch (error) {
      expect((error as SplitError).code).toBe('TOO_FEW_GROUPS');
    }
  });
});
