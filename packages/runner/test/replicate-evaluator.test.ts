import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bootstrapConfusionCounts } from '../src/bootstrap/confusion-bootstrap.js';
import { CONFUSION_METRICS, replicateValue } from '../src/metrics/confusion-metrics.js';
import type { ConfusionMetric } from '../src/metrics/metric-spec.js';
import { prepareColumns } from '../src/score/prepare-columns.js';
import type { ScoreColumns } from '../src/score/score-columns.js';

/** A job's columns whose labels are 0..k-1 (each occurs), with given labels or not. */
function columnsOf(k: number, labels?: number[], posLabel?: number): ScoreColumns {
  const yTrue = Array.from({ length: 2 * k }, (_, i) => i % k);
  const yPred = yTrue.map((c) => (c + 1) % k);
  const options = {
    task: 'classification' as const,
    ...(labels === undefined ? {} : { labels }),
    ...(posLabel === undefined ? {} : { posLabel }),
  };
  return prepareColumns({ yTrue, yPred }, options).columns;
}

/** What the bootstrap scored before evaluators: `replicateValue`, NaN where it throws. */
function slowValue(spec: ConfusionMetric, counts: Float64Array, k: number, columns: ScoreColumns) {
  try {
    return replicateValue(spec, counts, k, columns);
  } catch {
    return Number.NaN;
  }
}

const withEvaluator = CONFUSION_METRICS.filter((m) => m.evaluator !== undefined);

const jobs: [string, ScoreColumns][] = [
  ['binary labels', columnsOf(2)],
  ['binary labels, positive class 0', columnsOf(2, undefined, 0)],
  ['three classes', columnsOf(3)],
  ['ten classes', columnsOf(10)],
  ['two of three classes given as labels', columnsOf(3, [0, 2])],
];

describe('a set-wise metric scores bootstrap replicates through its evaluator', () => {
  test('every precision, recall, F1 and Jaccard form has one', () => {
    expect(withEvaluator.map((m) => m.name).sort()).toEqual(
      CONFUSION_METRICS.filter((m) => /^(precision|recall|f1|jaccard)/.test(m.name))
        .map((m) => m.name)
        .sort(),
    );
  });

  for (const [name, columns] of jobs) {
    test(`${name}: the evaluator equals replicateValue bit for bit on any counts`, () => {
      const k = columns.classes.length;
      fc.assert(
        fc.property(
          // sparse counts: replicates without a class, without a positive, without anything
          fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 500 })), {
            minLength: k * k,
            maxLength: k * k,
          }),
          (cells) => {
            const counts = Float64Array.from(cells);
            for (const spec of withEvaluator) {
              let evaluate: (c: Float64Array) => number;
              try {
                evaluate = spec.evaluator!(k, columns);
              } catch {
                // a binary metric of three classes: every replicate was NaN before too
                expect(slowValue(spec, counts, k, columns), spec.name).toBeNaN();
                continue;
              }
              const want = slowValue(spec, counts, k, columns);
              expect(Object.is(evaluate(counts), want), `${spec.name}: ${want}`).toBe(true);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  test('a whole multinomial task gives the values replicateValue gives', () => {
    const columns = columnsOf(10);
    const counts = Float64Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 900 : i % 7));
    const specs = CONFUSION_METRICS.filter(
      (m) => m.name.endsWith('_macro') || m.name === 'accuracy',
    );
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const values = bootstrapConfusionCounts(counts, specs, columns, seeds);
    // the same draws, scored the old way
    const again = bootstrapConfusionCounts(
      counts,
      specs.map((s) => ({
        ...s,
        evaluator: (k: number, c: ScoreColumns) => (draw: Float64Array) => slowValue(s, draw, k, c),
      })),
      columns,
      seeds,
    );
    expect(Array.from(values)).toEqual(Array.from(again));
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
  });

  test('shared batches write each replicate to its own slot and only the claimed ones', () => {
    const columns = columnsOf(10);
    const counts = Float64Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 900 : i % 7));
    const specs = CONFUSION_METRICS.filter((m) => m.name === 'accuracy' || m.name === 'f1_macro');
    const seeds = Array.from({ length: 50 }, (_, r) => 1000 + r);
    const whole = bootstrapConfusionCounts(counts, specs, columns, seeds);
    const m = specs.length;
    const claims = {
      next: new Int32Array(new SharedArrayBuffer(4)),
      batch: 7,
      out: new Float64Array(new SharedArrayBuffer(seeds.length * m * 8)).fill(-7),
    };
    // another worker took the first two batches (replicates 0..13): they stay untouched here
    claims.next[0] = 2;
    expect(bootstrapConfusionCounts(counts, specs, columns, seeds, claims)).toBe(claims.out);
    expect(Array.from(claims.out.subarray(0, 14 * m))).toEqual(new Array(14 * m).fill(-7));
    expect(Array.from(claims.out.subarray(14 * m))).toEqual(Array.from(whole.subarray(14 * m)));
    expect(claims.next[0]).toBeGreaterThan(Math.ceil(seeds.length / claims.batch));
    claims.next[0] = 0;
    bootstrapConfusionCounts(counts, specs, columns, seeds, claims);
    expect(Array.from(claims.out)).toEqual(Array.from(whole));
  });
});
