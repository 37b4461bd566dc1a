import { describe, expect, test } from 'vitest';
import { KFold, RepeatedKFold, RepeatedStratifiedKFold, StratifiedKFold } from '../src/index.js';
import { materialize } from './support/split-checks.js';

describe('RepeatedKFold and RepeatedStratifiedKFold', () => {
  test('split() is the repeats of foldIdsForRepeat, in order', () => {
    const cv = new RepeatedKFold({ nSplits: 3, nRepeats: 4, randomState: 8 });
    const splits = materialize(cv.split(20));
    expect(splits.length).toBe(cv.getNSplits());
    const perRepeat = cv.foldIdsPerRepeat(20);
    expect(perRepeat.length).toBe(4);
    splits.forEach((s, index) => {
      const ids = perRepeat[Math.floor(index / 3)]!;
      expect(s.test).toEqual([...ids.keys()].filter((i) => ids[i] === index % 3));
    });
    expect(cv.foldIdsForRepeat(20, 2)).toEqual(perRepeat[2]);
  });

  test('repeats differ from each other and each is a shuffled KFold partition', () => {
    const cv = new RepeatedKFold({ nSplits: 4, nRepeats: 3, randomState: 1 });
    const [a, b] = [cv.foldIdsForRepeat(40, 0), cv.foldIdsForRepeat(40, 1)];
    expect(a).not.toEqual(b);
    const sizes = [0, 1, 2, 3].map((k) => a.filter((f) => f === k).length);
    expect(sizes).toEqual([10, 10, 10, 10]);
    expect(cv.repeat(0)).toBeInstanceOf(KFold);
    expect(() => cv.foldIdsForRepeat(40, 3)).toThrow(/repeat must be an integer in \[0, 2\]/);
  });

  test('stratified repeats keep the class counts of StratifiedKFold', () => {
    const y = Array.from({ length: 30 }, (_, i) => (i < 9 ? 'a' : 'b'));
    const cv = new RepeatedStratifiedKFold({ nSplits: 3, nRepeats: 2 });
    expect(cv.getNSplits()).toBe(6);
    for (const ids of cv.foldIdsPerRepeat({ y })) {
      for (let k = 0; k < 3; k++) {
        expect(y.filter((v, i) => v === 'a' && ids[i] === k).length).toBe(3);
      }
    }
    expect(cv.repeat(1)).toBeInstanceOf(StratifiedKFold);
  });

  test('defaults: 5 splits, 10 repeats, seed 0', () => {
    const cv = new RepeatedKFold();
    expect([cv.nSplits, cv.nRepeats, cv.randomState]).toEqual([5, 10, 0]);
    expect(() => new RepeatedKFold({ nRepeats: 0 })).toThrow(
      /options.nRepeats must be an integer >= 1/,
    );
  });
});
