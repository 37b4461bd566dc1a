import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeMetricValues } from '../src/metrics/compute-metric-values.js';
import { computeResampledValues } from '../src/metrics/compute-resampled-values.js';
import type { ScoreColumns } from '../src/score/score-columns.js';
import { replicatesOf, weightedRowFields } from './helpers/replicate-draws.js';

const BINARY = ['roc_auc', 'average_precision'];
const MULTICLASS = ['roc_auc_ovr', 'roc_auc_ovr_weighted', 'roc_auc_ovo', 'roc_auc_ovo_weighted'];

interface Row {
  y: number;
  s: number;
  w: number;
  slice: number;
}

/** Binary or k-class columns: scores from a coarse grid (ties) or anywhere, weights with zeros. */
function columnsOf(rows: readonly Row[], k: number, weighted: boolean): ScoreColumns {
  const n = rows.length;
  const yTrue = Int32Array.from(rows, (r) => r.y % k);
  const proba = new Float64Array(n * k);
  rows.forEach((r, i) => {
    // class c's probability: the row's score shifted per class, still on a grid when s is
    for (let c = 0; c < k; c++) proba[i * k + c] = Math.abs(r.s - c / 4);
  });
  return {
    n,
    task: 'classification',
    classes: Array.from({ length: k }, (_, c) => c),
    yTrue,
    yPred: yTrue,
    isPositive: k === 2 ? Uint8Array.from(yTrue) : null,
    yTrueValues: null,
    yPredValues: null,
    yScore: k === 2 ? Float64Array.from(rows, (r) => r.s) : null,
    yProba: k === 2 ? null : proba,
    weight: weighted ? Float64Array.from(rows, (r) => r.w) : null,
    group: null,
    groupValues: [],
    slice: Int32Array.from(rows, (r) => r.slice),
    sliceValues: ['a', 'b'],
  };
}

const rowArb = fc.record({
  y: fc.nat({ max: 11 }),
  s: fc.oneof(
    fc.integer({ min: -4, max: 8 }).map((v) => v / 4),
    fc.double({ min: -2, max: 2, noNaN: true }),
  ),
  ...weightedRowFields,
});

const caseArb = fc.array(rowArb, { minLength: 1, maxLength: 60 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    k: fc.constantFrom(2, 3, 4),
    weighted: fc.boolean(),
    inSlice: fc.constantFrom(-1, 0, 1),
    picks: fc.array(fc.nat({ max: 1000 }), { maxLength: 2 * rows.length }),
  }),
);

/** Equal to 1e-12 relative (NaN equals NaN); bit for bit when `exact`. */
function expectSame(actual: number, expected: number, exact: boolean, what: string): void {
  if (Number.isNaN(expected) || exact) {
    expect(actual, what).toBe(expected);
    return;
  }
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

describe('ranking metrics on a resample read as row multiplicities', () => {
  test('equal the sorting kernels on the drawn rows, with ties, weights and slices', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, k, weighted, inSlice, picks }) => {
        const columns = columnsOf(rows, k, weighted);
        const domainRows = rows.flatMap((r, i) => (inSlice < 0 || r.slice === inSlice ? [i] : []));
        const domain = inSlice < 0 ? null : Uint32Array.from(domainRows);
        const drawn = Uint32Array.from(
          domainRows.length === 0 ? [] : picks.map((p) => domainRows[p % domainRows.length]!),
        );
        const names = k === 2 ? BINARY : MULTICLASS;
        const fast = new Float64Array(names.length);
        const reference = new Float64Array(names.length);
        const fastErrors: string[] = [];
        const referenceErrors: string[] = [];
        computeResampledValues(columns, names, drawn, domain, fast, 0, fastErrors);
        computeMetricValues(columns, names, drawn, reference, 0, referenceErrors, {
          replicate: true,
        });
        names.forEach((name, j) => {
          // unweighted sums are integers, so both paths add the same numbers in the same
          // order; one-vs-one pairs are unweighted and only their average may be weighted
          const exact = !weighted || name === 'roc_auc_ovo';
          expectSame(fast[j]!, reference[j]!, exact, name);
        });
        expect(fastErrors).toEqual(referenceErrors);
      }),
      { numRuns: 400 },
    );
  });

  test('a draw with rows outside the given domain is read over every row', () => {
    const rows: Row[] = [0.1, 0.4, 0.35, 0.8, 0.5, 0.2].map((s, i) => ({
      y: i % 2,
      s,
      w: 1,
      slice: i < 3 ? 0 : 1,
    }));
    const columns = columnsOf(rows, 2, false);
    const drawn = Uint32Array.of(0, 1, 1, 3, 4);
    const fast = new Float64Array(2);
    const reference = new Float64Array(2);
    computeResampledValues(columns, BINARY, drawn, Uint32Array.of(0, 1, 2), fast, 0, []);
    computeMetricValues(columns, BINARY, drawn, reference, 0, [], { replicate: true });
    expect(Array.from(fast)).toEqual(Array.from(reference));
  });
});

describe('row counts beyond one byte', () => {
  test('a draw that repeats a row more than 255 times is read from its rows, and the next draw is unaffected', () => {
    const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({
      y: i % 2,
      s: (i * 7) % 11,
      w: 1,
      slice: 0,
    }));
    const columns = columnsOf(rows, 2, false);
    const repeated = Uint32Array.from({ length: 600 }, (_, i) => (i < 300 ? 3 : i % 40));
    const ordinary = Uint32Array.from({ length: 40 }, (_, i) => (i * 3) % 40);
    for (const drawn of [repeated, ordinary]) {
      const fast = new Float64Array(2);
      const reference = new Float64Array(2);
      computeResampledValues(columns, BINARY, drawn, null, fast, 0, []);
      computeMetricValues(columns, BINARY, drawn, reference, 0, [], { replicate: true });
      expect(Array.from(fast)).toEqual(Array.from(reference));
    }
  });
});

describe('bootstrap tasks', () => {
  const n = 3000;
  const rng = createRng(5);
  const rows: Row[] = Array.from({ length: n }, () => ({
    y: rng.nextInt(3),
    // two decimals: many ties, as rounded model scores have
    s: Math.round(rng.nextFloat() * 100) / 100,
    w: 1 + rng.nextInt(4),
    slice: rng.nextInt(2),
  }));

  test.each([
    ['binary', 2, BINARY],
    ['three classes', 3, MULTICLASS],
  ] as const)('%s: every replicate equals the sorting kernels on the same draw', (_, k, names) => {
    for (const weighted of [false, true]) {
      const columns = columnsOf(rows, k, weighted);
      const seeds = [11, 12, 13, 14];
      for (const slice of [null, 1]) {
        replicatesOf(columns, names, seeds, slice).forEach(({ drawn, values }, r) => {
          const reference = new Float64Array(names.length);
          computeMetricValues(columns, names, drawn, reference, 0, [], { replicate: true });
          names.forEach((name, j) => {
            const value = values[j]!;
            expect(Number.isFinite(value), name).toBe(true);
            expectSame(value, reference[j]!, !weighted, `${name} replicate ${r}`);
          });
        });
      }
    }
  });
});
