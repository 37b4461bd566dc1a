import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import {
  BettingSequence,
  bcaInterval,
  createConfidenceSequence,
  differenceConfidenceSequence,
  EmpiricalBernsteinSequence,
  kappaInterval,
  normalCdf,
  pairedBootstrap,
  pairedBootstrapFromReplicates,
  pairedPermutationTest,
  percentileBootstrapInterval,
  StatsError,
} from '../src/index.js';

const js = <T>(value: unknown): T => value as T;

function thrown(call: () => unknown): StatsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StatsError);
    return error as StatsError;
  }
  throw new Error('expected a StatsError, nothing was thrown');
}

const rng = () => createRng(1).nextFloat();
const a = [0.1, 0.2, 0.3];
const b = [0.2, 0.3, 0.5];

describe('an unknown option key is refused, naming the valid keys', () => {
  it.each([
    [
      'kappaInterval level for ci',
      () => kappaInterval([0, 1, 0, 1], [0, 1, 1, 1], js({ level: 0.9 })),
      'options.level',
      'did you mean ci',
    ],
    [
      'percentileBootstrapInterval ci for level',
      () => percentileBootstrapInterval([1, 2, 3], 95, js({ rng, ci: 0.9 })),
      'options.ci',
      'did you mean level',
    ],
    [
      'bcaInterval alpha for level',
      () => bcaInterval([1, 2, 3], js({ observed: 2, jackknife: [1, 2], alpha: 0.05 })),
      'options.alpha',
      'did you mean level',
    ],
    [
      'BettingSequence level for alpha',
      () => new BettingSequence(js({ level: 0.95 })),
      'options.level',
      'did you mean alpha',
    ],
    [
      'EmpiricalBernsteinSequence grd',
      () => new EmpiricalBernsteinSequence(js({ grid: 10 })),
      'options.grid',
      'Its options are alpha.',
    ],
    [
      'pairedBootstrap level for ci',
      () => pairedBootstrap(3, () => 0, js({ rng, level: 0.9 })),
      'options.level',
      'did you mean ci',
    ],
    [
      'pairedBootstrapFromReplicates level',
      () => pairedBootstrapFromReplicates(0.1, [0.1], js({ level: 0.9 })),
      'options.level',
      'did you mean ci',
    ],
    [
      'pairedPermutationTest n_resamples',
      () => pairedPermutationTest(a, b, js({ n_resamples: 5 })),
      'options.n_resamples',
      'Its options are permutations, rng.',
    ],
    [
      'pairedPermutationTest permutatons',
      () => pairedPermutationTest(a, b, js({ permutatons: 5 })),
      'options.permutatons',
      'did you mean permutations',
    ],
    [
      'createConfidenceSequence level',
      () => createConfidenceSequence(js({ level: 0.95 })),
      'options.level',
      'did you mean alpha',
    ],
    [
      'differenceConfidenceSequence ci',
      () => differenceConfidenceSequence([1], [0], js({ ci: 0.95 })),
      'options.ci',
      'differenceConfidenceSequence: options.ci',
    ],
  ])('%s', (_, call, path, text) => {
    const error = thrown(call);
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', path]);
    expect(error.message).toContain(text);
    expect(error.message).toContain('Its options are');
  });

  it('an array is not an options object', () => {
    const error = thrown(() => pairedPermutationTest(a, b, js([5])));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options']);
    expect(error.message).toContain('got an array of 1');
  });

  it('grid with the empirical-Bernstein method is refused, not ignored', () => {
    const error = thrown(() =>
      createConfidenceSequence({ method: 'empirical-bernstein', grid: 10 }),
    );
    expect(error.path).toBe('options.grid');
  });

  it('known keys still work', () => {
    expect(createConfidenceSequence({ method: 'betting', alpha: 0.1, grid: 10 })).toBeInstanceOf(
      BettingSequence,
    );
    expect(pairedPermutationTest(a, b, { permutations: 8 }).exact).toBe(true);
  });
});

describe('pairedPermutationTest validates options before taking the exact path', () => {
  it('a non-function rng is refused even when the test is exact', () => {
    const error = thrown(() => pairedPermutationTest([1, 2], [2, 4], js({ rng: 'x' })));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options.rng']);
  });
});

describe('normalCdf refuses a string as normalQuantile does', () => {
  it('refuses "1"', () => {
    const error = thrown(() => normalCdf(js('1')));
    expect([error.code, error.path]).toEqual(['INVALID_VALUE', 'x']);
    expect(error.message).toContain('got the string "1"');
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('pairedBootstrapFromReplicates with an undefined difference or no replicates', () => {
  it.each([
    [Number.POSITIVE_INFINITY, 'NON_FINITE_VALUE'],
    ['0.1', 'INVALID_VALUE'],
  ])('refuses observed %s', (observed, code) => {
    const error = thrown(() => pairedBootstrapFromReplicates(js(observed), [1, 2, 3]));
    expect([error.code, error.path]).toEqual([code, 'observedDifference']);
  });

  it('gives no interval and no p-value for a NaN observed difference, whatever the replicates', () => {
    const r = pairedBootstrapFromReplicates(Number.NaN, [0.1, 0.2, 0.3]);
    expect([r.difference, r.ciLow, r.ciHigh, r.pValue]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('gives a NaN interval for no replicates or only NaN ones', () => {
    for (const replicates of [[], [Number.NaN]]) {
      const r = pairedBootstrapFromReplicates(0.1, replicates);
      expect([r.difference, r.ciLow, r.ciHigh, r.pValue, r.samples]).toEqual([
        0.1,
        NaN,
        NaN,
        NaN,
        0,
      ]);
    }
  });
});
