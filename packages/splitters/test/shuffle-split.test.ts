import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  GroupShuffleSplit,
  ShuffleSplit,
  SplitError,
  StratifiedShuffleSplit,
} from '../src/index.js';
import { shuffleSplitSizes } from '../src/kernels/shuffle-split-size.js';
import { loadCases } from './support/fixture-cases.js';
import { checkWellFormed } from './support/split-checks.js';

interface SizeCase {
  n: number;
  testSize?: number;
  trainSize?: number;
  sizes: { nTrain: number; nTest: number } | null;
}

/** Cases whose sizes JavaScript can express: scikit-learn tells 1 from 1.0 by type, we by value. */
const sizeCases = loadCases<SizeCase>('shuffle-split-sizes');

describe('shuffle-split sizes', () => {
  test.each(sizeCases.map((c, i) => ({ ...c, i })))(
    'round exactly as scikit-learn (case $i: n=$n testSize=$testSize trainSize=$trainSize)',
    ({ n, testSize, trainSize, sizes }) => {
      const run = () => shuffleSplitSizes(n, testSize, trainSize, 0.1);
      if (sizes === null) expect(run).toThrow(SplitError);
      else expect(run()).toEqual([sizes.nTrain, sizes.nTest]);
    },
  );

  test('ShuffleSplit yields disjoint sides of the computed sizes, reproducibly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 500 }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (n, testSize, seed) => {
          let expected: [number, number];
          try {
            expected = shuffleSplitSizes(n, testSize, undefined, 0.1);
          } catch {
            return;
          }
          const ss = new ShuffleSplit({ nSplits: 3, testSize, randomState: seed });
          const splits = [...ss.split(n)];
          checkWellFormed(splits, n);
          for (const s of splits) {
            expect(s.test.length).toBe(Math.ceil(testSize * n));
            expect([s.train.length, s.test.length]).toEqual(expected);
          }
          expect([...ss.split(n)]).toEqual(splits);
        },
      ),
    );
  });

  test('trainSize leaves the remaining rows out of both sides', () => {
    const [s] = [...new ShuffleSplit({ nSplits: 1, testSize: 2, trainSize: 0.5 }).split(10)];
    expect(s!.test.length).toBe(2);
    expect(s!.train.length).toBe(5);
  });

  test('rejects sizes summing past 1 and sizes leaving an empty side', () => {
    expect(() => new ShuffleSplit({ testSize: 0.6, trainSize: 0.5 }).split(10)).toThrow(
      /testSize \+ options.trainSize = 1.1 must not exceed 1/,
    );
    expect(() => new ShuffleSplit({ testSize: 0.99 }).split(10)).toThrow(
      /the train set would be empty/,
    );
    expect(() => new ShuffleSplit({ testSize: 1.5 }).split(10)).toThrow(
      /fraction in \(0, 1\) or a row count/,
    );
    expect(() => new ShuffleSplit({ testSize: 10 }).split(10)).toThrow(
      /must be smaller than the number of samples 10/,
    );
  });
});

interface StratCase {
  y: number[];
  testSize: number;
  trainCounts: number[];
  testCounts: number[];
  deterministic: boolean;
}

describe('StratifiedShuffleSplit', () => {
  test.each(
    loadCases<StratCase>('stratified-shuffle-split').map((c, i) => ({ ...c, i, n: c.y.length })),
  )(
    'per-class sizes match scikit-learn where no tie is broken at random (case $i: n=$n)',
    ({ y, testSize, trainCounts, testCounts, deterministic }) => {
      const classes = [...new Set(y)].sort((a, b) => a - b);
      for (const seed of [0, 1, 2]) {
        const [s] = [
          ...new StratifiedShuffleSplit({ nSplits: 1, testSize, randomState: seed }).split({ y }),
        ];
        checkWellFormed([s!], y.length);
        const tr = classes.map((c) => [...s!.train].filter((i) => y[i] === c).length);
        const te = classes.map((c) => [...s!.test].filter((i) => y[i] === c).length);
        expect(s!.train.length).toBe(trainCounts.reduce((a, b) => a + b, 0));
        expect(s!.test.length).toBe(testCounts.reduce((a, b) => a + b, 0));
        if (deterministic) {
          expect(tr).toEqual(trainCounts);
          expect(te).toEqual(testCounts);
        } else {
          tr.forEach((v, c) => {
            expect(Math.abs(v - trainCounts[c]!)).toBeLessThanOrEqual(1);
          });
        }
      }
    },
  );

  test('rejects a class with one member and sides smaller than the class count', () => {
    expect(() => new StratifiedShuffleSplit().split({ y: [0, 0, 0, 1] })).toThrow(
      /only 1 member, which is too few/,
    );
    expect(() =>
      new StratifiedShuffleSplit({ testSize: 2 }).split({ y: [0, 0, 1, 1, 2, 2, 0, 1] }),
    ).toThrow(/test size 2 must be at least the number of classes 3/);
  });
});

interface GroupCase {
  groups: number[];
  testSize?: number;
  trainGroups: number;
  testGroups: number;
}

describe('GroupShuffleSplit', () => {
  test.each(loadCases<GroupCase>('group-shuffle-split').map((c, i) => ({ ...c, i })))(
    'takes as many groups per side as scikit-learn (case $i)',
    ({ groups, testSize, trainGroups, testGroups }) => {
      const cv = new GroupShuffleSplit({
        nSplits: 4,
        ...(testSize === undefined ? {} : { testSize }),
      });
      for (const { train, test } of cv.split({ groups })) {
        const tr = new Set([...train].map((i) => groups[i]));
        const te = new Set([...test].map((i) => groups[i]));
        expect([tr.size, te.size]).toEqual([trainGroups, testGroups]);
        for (const g of te) expect(tr.has(g)).toBe(false);
        expect(train.length + test.length).toBe(groups.length);
      }
    },
  );
});

describe('a size that is invalid whatever n is fails in the constructor', () => {
  const js = <T>(value: unknown): T => value as T;
  const SPLITTERS: readonly [string, (options: object) => unknown][] = [
    ['ShuffleSplit', (o) => new ShuffleSplit(o)],
    ['GroupShuffleSplit', (o) => new GroupShuffleSplit(o)],
    ['StratifiedShuffleSplit', (o) => new StratifiedShuffleSplit(o)],
  ];
  const BAD: readonly [unknown, string][] = [
    [-0.1, '-0.1'],
    [Number.NaN, 'NaN'],
    [0, '0'],
    [1.5, '1.5'],
    ['0.2', 'the string "0.2"'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [null, 'null'],
  ];

  for (const [name, construct] of SPLITTERS) {
    for (const option of ['testSize', 'trainSize']) {
      test.each(BAD)(`${name} ${option} %j is INVALID_SIZE at construction`, (value, shown) => {
        let error: unknown;
        try {
          construct({ [option]: js(value) });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SplitError);
        const e = error as SplitError;
        expect([e.code, e.path]).toEqual(['INVALID_SIZE', `options.${option}`]);
        expect(e.message).toBe(
          `options.${option} must be a fraction in (0, 1) or a row count (an integer >= 1), got ${shown}.`,
        );
      });
    }

    test(`${name}: two fractions summing past 1 fail at construction`, () => {
      expect(() => construct({ testSize: 0.6, trainSize: 0.5 })).toThrow(
        'options.testSize + options.trainSize = 1.1 must not exceed 1; reduce testSize and/or trainSize.',
      );
    });

    test(`${name}: sizes that only n can judge still construct`, () => {
      expect(() => construct({ testSize: 1000, trainSize: 0.5 })).not.toThrow();
      expect(() => construct({ testSize: 0.5, trainSize: 0.5 })).not.toThrow();
    });
  }

  test('a count that is too large for n still fails at split time', () => {
    const ss = new ShuffleSplit({ testSize: 10 });
    expect(() => [...ss.split(10)]).toThrow(/options.testSize=10 must be smaller than/);
  });
});
