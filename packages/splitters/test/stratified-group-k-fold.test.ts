import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { onSplitWarning, StratifiedGroupKFold } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { checkWellFormed, complement, materialize } from './support/split-checks.js';

interface Case {
  y: number[];
  groups: number[];
  nSplits: number;
  warns: boolean;
  folds: number[][];
}

describe('StratifiedGroupKFold', () => {
  test.each(loadCases<Case>('stratified-group-k-fold').map((c, i) => ({ ...c, i, n: c.y.length })))(
    'matches scikit-learn 1.2.1 folds (case $i: n=$n, nSplits=$nSplits)',
    ({ y, groups, nSplits, folds, warns }) => {
      let warned = false;
      const off = onSplitWarning(() => {
        warned = true;
      });
      const splits = materialize(new StratifiedGroupKFold({ nSplits }).split({ y, groups }));
      off();
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, y.length));
      });
      expect(warned).toBe(warns);
    },
  );

  test('shuffled: groups stay whole, same seed same folds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 15 })), {
          minLength: 20,
          maxLength: 200,
        }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, k, seed) => {
          const y = rows.map((r) => r[0]);
          const groups = rows.map((r) => r[1]);
          const counts = new Map<number, number>();
          for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
          fc.pre(new Set(groups).size >= k && Math.max(...counts.values()) >= k);
          const off = onSplitWarning(() => {});
          const cv = new StratifiedGroupKFold({ nSplits: k, shuffle: true, randomState: seed });
          const splits = [...cv.split({ y, groups })];
          const again = cv.foldIds({ y, groups });
          off();
          checkWellFormed(splits, y.length);
          splits.forEach(({ train, test }, f) => {
            const trainGroups = new Set([...train].map((i) => groups[i]));
            for (const i of test) {
              expect(trainGroups.has(groups[i]!)).toBe(false);
              expect(again[i]).toBe(f);
            }
          });
        },
      ),
    );
  });

  test('rejects fewer distinct groups than splits (scikit-learn would yield empty folds)', () => {
    expect(() =>
      new StratifiedGroupKFold({ nSplits: 3 }).foldIds({
        y: [0, 1, 0, 1, 0, 1],
        groups: [1, 1, 2, 2, 1, 2],
      }),
    ).toThrow(/nSplits=3 greater than the number of distinct groups 2/);
  });
});
