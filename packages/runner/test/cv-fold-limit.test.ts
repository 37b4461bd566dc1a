import { MAX_CV_FOLDS, parseCvSpec, RunnerError, scorePredictions } from '@assay/runner';
import { describe, expect, test } from 'vitest';

const yTrue = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0];
const yPred = [0, 1, 0, 0, 1, 1, 1, 1, 0, 1];

function thrown(work: () => unknown): RunnerError {
  let error: unknown;
  try {
    work();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}

describe('a CV plan above the fold limit is refused before any fold is built', () => {
  test('repeated-stratified:5x1000000 names the fold count, the limit and --cv', () => {
    const error = thrown(() => parseCvSpec('repeated-stratified:5x1000000'));
    expect(error.code).toBe('INVALID_CV_SPEC');
    expect(error.path).toBe('cv');
    expect(error.message).toContain('--cv "repeated-stratified:5x1000000"');
    expect(error.message).toContain('5 folds × 1000000 repeats = 5,000,000 folds');
    expect(error.message).toContain(`limit of ${MAX_CV_FOLDS.toLocaleString('en-US')} folds`);
  });

  test('exactly the limit is accepted and one more fold is not', () => {
    expect(parseCvSpec(`repeated-stratified:2x${MAX_CV_FOLDS / 2}`)).toEqual({
      kind: 'repeated-stratified',
      k: 2,
      repeats: MAX_CV_FOLDS / 2,
    });
    expect(parseCvSpec(`kfold:${MAX_CV_FOLDS}`)).toEqual({ kind: 'kfold', k: MAX_CV_FOLDS });
    const error = thrown(() => parseCvSpec(`kfold:${MAX_CV_FOLDS + 1}`));
    expect(error.message).toContain('10,001 folds');
  });

  test('a repeat count too long for a number is refused, not run', () => {
    const error = thrown(() => parseCvSpec(`repeated-stratified:5x${'9'.repeat(400)}`));
    expect(error.code).toBe('INVALID_CV_SPEC');
    expect(error.message).toContain('R is too large');
    expect(error.message).not.toContain('Infinity');
  });

  test('scorePredictions refuses the spec as text or as an object, and fold ids past the limit', async () => {
    const failure = async (options: Parameters<typeof scorePredictions>[1]) => {
      const error = await scorePredictions({ yTrue, yPred }, { workers: 0, ...options }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RunnerError);
      return error as RunnerError;
    };
    expect((await failure({ cv: 'repeated-stratified:2x20000' })).code).toBe('INVALID_CV_SPEC');
    const object = await failure({ cv: { kind: 'repeated-stratified', k: 2, repeats: 20_000 } });
    expect(object.message).toContain('40,000 folds');
    const ids = yTrue.map((_, i) => (i === 3 ? 50_000 : 0));
    const foldIds = await failure({ foldIds: ids });
    expect(foldIds.code).toBe('INVALID_OPTION');
    expect(foldIds.path).toBe('foldIds');
    expect(foldIds.message).toContain('50,001 folds');
  });
});
