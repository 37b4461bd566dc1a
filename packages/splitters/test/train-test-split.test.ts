import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bootstrapSample, trainTestSplit } from '../src/index.js';
import { loadCases } from './support/fixture-cases.js';
import { isAscending } from './support/split-checks.js';
import { splitErrorOf } from './support/split-error-of.js';

interface Case {
  n: number;
  testSize?: number;
  trainSize?: number;
  train: number[] | null;
  test: number[] | null;
  shuffledSizes?: [number, number];
}

describe('trainTestSplit', () => {
  test.each(loadCases<Case>('train-test-split').map((c, i) => ({ ...c, i })))(
    'matches scikit-learn (case $i: n=$n testSize=$testSize trainSize=$trainSize)',
    ({ n, testSize, trainSize, train, test: testRows, shuffledSizes }) => {
      const sizes = {
        ...(testSize === undefined ? {} : { testSize }),
        ...(trainSize === undefined ? {} : { trainSize }),
      };
      if (train === null) {
        expect(() => trainTestSplit(n, { ...sizes, shuffle: false })).toThrow();
        return;
      }
      const plain = trainTestSplit(n, { ...sizes, shuffle: false });
      expect([...plain.train]).toEqual(train);
      expect([...plain.test]).toEqual(testRows);
      const shuffled = trainTestSplit({ n }, { ...sizes, randomState: 5 });
      expect([shuffled.train.length, shuffled.test.length]).toEqual(shuffledSizes);
    },
  );

  test('stratify keeps class proportions and needs shuffle', () => {
    const y = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 'rare' : 'common'));
    const { train, test } = trainTestSplit(100, { testSize: 0.2, stratify: y, randomState: 1 });
    expect(test.length).toBe(20);
    expect([...test].filter((i) => y[i] === 'rare').length).toBe(5);
    expect(isAscending(train) && isAscending(test)).toBe(true);
    expect(() => trainTestSplit(100, { shuffle: false, stratify: y })).toThrow(
      /stratified split needs shuffle: true/,
    );
    expect(() => trainTestSplit(100, { stratify: y.slice(1) })).toThrow(
      /options.stratify has 99 labels but the input has 100 rows/,
    );
  });

  test('a stratify column of the wrong length or kind is reported as options.stratify', () => {
    const short = splitErrorOf(() => trainTestSplit(4, { stratify: [0, 0, 1] }));
    expect(short.code).toBe('LENGTH_MISMATCH');
    expect(short.path).toBe('options.stratify');
    expect(short.message).not.toContain('input.y');
    const missing = splitErrorOf(() => trainTestSplit(4, { stratify: [0, Number.NaN, 1, 1] }));
    expect(missing.code).toBe('MISSING_VALUE');
    expect(missing.path).toBe('options.stratify');
    expect(missing.message).toContain('options.stratify');
    expect(splitErrorOf(() => trainTestSplit(4, { stratify: 'abcd' as never })).path).toBe(
      'options.stratify',
    );
  });
});

describe('bootstrapSample', () => {
  test('draws n rows with repeats; out-of-bag rows are exactly the undrawn ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (n, seed) => {
          const { indices, outOfBag } = bootstrapSample(n, { randomState: seed });
          expect(indices.length).toBe(n);
          expect(isAscending(outOfBag)).toBe(true);
          for (let i = 1; i < n; i++) expect(indices[i]!).toBeGreaterThanOrEqual(indices[i - 1]!);
          const drawn = new Set(indices);
          for (const i of outOfBag) expect(drawn.has(i)).toBe(false);
          expect(drawn.size + outOfBag.length).toBe(n);
          expect(bootstrapSample(n, { randomState: seed })).toEqual({ indices, outOfBag });
        },
      ),
    );
  });

  test('leaves about 1/e of the rows out of bag', () => {
    const { outOfBag } = bootstrapSample(100_000, { randomState: 12 });
    expect(outOfBag.length / 100_000).toBeGreaterThan(0.36);
    expect(outOfBag.length / 100_000).toBeLessThan(0.376);
  });

  test('rejects a bad n', () => {
    expect(() => bootstrapSample(-1)).toThrow(/n must be a non-negative integer/);
  });
});
