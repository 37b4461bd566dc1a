import { parseCvSpec, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';

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
