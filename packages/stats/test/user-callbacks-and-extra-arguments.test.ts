import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochbergAdjust,
  binomialTestHalf,
  holmAdjust,
  mcnemarExact,
  meanStd,
  normalCdf,
  normalQuantile,
  pairedBootstrap,
  pairedBootstrapFromReplicates,
  pairedPermutationTest,
  percentileBootstrapInterval,
  percentileInterval,
  percentileSorted,
  percentiles,
  quantileSorted,
  StatsError,
  summarizePercentiles,
  wilsonInterval,
} from '../src/index.js';
import { percentileIntervalOfSorted } from '../src/intervals/percentile-interval.js';

const js = <T>(value: unknown): T => value as T;
/** A function as a JavaScript caller sees it: any arguments go. */
const loose = (fn: unknown) => fn as (...args: unknown[]) => unknown;

function thrown(call: () => unknown): StatsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StatsError);
    return error as StatsError;
  }
  throw new Error('expected a StatsError, nothing was thrown');
}

const right = [
  [1, 0, 1, 1, 0, 1, 0, 1],
  [1, 1, 1, 1, 0, 1, 1, 1],
] as const;
const accuracy = (idx: Uint32Array, side: 0 | 1): number => {
  let s = 0;
  for (const i of idx) s += right[side][i]!;
  return s / idx.length;
};
// 16 pairs: 2^16 > 99 permutations, so the test draws random signs
const a = Array.from({ length: 16 }, (_, i) => (i * 7) % 5);
const b = a.map((x, i) => x + (i % 3) - 0.5);

/** Every way the trial's users got `rng` wrong, with how the message shows the draw. */
const badGenerators: [string, () => unknown, string][] = [
  ['nextUint32 by mistake', () => 3_000_000_000, 'it returned 3000000000;'],
  ['a constant 1', () => 1, 'it returned 1;'],
  ['a negative draw', () => -0.5, 'it returned -0.5;'],
  ['NaN', () => Number.NaN, 'it returned NaN;'],
  ['a string', () => 'x', 'it returned the string "x";'],
  ['a numeric string', () => '0.5', 'it returned the string "0.5";'],
];

describe('a generator that draws outside [0, 1) is refused, naming options.rng and the draw', () => {
  it.each(badGenerators)('pairedBootstrap: %s', (_, rng, shown) => {
    const error = thrown(() => pairedBootstrap(8, accuracy, { samples: 10, rng: js(rng) }));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options.rng']);
    expect(error.message).toContain(
      `pairedBootstrap: options.rng must return a uniform draw in [0, 1), but ${shown}`,
    );
    expect(error.message).toContain('() => rng.nextFloat()');
  });

  it.each(badGenerators)('percentileBootstrapInterval: %s', (_, rng, shown) => {
    const error = thrown(() =>
      percentileBootstrapInterval([3, 1, 2], 50, { samples: 10, rng: js(rng) }),
    );
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options.rng']);
    expect(error.message).toContain(shown);
  });

  it.each(badGenerators)('pairedPermutationTest (random assignments): %s', (_, rng, shown) => {
    const error = thrown(() => pairedPermutationTest(a, b, { permutations: 99, rng: js(rng) }));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options.rng']);
    expect(error.message).toContain(shown);
  });

  it('refuses a late bad draw too, not only the first one', () => {
    let calls = 0;
    const rng = () => (++calls === 50 ? 1 : 0.25);
    const error = thrown(() => pairedBootstrap(8, accuracy, { samples: 10, rng }));
    expect(error.message).toContain('but it returned 1;');
  });
});

describe('a valid generator gives the same results as before the draw check', () => {
  it('pairedBootstrap equals the unchecked resampling loop, bit for bit', () => {
    const draws = createRng(3);
    const replicates = new Float64Array(300);
    const idx = new Uint32Array(8);
    const all = Uint32Array.from({ length: 8 }, (_, i) => i);
    for (let s = 0; s < 300; s++) {
      for (let i = 0; i < 8; i++) idx[i] = Math.floor(draws.nextFloat() * 8);
      replicates[s] = accuracy(idx, 1) - accuracy(idx, 0);
    }
    const expected = pairedBootstrapFromReplicates(accuracy(all, 1) - accuracy(all, 0), replicates);
    const rng = createRng(3);
    expect(pairedBootstrap(8, accuracy, { samples: 300, rng: () => rng.nextFloat() })).toEqual(
      expected,
    );
  });

  it('percentileBootstrapInterval equals the unchecked resampling loop, bit for bit', () => {
    const values = [120, 95, 310, 101, 99, 140, 180];
    const draws = createRng(1);
    const replicates = new Float64Array(500);
    const draw = new Float64Array(7);
    for (let s = 0; s < 500; s++) {
      for (let i = 0; i < 7; i++) draw[i] = values[Math.floor(draws.nextFloat() * 7)]!;
      draw.sort();
      replicates[s] = percentileSorted(draw, 90);
    }
    replicates.sort();
    const rng = createRng(1);
    const options = { samples: 500, rng: () => rng.nextFloat() };
    expect(percentileBootstrapInterval(values, 90, options)).toEqual(
      percentileIntervalOfSorted(replicates, 0.95),
    );
  });

  it('pairedPermutationTest keeps its p-value for a seeded generator, and 0 is a valid draw', () => {
    const rng = createRng(5);
    const r = pairedPermutationTest(a, b, { permutations: 999, rng: () => rng.nextFloat() });
    expect(r.exact).toBe(false);
    expect(r.pValue).toBeGreaterThan(0);
    expect(pairedPermutationTest(a, b, { permutations: 99, rng: () => 0 }).pValue).toBeLessThan(1);
  });
});

describe('a metric that returns something other than a number is refused', () => {
  it.each([
    ['a numeric string', '1', 'the string "1"'],
    ['a boolean', true, 'the boolean true'],
    ['an object', {}, 'an object'],
    ['undefined (a metric that forgot to return)', undefined, 'undefined'],
  ])('%s on the full sample', (_, value, shown) => {
    const rng = createRng(0);
    const error = thrown(() =>
      pairedBootstrap(4, () => js(value), { samples: 5, rng: () => rng.nextFloat() }),
    );
    expect([error.code, error.path]).toEqual(['INVALID_VALUE', 'metric']);
    expect(error.message).toBe(
      `pairedBootstrap: metric must return a number (NaN where the metric is undefined), but metric(indices, 1) on all 4 items returned ${shown}.`,
    );
  });

  it('names the resample and side where a bad result first appears', () => {
    let calls = 0;
    const metric = (_: Uint32Array, side: 0 | 1) =>
      ++calls > 6 && side === 0 ? js<number>('0') : 0.5;
    const rng = createRng(0);
    const error = thrown(() =>
      pairedBootstrap(4, metric, { samples: 5, rng: () => rng.nextFloat() }),
    );
    expect(error.message).toContain(
      'but metric(indices, 0) on resample 2 returned the string "0".',
    );
  });

  it('still reads NaN as "metric undefined on that resample", as documented', () => {
    const rng = createRng(0);
    const r = pairedBootstrap(4, () => Number.NaN, { samples: 5, rng: () => rng.nextFloat() });
    expect(r.samples).toBe(0);
    expect(Number.isNaN(r.ciLow)).toBe(true);
  });
});

describe('functions that take no options refuse an extra argument instead of ignoring it', () => {
  const options = { alternative: 'greater' };
  it.each([
    [
      'binomialTestHalf',
      () => loose(binomialTestHalf)(3, 10, { alternative: 'greater' }),
      'binomialTestHalf computes the two-sided exact binomial test at p = 0.5 and takes no options, but it was given a third argument, an options object { alternative }; call it as binomialTestHalf(k, n).',
    ],
    [
      'benjaminiHochbergAdjust',
      () => loose(benjaminiHochbergAdjust)([0.01, 0.02], { method: 'by' }),
      'benjaminiHochbergAdjust computes Benjamini–Hochberg (false discovery rate) adjusted p-values and takes no options, but it was given a second argument, an options object { method }; call it as benjaminiHochbergAdjust(pValues).',
    ],
    [
      'holmAdjust',
      () => loose(holmAdjust)([0.1], { alpha: 0.05 }),
      'holmAdjust computes Holm–Bonferroni adjusted p-values and takes no options, but it was given a second argument, an options object { alpha }; call it as holmAdjust(pValues).',
    ],
    [
      'wilsonInterval',
      () => loose(wilsonInterval)(1, 10, 0.95, { continuity: true }),
      'wilsonInterval computes the Wilson score interval without continuity correction and takes no options, but it was given a fourth argument, an options object { continuity }; call it as wilsonInterval(successes, trials, level).',
    ],
    [
      'mcnemarExact',
      () => loose(mcnemarExact)([true], [false], { exact: false }),
      "mcnemarExact computes McNemar's two-sided exact test and takes no options, but it was given a third argument, an options object { exact }; call it as mcnemarExact(correctA, correctB).",
    ],
  ])('%s, as in the trial', (_, call, message) => {
    const error = thrown(call);
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options']);
    expect(error.message).toBe(message);
  });

  it.each([
    ['meanStd', () => loose(meanStd)([1, 2], options)],
    ['normalCdf', () => loose(normalCdf)(0, options)],
    ['normalQuantile', () => loose(normalQuantile)(0.5, options)],
    ['percentileInterval', () => loose(percentileInterval)([1, 2], 0.9, options)],
    ['percentiles', () => loose(percentiles)([1, 2], [50], options)],
    ['summarizePercentiles', () => loose(summarizePercentiles)([1, 2], options)],
    ['percentileSorted', () => loose(percentileSorted)([1, 2], 50, options)],
    ['quantileSorted', () => loose(quantileSorted)([1, 2], 0.5, options)],
    ['binomialTestHalf given a bare number', () => loose(binomialTestHalf)(3, 10, 0.5)],
  ])('%s', (_, call) => {
    const error = thrown(call);
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options']);
    expect(error.message).toMatch(/ and takes no options, but it was given a \w+ argument, /);
  });

  it('the declared arguments still give the same results', () => {
    expect(binomialTestHalf(3, 10)).toBe(0.34375);
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(mcnemarExact([true, true, false], [false, true, false]).pValue).toBe(1);
    expect(normalQuantile(0.975)).toBe(1.9599639845400538);
  });
});
