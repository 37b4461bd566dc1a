import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { distribution } from '../src/metrics/distribution.js';
import { Samples } from '../src/metrics/samples.js';

const value = fc.oneof(
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constant(Number.NaN),
  fc.constant(0),
  fc.constant(-0),
);

describe('Samples', () => {
  test('sortedValues holds every pushed value but NaN, ascending, past any starting capacity', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.nat(40), (values, capacity) => {
        const s = new Samples(capacity);
        for (const v of values) s.push(v);
        expect(s.length).toBe(values.length);
        const expected = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
        expect(s.sortedValues()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('a distribution of a sample equals the distribution of the same values as an array', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const s = new Samples(values.length);
        for (const v of values) s.push(v);
        expect(distribution(s)).toEqual(distribution(values));
      }),
      { numRuns: 300 },
    );
  });

  test('a sample of only NaN has the empty distribution', () => {
    const s = new Samples();
    s.push(Number.NaN);
    expect(distribution(s)).toEqual(distribution([]));
    expect(distribution(s).p50).toBeNull();
  });
});
