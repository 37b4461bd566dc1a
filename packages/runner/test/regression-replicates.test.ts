import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeMetricValues } from '../src/metrics/compute-metric-values.js';
import { computeResampledValues } from '../src/metrics/compute-resampled-values.js';
import { METRIC_REGISTRY } from '../src/metrics/registry.js';
import { REGRESSION_METRICS } from '../src/metrics/regression-metrics.js';
import { zeroWeightFailure } from '../src/metrics/zero-weight-failure.js';
import type { ScoreColumns } from '../src/score/score-columns.js';
import { replicatesOf, weightedRowFields } from './helpers/replicate-draws.js';

const ALL = REGRESSION_METRICS.map((spec) => spec.name);

interface Row {
  y: number;
  p: number;
  w: number;
  slice: number;
}

function columnsOf(rows: readonly Row[], weighted: boolean): ScoreColumns {
  return {
    n: rows.length,
    task: 'regression',
    classes: [],
    yTrue: new Int32Array(0),
    yPred: new Int32Array(0),
    isPositive: null,
    yTrueValues: Float64Array.from(rows, (r) => r.y),
    yPredValues: Float64Array.from(rows, (r) => r.p),
    yScore: null,
    yProba: null,
    weight: weighted ? Float64Array.from(rows, (r) => r.w) : null,
    group: null,
    groupValues: [],
    slice: Int32Array.from(rows, (r) => r.slice),
    sliceValues: ['a', 'b'],
  };
}

// values on a coarse grid (equal residuals: ties for the median) or anywhere
const value = fc.oneof(
  fc.integer({ min: -8, max: 8 }).map((v) => v / 4),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
);
const rowArb = fc.record({
  y: value,
  p: value,
  ...weightedRowFields,
});
const caseArb = fc.array(rowArb, { minLength: 1, maxLength: 60 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    weighted: fc.boolean(),
    inSlice: fc.constantFrom(-1, 0, 1),
    picks: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 2 * rows.length }),
    names: fc.shuffledSubarray(ALL, { minLength: 1 }),
  }),
);

/**
 * Each metric's own `compute` on the drawn rows (the gathered rows, one pass per metric):
 * the values, NaN where it throws, and the names of those that throw.
 */
function oneByOne(
  columns: ScoreColumns,
  names: readonly string[],
  rows: Uint32Array,
  failed: string[] = [],
): number[] {
  return names.map((name) => {
    const spec = METRIC_REGISTRY.get(name)!;
    try {
      return spec.kind === 'rows' ? spec.compute(columns, rows) : Number.NaN;
    } catch (error) {
      failed.push(zeroWeightFailure(name, error) ?? `${name}: ${(error as Error).message}`);
      return Number.NaN;
    }
  });
}

describe('regression metrics of a row selection read one accumulation of its moments', () => {
  test('every metric, in any order and subset, equals its own pass over the gathered rows bit for bit', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, weighted, picks, names }) => {
        const columns = columnsOf(rows, weighted);
        // now and then no row at all (an empty fold or slice)
        const drawn = Uint32Array.from(picks.length % 7 === 6 ? [] : picks, (p) => p % rows.length);
        const fused = new Float64Array(names.length);
        const errors: string[] = [];
        computeMetricValues(columns, names, drawn, fused, 0, errors);
        const failed: string[] = [];
        expect(Array.from(fused)).toEqual(oneByOne(columns, names, drawn, failed));
        // a failure (no row) is reported word for word, drawn weights that sum to 0 as the
        // runner words it for every metric
        expect(errors).toEqual(failed);
      }),
      { numRuns: 400 },
    );
  });

  test('a bootstrap replicate read as row multiplicities (the median walking a ranking) equals the drawn rows bit for bit', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, weighted, inSlice, picks, names }) => {
        const columns = columnsOf(rows, weighted);
        const domainRows = rows.flatMap((r, i) => (inSlice < 0 || r.slice === inSlice ? [i] : []));
        const domain = inSlice < 0 ? null : Uint32Array.from(domainRows);
        const drawn = Uint32Array.from(
          domainRows.length === 0 ? [] : picks.map((p) => domainRows[p % domainRows.length]!),
        );
        const fast = new Float64Array(names.length);
        const reference = new Float64Array(names.length);
        computeResampledValues(columns, names, drawn, domain, fast, 0, []);
        computeMetricValues(columns, names, drawn, reference, 0, [], { replicate: true });
        expect(Array.from(fast)).toEqual(Array.from(reference));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the residuals a replicate median ranks', () => {
  test('belong to the job: two jobs with one array of true values and two of predictions (a paired bootstrap of one table) each get their own median', () => {
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      y: (i * 7) % 23,
      p: (i * 5) % 19,
      w: 1,
      slice: 0,
    }));
    const a = columnsOf(rows, false);
    // side B: the same true values, as one object, and predictions 100 higher
    const b = { ...a, yPredValues: a.yPredValues!.map((v) => v + 100) };
    const drawn = Uint32Array.from({ length: 400 }, (_, i) => (i * 13) % 400);
    for (const columns of [a, b, a]) {
      const fast = new Float64Array(1);
      computeResampledValues(columns, ['median_absolute_error'], drawn, null, fast, 0, []);
      expect(fast[0]).toBe(oneByOne(columns, ['median_absolute_error'], drawn)[0]);
    }
    const values = (columns: ScoreColumns) => {
      const out = new Float64Array(1);
      computeResampledValues(columns, ['median_absolute_error'], drawn, null, out, 0, []);
      return out[0];
    };
    expect(values(b)).not.toBe(values(a));
  });
});

describe('regression bootstrap tasks', () => {
  const n = 4001;
  const rng = createRng(9);
  const rows: Row[] = Array.from({ length: n }, () => ({
    y: Math.round(rng.nextFloat() * 400) / 100,
    p: Math.round(rng.nextFloat() * 400) / 100,
    w: 1 + rng.nextInt(4),
    slice: rng.nextInt(2),
  }));

  test('every replicate of a task equals each metric computed on the same draw', () => {
    for (const weighted of [false, true]) {
      const columns = columnsOf(rows, weighted);
      const seeds = [21, 22, 23];
      for (const slice of [null, 0]) {
        replicatesOf(columns, ALL, seeds, slice).forEach(({ drawn, values }, r) => {
          const expected = oneByOne(columns, ALL, drawn);
          expect(Array.from(values), `replicate ${r}, weighted ${weighted}`).toEqual(expected);
        });
      }
    }
  });
});
