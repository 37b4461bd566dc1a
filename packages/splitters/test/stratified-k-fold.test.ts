import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { onSplitWarning, type SplitWarning, StratifiedKFold } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { checkWellFormed, complement, materialize } from './support/split-checks.js';

interface Case {
  y: (number | string)[];
  nSplits: number;
  warns: boolean;
  folds: number[][];
  classes: (number | string)[];
  shuffledClassCounts: number[][];
}

const cases = loadCases<Case>('stratified-k-fold');

function collectWarnings<T>(fn: () => T): [T, SplitWarning[]] {
  const seen: SplitWarning[] = [];
  const off = onSplitWarning((w) => seen.push(w));
  try {
    return [fn(), seen];
  } finally {
    off();
  }
}

describe('StratifiedKFold', () => {
  test.each(cases.map((c, i) => ({ ...c, i, n: c.y.length })))(
    'matches scikit-learn 1.2.1 folds (case $i: n=$n, nSplits=$nSplits)',
    ({ y, nSplits, folds, warns }) => {
      const [splits, warnings] = collectWarnings(() =>
        materialize(new StratifiedKFold({ nSplits }).split({ y })),
      );
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, y.length));
      });
      expect(warnings.length > 0).toBe(warns);
    },
  );

  test.each(cases.map((c, i) => ({ ...c, i })))(
    'shuffled folds keep scikit-learn per-fold class counts (case $i)',
    ({ y, nSplits, classes, shuffledClassCounts }) => {
      const ids = new StratifiedKFold({ nSplits, shuffle: true, randomState: 11 }).foldIds({ y });
      const counts = Array.from({ length: nSplits }, () => classes.map(() => 0));
      y.forEach((label, i) => {
        counts[ids[i]!]![classes.indexOf(label)]! += 1;
      });
      expect(counts).toEqual(shuffledClassCounts);
    },
  );

  test('accepts typed arrays and Arrow-like integer columns identically to plain arrays', () => {
    const y = [2, 0, 1, 2, 2, 0, 1, 1, 0, 2, 1, 0];
    const skf = new StratifiedKFold({ nSplits: 3 });
    const plain = skf.foldIds({ y });
    expect(skf.foldIds({ y: Int32Array.from(y) })).toEqual(plain);
    expect(skf.foldIds({ y: Float64Array.from(y) })).toEqual(plain);
    expect(skf.foldIds({ y: y.map((v) => `label-${v}`) })).toEqual(plain);
  });

  test('each fold holds each class within one row of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 10, maxLength: 400 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (y, k, shuffle, seed) => {
          const counts = new Map<number, number>();
          for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
          fc.pre(k <= y.length && Math.max(...counts.values()) >= k);
          const skf = shuffle
            ? new StratifiedKFold({ nSplits: k, shuffle, randomState: seed })
            : new StratifiedKFold({ nSplits: k });
          const [splits] = collectWarnings(() => [...skf.split({ y })]);
          checkWellFormed(splits, y.length);
          const ids = skf.foldIds({ y });
          splits.forEach((s, f) => {
            expect([...s.test]).toEqual([...ids.keys()].filter((i) => ids[i] === f));
            for (const [label, total] of counts) {
              const inFold = [...s.test].filter((i) => y[i] === label).length;
              expect(Math.abs(inFold - total / k)).toBeLessThan(1);
            }
          });
        },
      ),
    );
  });

  test('warns through the channel when the least populated class is smaller than nSplits', () => {
    const [, warnings] = collectWarnings(() =>
      new StratifiedKFold({ nSplits: 3 }).foldIds({ y: [0, 0, 0, 0, 1] }),
    );
    expect(warnings).toEqual([
      {
        code: 'LEAST_POPULATED_CLASS',
        splitter: 'StratifiedKFold',
        message: 'The least populated class in y has only 1 members, which is less than nSplits=3.',
      },
    ]);
  });

  test('rejects classes that are all smaller than nSplits, NaN labels and missing y', () => {
    expect(() => new StratifiedKFold({ nSplits: 3 }).foldIds({ y: [0, 0, 1, 1, 2, 2] })).toThrow(
      /nSplits=3 cannot be greater than the number of members in each class/,
    );
    expect(() => new StratifiedKFold({ nSplits: 2 }).foldIds({ y: [0, Number.NaN, 1, 1] })).toThrow(
      /input.y has NaN at row 1/,
    );
    expect(() => new StratifiedKFold({ nSplits: 2 }).foldIds({ n: 4 })).toThrow(
      /StratifiedKFold needs class labels/,
    );
    expect(() => new StratifiedKFold({ nSplits: 2 }).foldIds({ y: [0.5, 1.5, 0.5, 1.5] })).toThrow(
      /continuous target/,
    );
    expect(() =>
      new StratifiedKFold({ nSplits: 2 }).foldIds({ y: [0, 'a', 0, 'a'] as (number | string)[] }),
    ).toThrow(/labels must be all numbers or all strings/);
  });
});
