import { parseCvSpec, scorePredictions } from '@assay/runner';
import { SplitError } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { asCvError } from '../src/score/build-folds.js';

// two rows, one of each class: no stratified split of 2 folds exists
const tiny = { yTrue: [1, 0], yPred: [1, 0], group: ['a', 'b'] };

describe('a CV split the rows cannot make is named in --cv words, with advice that can be followed', () => {
  test.each(['stratified:2', 'repeated-stratified:2x2', 'stratified-group:2'])('%s', async (cv) => {
    const error = await scorePredictions(tiny, { workers: 0, cv }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SplitError', code: 'CLASS_TOO_SMALL' });
    const message = (error as Error).message;
    expect(message.startsWith(`--cv ${cv}: `)).toBe(true);
    expect(message).not.toMatch(/KFold|nSplits <=|at most 1 folds/);
    expect(message).toContain('score without one (--cv none)');
  });

  test('a bound of 2 or more is given as a fold count', async () => {
    const six = { yTrue: [1, 0, 1, 0, 1, 0], yPred: [1, 0, 1, 0, 0, 0] };
    const error = await scorePredictions(six, { workers: 0, cv: 'repeated-stratified:5x2' }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      /^--cv repeated-stratified:5x2: .*use at most 3 folds\.$/,
    );
  });
});

describe('a mistyped --cv names the spec it most likely meant', () => {
  test.each([
    ['kfold5', 'kfold:5'],
    ['kfold=5', 'kfold:5'],
    ['kfold 5', 'kfold:5'],
    ['stratifed:5', 'stratified:5'],
    ['stratified_group:3', 'stratified-group:3'],
    ['stratified5x3', 'repeated-stratified:5x3'],
    ['holdout0.2', 'holdout:0.2'],
    ['stratifed', 'stratified:K'],
  ])('%s -> %s', (typed, meant) => {
    expect(() => parseCvSpec(typed)).toThrow(`(did you mean "${meant}"?)`);
  });

  test('nothing close: the forms alone', () => {
    expect(() => parseCvSpec('xyz')).toThrow(/unknown kind "xyz"; use one of/);
  });
});

describe('a split the data cannot make at any fold count says what the data lacks', () => {
  test('one group: group:2 asks for 2 distinct groups, not fewer folds or more rows', async () => {
    const oneGroup = { yTrue: [1, 0, 1, 0], yPred: [1, 0, 0, 0], group: ['a', 'a', 'a', 'a'] };
    const error = await scorePredictions(oneGroup, { workers: 0, cv: 'group:2' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'SplitError', code: 'TOO_FEW_GROUPS' });
    const message = (error as Error).message;
    expect(message).toMatch(/^--cv group:2: .*at least 2 distinct groups/);
    expect(message).toMatch(/score without one \(--cv none\)\.$/);
    expect(message).not.toMatch(/KFold|nSplits <=|too few rows|at most 1 folds/);
  });

  test('classes of one row: stratified:2 asks for a class with 2 members', async () => {
    const error = await scorePredictions(tiny, { workers: 0, cv: 'stratified:2' }).catch(
      (e: unknown) => e,
    );
    const message = (error as Error).message;
    expect(message).toContain('a class with at least 2 members');
    expect(message).not.toContain('too few rows');
  });

  // a splitter of the earlier wording: `use nSplits <= 1.` (or 0) is no fold count to advise
  test.each([
    [
      'CLASS_TOO_SMALL',
      'StratifiedKFold: nSplits=2 cannot be greater than the number of members in each class (the largest class has 1); use nSplits <= 1.',
      'no class has 2 rows',
    ],
    [
      'TOO_FEW_GROUPS',
      'GroupKFold: cannot have nSplits=2 greater than the number of distinct groups 1; use nSplits <= 1.',
      'fewer than 2 distinct groups',
    ],
    [
      'TOO_FEW_SAMPLES',
      'TimeSeriesSplit: cannot have nSplits + 1 = 3 folds with only n=1 samples; use nSplits <= 0.',
      'too few rows',
    ],
  ] as const)('the earlier wording of %s', (code, splitterMessage, lacking) => {
    const message = asCvError(
      new SplitError(code, splitterMessage, 'options.nSplits'),
      'x:2',
    ).message;
    expect(message.startsWith('--cv x:2: ')).toBe(true);
    expect(message).toContain(`there are ${lacking}`);
    expect(message.endsWith('score without one (--cv none).')).toBe(true);
    expect(message).not.toMatch(/nSplits <=|at most [01] folds/);
  });

  test.each([
    [
      'TimeSeriesSplit: cannot have nSplits + 1 = 3 folds with only n=2 samples; TimeSeriesSplit needs at least 3 rows.',
      'this split needs at least 3 rows: add data or score without one (--cv none).',
    ],
    [
      'GroupKFold: cannot have nSplits=2 greater than the number of distinct groups 1; GroupKFold needs at least 2 distinct groups.',
      'this split needs at least 2 distinct groups: add data or score without one (--cv none).',
    ],
  ])('the splitters’ own words for a bound below 2: %s', (splitterMessage, ending) => {
    const message = asCvError(
      new SplitError('TOO_FEW_SAMPLES', splitterMessage, 'options.nSplits'),
      'x:2',
    ).message;
    expect(message.endsWith(ending)).toBe(true);
    expect(message).not.toMatch(/KFold|TimeSeriesSplit/);
  });

  test('a bound of 2 or more in the earlier wording is still a fold count', () => {
    const splitterMessage =
      'GroupKFold: cannot have nSplits=5 greater than the number of distinct groups 3; use nSplits <= 3.';
    expect(
      asCvError(new SplitError('TOO_FEW_GROUPS', splitterMessage, 'options.nSplits'), 'group:5')
        .message,
    ).toBe(
      '--cv group:5: cannot have nSplits=5 greater than the number of distinct groups 3; use at most 3 folds.',
    );
  });
});
