import { describe, expect, it } from 'vitest';
import {
  bcaInterval,
  benjaminiHochbergAdjust,
  bettingConfidenceSequence,
  createConfidenceSequence,
  differenceConfidenceSequence,
  holmAdjust,
  kappaInterval,
  mcnemarExact,
  meanStd,
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

function thrown(fn: () => unknown): StatsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StatsError);
    return error as StatsError;
  }
  throw new Error('expected a StatsError, nothing was thrown');
}

const rng = () => 0.5;

describe('StatsError: bad arguments are named, with what would be valid', () => {
  it.each([
    ['percentileInterval', () => percentileInterval([1, 2], 95), 'level'],
    ['percentileInterval', () => percentileInterval([1, 2], 0), 'level'],
    ['percentileInterval', () => percentileInterval([1, 2], Number.NaN), 'level'],
    [
      'bcaInterval',
      () => bcaInterval([1], { observed: 1, jackknife: [1, 2], level: 1 }),
      'options.level',
    ],
    ['pairedBootstrap', () => pairedBootstrap(3, () => 0, { rng, ci: -0.1 }), 'options.ci'],
    [
      'pairedBootstrapFromReplicates',
      () => pairedBootstrapFromReplicates(0, [0], { ci: 1.5 }),
      'options.ci',
    ],
  ])('%s rejects a level outside (0, 1) as %s', (fn, call, path) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_LEVEL');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(
      new RegExp(`^${fn}: ${path.replace('.', '\\.')} must be .* strictly between 0 and 1`),
    );
  });

  it.each([
    [() => pairedBootstrap(0, () => 0, { rng }), 'n'],
    [() => pairedBootstrap(2.5, () => 0, { rng }), 'n'],
    [() => pairedBootstrap(3, () => 0, { rng, samples: 0 }), 'options.samples'],
    [() => pairedBootstrap(3, () => 0, { rng, samples: 1.5 }), 'options.samples'],
  ])('pairedBootstrap rejects counts below 1 (%#: %s)', (call, path) => {
    const error = thrown(call);
    expect(error.code).toBe('INVALID_COUNT');
    expect(error.path).toBe(path);
    expect(error.message).toContain('must be an integer >= 1');
  });

  it('never calls the metric when the options are bad', () => {
    let calls = 0;
    thrown(() => pairedBootstrap(3, () => calls++, { rng, ci: 2 }));
    expect(calls).toBe(0);
  });

  it.each([
    ['holmAdjust', holmAdjust],
    ['benjaminiHochbergAdjust', benjaminiHochbergAdjust],
  ] as const)('%s rejects p-values outside [0, 1], naming the entry', (name, adjust) => {
    const error = thrown(() => adjust([0.2, 1.5, 0.1]));
    expect(error.code).toBe('INVALID_P_VALUE');
    expect(error.path).toBe('pValues[1]');
    expect(error.message).toBe(
      `${name}: pValues[1] must be a p-value in [0, 1] (or NaN for "no test"), got 1.5.`,
    );
    expect(thrown(() => adjust([-0.01])).path).toBe('pValues[0]');
  });

  it('rejects quantiles and percentiles outside their range', () => {
    expect(thrown(() => quantileSorted([1, 2], 1.1)).code).toBe('INVALID_PROBABILITY');
    expect(thrown(() => quantileSorted([1, 2], Number.NaN)).path).toBe('q');
    expect(thrown(() => percentileSorted([1, 2], 101)).message).toBe(
      'percentileSorted: q must be a number in [0, 100], got 101.',
    );
    expect(thrown(() => percentiles([1, 2], [50, -1])).path).toBe('qs[1]');
    expect(thrown(() => normalQuantile(1.2)).path).toBe('p');
  });

  it('asks for at least two jackknife values', () => {
    const error = thrown(() => bcaInterval([1, 2], { observed: 1, jackknife: [1] }));
    expect(error.code).toBe('TOO_FEW_VALUES');
    expect(error.path).toBe('options.jackknife');
  });

  it.each([
    ['pairedBootstrap', () => pairedBootstrap(3, () => 0, {} as never), 'MISSING_VALUE'],
    ['pairedBootstrap', () => pairedBootstrap(3, () => 0, { rng: 0.5 } as never), 'INVALID_OPTION'],
    [
      'percentileBootstrapInterval',
      () => percentileBootstrapInterval([1, 2], 50, {} as never),
      'MISSING_VALUE',
    ],
    [
      'pairedPermutationTest',
      () => pairedPermutationTest(Array(20).fill(0), Array(20).fill(1), { rng: 'seed' } as never),
      'INVALID_OPTION',
    ],
  ])('%s refuses an absent or non-function options.rng (%#) before drawing', (fn, call, code) => {
    const error = thrown(call);
    expect(error.code).toBe(code);
    expect(error.path).toBe('options.rng');
    expect(error.message).toMatch(
      new RegExp(`^${fn}: options\\.rng must be a uniform \\[0, 1\\) generator`),
    );
  });

  it.each([
    ['pairedBootstrap', () => pairedBootstrap(3, () => 0, undefined as never), 'MISSING_VALUE'],
    ['pairedBootstrap', () => pairedBootstrap(3, () => 0, 1000 as never), 'INVALID_OPTION'],
    [
      'percentileBootstrapInterval',
      () => percentileBootstrapInterval([1, 2], 50, undefined as never),
      'MISSING_VALUE',
    ],
    [
      'percentileBootstrapInterval',
      () => percentileBootstrapInterval([1, 2], 50, null as never),
      'MISSING_VALUE',
    ],
  ])(
    '%s refuses absent or non-object options (%#) with a StatsError, not a TypeError',
    (fn, call, code) => {
      const error = thrown(call);
      expect(error.code).toBe(code);
      expect(error.path).toBe('options');
      expect(error.message).toMatch(new RegExp(`^${fn}: options must be an object \\{ rng,`));
    },
  );

  it.each([
    [() => bcaInterval([1, 2], { observed: 1 } as never), 'MISSING_VALUE', 'options.jackknife'],
    [
      () => bcaInterval([1, 2], { jackknife: [1, 2] } as never),
      'MISSING_VALUE',
      'options.observed',
    ],
    [() => bcaInterval([1, 2], undefined as never), 'MISSING_VALUE', 'options'],
    [
      () => bcaInterval([1, 2], { observed: '1', jackknife: [1, 2] } as never),
      'INVALID_OPTION',
      'options.observed',
    ],
    [
      () => bcaInterval([1, 2], { observed: 1, jackknife: 2 } as never),
      'INVALID_OPTION',
      'options.jackknife',
    ],
  ])(
    'bcaInterval names absent or mistyped options (%#) instead of a TypeError',
    (call, code, path) => {
      const error = thrown(call);
      expect(error.code).toBe(code);
      expect(error.path).toBe(path);
      expect(error.message).toMatch(new RegExp(`^bcaInterval: ${path.replace('.', '\\.')} `));
    },
  );

  it('refuses an unknown confidence-sequence method instead of building a betting one', () => {
    const error = thrown(() => createConfidenceSequence({ method: 'bogus' as never }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('options.method');
    expect(error.message).toBe(
      `createConfidenceSequence: options.method must be 'betting' or 'empirical-bernstein', got the string "bogus".`,
    );
    expect(
      thrown(() => differenceConfidenceSequence([1], [0], { method: 'eb' as never })).path,
    ).toBe('options.method');
  });

  it('shows a received value with its type when it is not a number', () => {
    expect(thrown(() => wilsonInterval(1, 10, '0.95' as never)).message).toBe(
      'wilsonInterval: level must be a confidence level strictly between 0 and 1 (e.g. 0.95), got the string "0.95".',
    );
    expect(thrown(() => holmAdjust(['0.5'] as never)).message).toBe(
      'holmAdjust: pValues[0] must be a p-value in [0, 1] (or NaN for "no test"), got the string "0.5".',
    );
    expect(thrown(() => quantileSorted([1], null as never)).message).toContain('got null.');
    expect(thrown(() => percentileSorted([1], true as never)).message).toContain(
      'got the boolean true.',
    );
    expect(thrown(() => percentileInterval([1], 0.5 + 1)).message).toContain('got 1.5.');
  });

  it('names the row of a missing cluster id, as the README table does', () => {
    const error = thrown(() =>
      kappaInterval([1, 2, 3], [1, 2, 2], { clusterIds: ['a', 'b', null as never] }),
    );
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.path).toBe('options.clusterIds[2]');
    expect(error.message).toBe(
      'kappaInterval: options.clusterIds[2] is null; every row needs a cluster id (a string or a number).',
    );
  });

  it('is an Error with its own name', () => {
    const error = thrown(() => percentileInterval([1], 2));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StatsError');
  });

  it.each([
    ['meanStd', () => meanStd([1, '2'] as never), 'values[1]', 'got the string "2".'],
    ['summarizePercentiles', () => summarizePercentiles(['5', 1] as never), 'values[0]', '"5"'],
    ['percentiles', () => percentiles([10, 9, '8'] as never, [50]), 'values[2]', '"8"'],
    [
      'percentileInterval',
      () => percentileInterval(['a', 'b'] as never, 0.9),
      'replicates[0]',
      '"a"',
    ],
    [
      'percentileInterval',
      () => percentileInterval([1, undefined, 3] as never, 0.9),
      'replicates[1]',
      'undefined',
    ],
    [
      'bcaInterval',
      () => bcaInterval([1, true] as never, { observed: 1, jackknife: [1, 2] }),
      'replicates[1]',
      'true',
    ],
    [
      'bcaInterval',
      () => bcaInterval([1, 2], { observed: 1, jackknife: [1, '2'] as never }),
      'options.jackknife[1]',
      '"2"',
    ],
    [
      'pairedBootstrapFromReplicates',
      () => pairedBootstrapFromReplicates(0, [0.1, null] as never),
      'replicateDifferences[1]',
      'null',
    ],
    [
      'percentileBootstrapInterval',
      () => percentileBootstrapInterval([1, '2'] as never, 50, { rng }),
      'values[1]',
      '"2"',
    ],
  ])(
    '%s refuses a sample entry that is not a number, naming the first bad index',
    (fn, call, path, shown) => {
      const error = thrown(call);
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.path).toBe(path);
      expect(error.message).toMatch(
        new RegExp(`^${fn}: ${path.replace(/[.[\]]/g, '\\$&')} must be a number`),
      );
      expect(error.message).toContain(shown);
    },
  );

  it('still takes NaN (an undefined value) and typed arrays as samples', () => {
    expect(meanStd([1, Number.NaN, 3])).toEqual({ mean: 2, std: 1 });
    expect(percentiles(new Float64Array([3, 1, 2]), [50])).toEqual([2]);
    expect(percentileInterval(new Float32Array([1, 2]), 0.5)).toEqual([1.25, 1.75]);
  });

  it.each([
    ['mcnemarExact', () => mcnemarExact(null as never, []), 'correctA', 'MISSING_VALUE'],
    ['mcnemarExact', () => mcnemarExact([true], 'yes' as never), 'correctB', 'INVALID_VALUE'],
    ['holmAdjust', () => holmAdjust(null as never), 'pValues', 'MISSING_VALUE'],
    [
      'benjaminiHochbergAdjust',
      () => benjaminiHochbergAdjust(undefined as never),
      'pValues',
      'MISSING_VALUE',
    ],
    ['percentiles', () => percentiles(null as never, [50]), 'values', 'MISSING_VALUE'],
    ['percentiles', () => percentiles([1], 50 as never), 'qs', 'INVALID_VALUE'],
    ['meanStd', () => meanStd(7 as never), 'values', 'INVALID_VALUE'],
    [
      'pairedBootstrapFromReplicates',
      () => pairedBootstrapFromReplicates(0, null as never),
      'replicateDifferences',
      'MISSING_VALUE',
    ],
    [
      'pairedBootstrap',
      () => pairedBootstrap(3, null as never, { rng }),
      'metric',
      'MISSING_VALUE',
    ],
    ['pairedBootstrap', () => pairedBootstrap(3, [1] as never, { rng }), 'metric', 'INVALID_VALUE'],
    ['kappaInterval', () => kappaInterval(null as never, [1]), 'y1', 'MISSING_VALUE'],
    [
      'kappaInterval',
      () => kappaInterval([1], [1], { clusterIds: 3 as never }),
      'options.clusterIds',
      'INVALID_VALUE',
    ],
    [
      'pairedPermutationTest',
      () => pairedPermutationTest(null as never, [1]),
      'a',
      'MISSING_VALUE',
    ],
    [
      'pairedPermutationTest',
      () => pairedPermutationTest([1], undefined as never),
      'b',
      'MISSING_VALUE',
    ],
    [
      'bettingConfidenceSequence',
      () => bettingConfidenceSequence(null as never),
      'values',
      'MISSING_VALUE',
    ],
    [
      'differenceConfidenceSequence',
      () => differenceConfidenceSequence([1], null as never),
      'b',
      'MISSING_VALUE',
    ],
    ['quantileSorted', () => quantileSorted(undefined as never, 0.5), 'sorted', 'MISSING_VALUE'],
  ])(
    '%s names an absent or non-array vector argument instead of throwing a TypeError (%s)',
    (fn, call, path, code) => {
      const error = thrown(call);
      expect(error.code).toBe(code);
      expect(error.path).toBe(path);
      expect(error.message).toMatch(new RegExp(`^${fn}: ${path.replace('.', '\\.')} must be `));
    },
  );
});
