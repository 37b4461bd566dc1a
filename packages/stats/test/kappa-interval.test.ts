import { cohenKappaScore, type KappaWeights, MetricInputError } from '@assay/core-metrics';
import { createRng } from '@assay/splitters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kappaInterval, percentileInterval, StatsError } from '../src/index.js';
import { loadCases } from './support/fixtures.js';

const WEIGHTS: (KappaWeights | null)[] = [null, 'linear', 'quadratic'];

/** n human grades 1..5 and a judge that mostly agrees, off by one now and then. */
function gradedItems(n: number, seed: number): { human: number[]; judge: number[] } {
  const rng = createRng(seed);
  const human: number[] = [];
  const judge: number[] = [];
  for (let i = 0; i < n; i++) {
    const grade = 1 + rng.nextInt(5);
    const step = [-1, 0, 0, 0, 1][rng.nextInt(5)]!;
    human.push(grade);
    judge.push(Math.min(5, Math.max(1, grade + step)));
  }
  return { human, judge };
}

interface KappaReplicateCase {
  y1: number[];
  y2: number[];
  weights: KappaWeights;
  labels: number[];
  resamples: Array<{ rows: number[]; withFullLabels: number; withResampleLabels: number }>;
}

const replicateCases = loadCases<KappaReplicateCase>('kappa-replicates.json');

function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('kappaInterval', () => {
  it('reports the kappa of cohenKappaScore and an interval around it', () => {
    for (const n of [60, 200, 1000]) {
      for (const weights of WEIGHTS) {
        const { human, judge } = gradedItems(n, n);
        const r = kappaInterval(human, judge, { weights, seed: 3 });
        expect(r.kappa).toBe(cohenKappaScore(human, judge, { weights }));
        expect(r.ciLow).toBeLessThanOrEqual(r.kappa);
        expect(r.ciHigh).toBeGreaterThanOrEqual(r.kappa);
        expect(r.ciLow).toBeLessThan(r.ciHigh);
        expect(r.resamples).toBe(1000);
      }
    }
  });

  it('is the percentile interval of cohenKappaScore on each resample of the rows', () => {
    const { human, judge } = gradedItems(40, 5);
    const labels = [4, 3, 2, 1];
    const rng = createRng(11);
    const replicates: number[] = [];
    for (let s = 0; s < 300; s++) {
      const rows = Array.from({ length: human.length }, () => rng.nextInt(human.length));
      const y1 = rows.map((i) => human[i]!);
      const y2 = rows.map((i) => judge[i]!);
      let kappa = Number.NaN;
      try {
        kappa = cohenKappaScore(y1, y2, { weights: 'linear', labels });
      } catch {
        // no listed label drawn in y1: scikit-learn refuses, the bootstrap counts it undefined
      }
      replicates.push(kappa);
    }
    const expected = percentileInterval(replicates, 0.9)!;
    const r = kappaInterval(human, judge, {
      weights: 'linear',
      labels,
      resamples: 300,
      ci: 0.9,
      seed: 11,
    });
    expect([r.ciLow, r.ciHigh]).toEqual(expected);
    expect(r.resamples).toBe(replicates.filter((v) => !Number.isNaN(v)).length);
  });

  it.each(replicateCases)(
    "scores a $weights replicate as scikit-learn with the full sample's labels ($y1 vs $y2)",
    ({ y1, y2, weights, resamples }) => {
      const byRows = new Map(resamples.map((r) => [r.rows.join(','), r]));
      let labelsMissing = 0;
      for (let seed = 0; seed < 80; seed++) {
        // one resample: kappaInterval's first draw, replayed from the same seed
        const rng = createRng(seed);
        const rows = y1.map(() => rng.nextInt(y1.length));
        const expected = byRows.get(rows.join(','))!;
        const r = kappaInterval(y1, y2, { weights, seed, resamples: 1 });
        if (Number.isNaN(expected.withFullLabels)) {
          expect(r.resamples).toBe(0);
          continue;
        }
        expect(r.ciLow).toBeCloseTo(expected.withFullLabels, 12);
        expect(r.ciHigh).toBeCloseTo(expected.withFullLabels, 12);
        if (!Object.is(expected.withResampleLabels, expected.withFullLabels)) labelsMissing++;
      }
      // the replay must include resamples where the resample's own labels would score otherwise
      expect(labelsMissing).toBeGreaterThan(0);
    },
  );

  it('gives the same result for the same seed and another for another seed', () => {
    const { human, judge } = gradedItems(150, 1);
    const a = kappaInterval(human, judge, { seed: 42 });
    expect(kappaInterval(human, judge, { seed: 42 })).toEqual(a);
    const b = kappaInterval(human, judge, { seed: 43 });
    expect(b.kappa).toBe(a.kappa);
    expect([b.ciLow, b.ciHigh]).not.toEqual([a.ciLow, a.ciHigh]);
  });

  it('narrows as items are added (16 times the items: about a quarter of the width)', () => {
    for (const weights of WEIGHTS) {
      const small = gradedItems(100, 8);
      const large = gradedItems(1600, 8);
      const s = kappaInterval(small.human, small.judge, { weights, seed: 1 });
      const l = kappaInterval(large.human, large.judge, { weights, seed: 1 });
      expect(l.ciHigh - l.ciLow).toBeLessThan(0.4 * (s.ciHigh - s.ciLow));
    }
  });

  it('draws singleton clusters exactly as it draws rows', () => {
    const { human, judge } = gradedItems(80, 2);
    const ids = human.map((_, i) => `item-${i}`);
    expect(kappaInterval(human, judge, { clusterIds: ids, seed: 9 })).toEqual(
      kappaInterval(human, judge, { seed: 9 }),
    );
  });

  it('clustered repeats of items with identical grades give the unrepeated interval', () => {
    const grade = fc.integer({ min: 1, max: 5 });
    const items = fc.array(fc.tuple(grade, grade, fc.boolean()), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(
        items,
        fc.integer({ min: 2, max: 4 }),
        fc.boolean(),
        fc.constantFrom(...WEIGHTS),
        fc.integer({ min: 0, max: 0xffffffff }),
        (rows, r, interleaved, weights, seed) => {
          const human = rows.map(([h]) => h);
          // half the judge's grades agree, so kappa is usually defined
          const judge = rows.map(([h, j, agree]) => (agree ? h : j));
          const order = interleaved
            ? Array.from({ length: r * rows.length }, (_, t) => t % rows.length)
            : rows.flatMap((_, i) => Array<number>(r).fill(i));
          const options = { weights, seed, resamples: 200 };
          const once = kappaInterval(human, judge, options);
          const repeated = kappaInterval(
            order.map((i) => human[i]!),
            order.map((i) => judge[i]!),
            { ...options, clusterIds: order.map((i) => `item-${i}`) },
          );
          expect(repeated.resamples).toBe(once.resamples);
          for (const key of ['kappa', 'ciLow', 'ciHigh'] as const) {
            if (Number.isNaN(once[key])) expect(repeated[key]).toBeNaN();
            else expect(Math.abs(repeated[key] - once[key])).toBeLessThanOrEqual(1e-12);
          }
        },
      ),
    );
  });

  it('without clusters, repeats narrow the interval with no new information', () => {
    const { human, judge } = gradedItems(100, 4);
    const order = human.flatMap((_, i) => [i, i, i, i]);
    const y1 = order.map((i) => human[i]!);
    const y2 = order.map((i) => judge[i]!);
    const once = kappaInterval(human, judge, { seed: 5 });
    const rows = kappaInterval(y1, y2, { seed: 5 });
    const clusters = kappaInterval(y1, y2, { seed: 5, clusterIds: order });
    expect(rows.ciHigh - rows.ciLow).toBeLessThan(0.6 * (once.ciHigh - once.ciLow));
    expect(clusters.ciHigh - clusters.ciLow).toBeCloseTo(once.ciHigh - once.ciLow, 12);
  });

  it('is NaN with no defined resample when both raters used one label throughout', () => {
    const r = kappaInterval(['C', 'C', 'C'], ['C', 'C', 'C'], { resamples: 50 });
    expect(r.kappa).toBeNaN();
    expect(r.ciLow).toBeNaN();
    expect(r.ciHigh).toBeNaN();
    expect(r.resamples).toBe(0);
  });

  it('leaves resamples with an undefined kappa out of the interval and the count', () => {
    const r = kappaInterval(['C', 'I', 'C', 'C'], ['C', 'I', 'C', 'C'], { resamples: 400 });
    expect(r.kappa).toBe(1);
    // a resample that draws no 'I' row has one label only: about (3/4)^4 of them
    expect(r.resamples).toBeLessThan(400);
    expect(r.resamples).toBeGreaterThan(250);
    expect([r.ciLow, r.ciHigh]).toEqual([1, 1]);
  });
});

describe('kappaInterval errors', () => {
  it.each([
    ['options.resamples', { resamples: 0 }, 'INVALID_COUNT'],
    ['options.resamples', { resamples: 2.5 }, 'INVALID_COUNT'],
    ['options.ci', { ci: 95 }, 'INVALID_LEVEL'],
    ['options.seed', { seed: -1 }, 'INVALID_COUNT'],
    ['options.seed', { seed: 2 ** 32 }, 'INVALID_COUNT'],
    ['options.clusterIds', { clusterIds: ['a', 'b'] }, 'LENGTH_MISMATCH'],
    ['options.clusterIds[1]', { clusterIds: ['a', null, 'b'] }, 'MISSING_VALUE'],
    ['options.clusterIds[1]', { clusterIds: [1, Number.NaN, 2] }, 'MISSING_VALUE'],
  ])('%s: %j is refused with %s', (path, options, code) => {
    const error = thrownBy(() =>
      kappaInterval([1, 2, 3], [1, 2, 2], options as Parameters<typeof kappaInterval>[2]),
    );
    expect(error).toBeInstanceOf(StatsError);
    expect(error).toMatchObject({ code, path });
    expect((error as StatsError).message).toContain(`kappaInterval: ${path}`);
  });

  it('passes bad labels and kappa options on as MetricInputError of core-metrics', () => {
    const weights = thrownBy(() => kappaInterval([1, 2], [1, 2], { weights: 'cubic' as never }));
    expect(weights).toBeInstanceOf(MetricInputError);
    expect(weights).toMatchObject({ code: 'INVALID_OPTION', path: 'options.weights' });
    const labels = thrownBy(() => kappaInterval([1, 2], [1, 2], { labels: [7] }));
    expect(labels).toMatchObject({ code: 'UNKNOWN_LABEL', path: 'options.labels' });
  });

  it("names the raters' arguments y1 and y2 when their lengths differ (not core-metrics' yTrue, yPred)", () => {
    const lengths = thrownBy(() => kappaInterval([1, 2], [1]));
    expect(lengths).toBeInstanceOf(StatsError);
    expect(lengths).toMatchObject({ code: 'LENGTH_MISMATCH', path: 'y2' });
    expect((lengths as StatsError).message).toBe(
      "kappaInterval: y1 has 2 ratings but y2 has 1; pass both raters' labels of the same items in the same order.",
    );
  });
});
