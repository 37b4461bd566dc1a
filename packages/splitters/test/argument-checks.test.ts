import { describe, expect, test } from 'vitest';
import {
  bootstrapSample,
  createRng,
  drawIndices,
  encodeLabels,
  KFold,
  LeaveOneGroupOut,
  LeaveOneOut,
  permutation,
  StratifiedKFold,
} from '../src/index.js';
import { splitErrorOf } from './support/split-error-of.js';

const js = <T>(value: unknown): T => value as T;

describe('a label column that is missing or not a column gets its own code', () => {
  test('encodeLabels(null) names the argument instead of a TypeError', () => {
    const error = splitErrorOf(() => encodeLabels(js(null), 'y'));
    expect(error.code).toBe('MISSING_INPUT');
    expect(error.path).toBe('y');
    expect(error.message).toBe(
      'y must be an array, a typed array or an Arrow vector of labels, got null.',
    );
  });

  test('StratifiedKFold refuses y: null as MISSING_INPUT and y: 5 as INVALID_INPUT', () => {
    const none = splitErrorOf(() => [...new StratifiedKFold().split({ y: js(null) })]);
    expect([none.code, none.path]).toEqual(['MISSING_INPUT', 'input.y']);
    const five = splitErrorOf(() => [...new StratifiedKFold().split({ y: js(5) })]);
    expect([five.code, five.path]).toEqual(['INVALID_INPUT', 'input.y']);
    expect(five.message).toContain('got 5.');
  });
});

describe('encodeLabels refuses an order it does not know', () => {
  test.each([
    ['ascending', 'the string "ascending"'],
    ['Sorted', 'the string "Sorted"'],
    [42, '42'],
  ])('order %j is INVALID_OPTION listing the two orders', (order, shown) => {
    const error = splitErrorOf(() => encodeLabels(['b', 'a'], 'y', { order: js(order) }));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options.order']);
    expect(error.message).toBe(
      `options.order must be 'sorted' (np.unique order, the default) or 'first-appearance', got ${shown}.`,
    );
  });

  test('the two orders still encode', () => {
    expect(encodeLabels(['b', 'a'], 'y', { order: 'sorted' }).classes).toEqual(['a', 'b']);
    expect(encodeLabels(['b', 'a'], 'y', { order: 'first-appearance' }).classes).toEqual([
      'b',
      'a',
    ]);
  });
});

describe('messages show a received value with its type', () => {
  test('a string shuffle or randomState is quoted and named as a string', () => {
    expect(splitErrorOf(() => new KFold({ shuffle: js('yes') })).message).toBe(
      'options.shuffle must be true or false, got the string "yes".',
    );
    expect(splitErrorOf(() => bootstrapSample(5, { randomState: js('1') })).message).toBe(
      'options.randomState must be an integer in [0, 4294967295], got the string "1".',
    );
  });
});

describe('constructors that take no options refuse any key', () => {
  test.each([
    ['LeaveOneOut', () => new LeaveOneOut(js({ nSplits: 3 })), 'options.nSplits'],
    ['LeaveOneGroupOut', () => new LeaveOneGroupOut(js({ anything: 1 })), 'options.anything'],
    ['LeaveOneOut with an array', () => new LeaveOneOut(js([3])), 'options'],
  ])('%s', (_, call, path) => {
    const error = splitErrorOf(call);
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', path]);
  });

  test('no argument and an empty object are still fine', () => {
    expect(new LeaveOneOut().getNSplits(3)).toBe(3);
    expect(new LeaveOneGroupOut({}).getNSplits({ groups: [1, 2] })).toBe(2);
  });
});

describe('createRng checks its seed and nextInt its bound', () => {
  test.each([
    [-1, 'got -1.'],
    [1.5, 'got 1.5.'],
    ['a', 'got the string "a".'],
    [2 ** 32, 'got 4294967296.'],
  ])('seed %j is refused', (seed, shown) => {
    const error = splitErrorOf(() => createRng(js(seed)));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'seed']);
    expect(error.message).toContain(shown);
  });

  test.each([0, -1, 1.5, 2 ** 32 + 1, Number.NaN])('nextInt(%d) is refused', (bound) => {
    const error = splitErrorOf(() => createRng(1).nextInt(bound));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'bound']);
  });

  test('valid seeds and bounds give the same stream as the unchecked kernels', () => {
    expect(createRng(0xffffffff).nextInt(2 ** 32)).toBeGreaterThanOrEqual(0);
    const a = createRng(7);
    const draws = Array.from({ length: 20 }, () => a.nextInt(13));
    expect([...drawIndices(createRng(7), new Uint32Array(20), 13, null)]).toEqual(draws);
  });
});

describe('permutation checks its length n', () => {
  test.each([
    [2.5, 'got 2.5.'],
    [-1, 'got -1.'],
    [Number.NaN, 'got NaN.'],
    ['3', 'got the string "3".'],
    [2 ** 32, 'got 4294967296.'],
  ])('n = %j is refused as INVALID_OPTION naming n, not truncated or a RangeError', (n, shown) => {
    const error = splitErrorOf(() => permutation(js(n), createRng(1)));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'n']);
    expect(error.message).toBe(`n must be an integer in [0, 4294967295], ${shown}`);
  });

  test('valid lengths, 0 included, still give the same permutations', () => {
    expect([...permutation(0, createRng(1))]).toEqual([]);
    expect([...permutation(5, createRng(7))]).toEqual([3, 1, 2, 4, 0]);
  });
});
