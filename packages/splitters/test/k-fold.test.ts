import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KFold, SplitError, StratifiedKFold } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { checkWellFormed, complement, materialize } from './support/split-checks.js';

interface Case {
  n: number;
  nSplits: number;
  folds: number[][];
}

describe('KFold', () => {
  test.each(loadCases<Case>('k-fold'))(
    'matches scikit-learn for n=$n, nSplits=$nSplits',
    ({ n, nSplits, folds }) => {
      const splits = materialize(new KFold({ nSplits }).split({ n }));
      expect(splits.map((s) => s.test)).toEqual(folds);
      splits.forEach((s, k) => {
        expect(s.train).toEqual(complement(folds[k]!, n));
      });
    },
  );

  test('shuffled test sets partition the rows, with scikit-learn fold sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (n, k, seed) => {
          fc.pre(k <= n);
          const splits = [...new KFold({ nSplits: k, shuffle: true, randomState: seed }).split(n)];
          checkWellFormed(splits, n);
          const sizes = splits.map((s) => s.test.length);
          const expected = Array.from(
            { length: k },
            (_, f) => Math.floor(n / k) + (f < n % k ? 1 : 0),
          );
          expect(sizes).toEqual(expected);
          const all = splits.flatMap((s) => [...s.test]).sort((a, b) => a - b);
          expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
          for (const s of splits) expect(s.train.length + s.test.length).toBe(n);
        },
      ),
    );
  });

  test('the same seed gives the same folds and another seed different ones', () => {
    const a = new KFold({ nSplits: 4, shuffle: true, randomState: 9 }).foldIds(200);
    const b = new KFold({ nSplits: 4, shuffle: true, randomState: 9 }).foldIds(200);
    const c = new KFold({ nSplits: 4, shuffle: true, randomState: 10 }).foldIds(200);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('shuffled KFold is StratifiedKFold with a single class, as documented', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max: 99 }), (n, seed) => {
        const k = 2 + (seed % Math.min(n - 1, 7));
        const single = new Int32Array(n);
        expect(new KFold({ nSplits: k, shuffle: true, randomState: seed }).foldIds(n)).toEqual(
          new StratifiedKFold({ nSplits: k, shuffle: true, randomState: seed }).foldIds({
            y: single,
          }),
        );
      }),
    );
  });

  test('shuffle without randomState uses the documented default seed 0', () => {
    const implicit = new KFold({ nSplits: 3, shuffle: true }).foldIds(50);
    const explicit = new KFold({ nSplits: 3, shuffle: true, randomState: 0 }).foldIds(50);
    expect(implicit).toEqual(explicit);
  });

  test('foldIds agrees with split()', () => {
    const kf = new KFold({ nSplits: 5, shuffle: true, randomState: 3 });
    const ids = kf.foldIds({ n: 37 });
    materialize(kf.split({ n: 37 })).forEach((s, k) => {
      expect(s.test).toEqual([...ids.keys()].filter((i) => ids[i] === k));
    });
  });

  test('n defaults to the length of y or groups', () => {
    expect(new KFold({ nSplits: 2 }).foldIds({ y: [1, 2, 3] })).toEqual(Int32Array.from([0, 0, 1]));
    expect(new KFold({ nSplits: 2 }).foldIds({ groups: ['a', 'b'] })).toEqual(
      Int32Array.from([0, 1]),
    );
  });

  test('rejects bad options and inputs with typed errors', () => {
    expect(() => new KFold({ nSplits: 1 })).toThrow(
      /options.nSplits must be an integer >= 2, got 1/,
    );
    expect(() => new KFold({ nSplits: 2.5 })).toThrow(SplitError);
    expect(() => new KFold({ randomState: 3 })).toThrow(/no effect since options.shuffle is false/);
    expect(() => new KFold({ shuffle: true, randomState: -1 })).toThrow(/\[0, 4294967295\]/);
    expect(() => new KFold({ nSplits: 5 }).foldIds(4)).toThrow(
      /nSplits=5 greater than the number of samples n=4/,
    );
    expect(() => new KFold().foldIds(-3)).toThrow(/non-negative integer/);
    expect(() => new KFold().foldIds(2.5)).toThrow(/non-negative integer/);
    expect(() => new KFold({ nSplits: 2 }).foldIds({ n: 3, y: [1, 2] })).toThrow(
      /input.y has 2 rows but the input has 3/,
    );
    try {
      new KFold({ nSplits: 9 }).foldIds(3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SplitError);
      expect((error as SplitError).code).toBe('TOO_FEW_SAMPLES');
    }
  });

  test('split validates eagerly, before the first fold is drawn', () => {
    expect(() => new KFold({ nSplits: 3 }).split(2)).toThrow(SplitError);
  });
});
