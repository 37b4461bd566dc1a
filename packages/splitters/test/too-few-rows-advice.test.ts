import { describe, expect, test } from 'vitest';
import { GroupKFold, KFold, StratifiedGroupKFold, StratifiedKFold } from '../src/index.js';
import { splitErrorOf } from './support/split-error-of.js';

const js = <T>(value: unknown): T => value as T;

describe('advice offers an nSplits range only when one exists', () => {
  test.each([
    ['new KFold().foldIds(1)', () => new KFold().foldIds(1), 5, 1],
    ['new KFold().foldIds(0)', () => new KFold().foldIds(0), 5, 0],
    ['new KFold({ nSplits: 3 }).foldIds(1)', () => new KFold({ nSplits: 3 }).foldIds(1), 3, 1],
  ])('%s says KFold needs at least 2 rows instead of an empty range', (_, call, nSplits, n) => {
    const error = splitErrorOf(call);
    expect(error.code).toBe('TOO_FEW_SAMPLES');
    expect(error.message).toBe(
      `Cannot have nSplits=${nSplits} greater than the number of samples n=${n}; KFold needs at least 2 rows.`,
    );
    expect(error.message).not.toContain('[2, 2]');
  });

  test('a possible range is still offered, from 2 to n', () => {
    expect(splitErrorOf(() => new KFold({ nSplits: 5 }).foldIds(3)).message).toBe(
      'Cannot have nSplits=5 greater than the number of samples n=3; use nSplits in [2, 3] or more rows.',
    );
    expect(splitErrorOf(() => new KFold({ nSplits: 3 }).foldIds(2)).message).toContain(
      'use nSplits in [2, 2] or more rows.',
    );
  });

  test('every k-fold splitter names itself when one row is too few', () => {
    expect(splitErrorOf(() => new StratifiedKFold().foldIds({ y: [0] })).message).toContain(
      '; StratifiedKFold needs at least 2 rows.',
    );
    expect(splitErrorOf(() => new GroupKFold().foldIds({ groups: [0] })).message).toContain(
      '; GroupKFold needs at least 2 rows.',
    );
    expect(
      splitErrorOf(() => new StratifiedGroupKFold().foldIds({ y: [0], groups: [0] })).message,
    ).toContain('; StratifiedGroupKFold needs at least 2 rows.');
  });
});

describe('an input of the wrong type is an invalid row count, not a missing input', () => {
  test("foldIds('10') throws INVALID_N and keeps the message", () => {
    const error = splitErrorOf(() => new KFold().foldIds(js('10')));
    expect(error.code).toBe('INVALID_N');
    expect(error.path).toBe('input');
    expect(error.message).toBe(
      'input must be a row count or an object { n?, y?, groups? }, got the string "10".',
    );
  });

  test('a boolean input is INVALID_N too', () => {
    expect(splitErrorOf(() => new KFold().foldIds(js(true))).code).toBe('INVALID_N');
  });

  test('a null or undefined input is still MISSING_INPUT', () => {
    expect(splitErrorOf(() => new KFold().foldIds(js(null))).code).toBe('MISSING_INPUT');
    expect(splitErrorOf(() => new KFold().foldIds(js(undefined))).code).toBe('MISSING_INPUT');
  });
});
