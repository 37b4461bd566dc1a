import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cohenKappaFromConfusion,
  cohenKappaScore,
  encodeRatingPairs,
  type KappaWeights,
  type Label,
  type MetricWarning,
  onMetricWarning,
} from '../src/index.js';

interface KappaCase {
  name: string;
  y1: Label[];
  y2: Label[];
  options: { weights: KappaWeights | null; labels?: Label[]; sampleWeight?: number[] };
  expected: number | 'NaN';
  matrix: number[][];
  warns: boolean;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/kappa.json', import.meta.url), 'utf8'),
) as { sklearn: string; cases: KappaCase[] };

/** Kappa lies in [-1, 1]: an absolute tolerance is a relative one. */
const TOLERANCE = 1e-12;

function expectKappa(actual: number, expected: number | 'NaN', where: string): void {
  if (expected === 'NaN') {
    expect(Number.isNaN(actual), `${where}: ${actual} should be NaN`).toBe(true);
    return;
  }
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

let off: (() => void) | undefined;
afterEach(() => off?.());

describe(`Cohen kappa equals scikit-learn ${fixture.sklearn} cohen_kappa_score`, () => {
  it.each(fixture.cases)('$name', (c) => {
    const seen: MetricWarning[] = [];
    off = onMetricWarning((w) => seen.push(w));
    expectKappa(cohenKappaScore(c.y1, c.y2, c.options), c.expected, 'cohenKappaScore');
    expect(seen.map((w) => w.code)).toEqual(c.warns ? ['UNDEFINED_METRIC'] : []);
    if (c.y1.every((v) => typeof v === 'number') && c.y2.every((v) => typeof v === 'number')) {
      const y1 = Int32Array.from(c.y1 as number[]);
      const y2 = Int32Array.from(c.y2 as number[]);
      expectKappa(cohenKappaScore(y1, y2, c.options), c.expected, 'Int32Array inputs');
    }
  });

  it.each(fixture.cases)('$name: the kernel on the scikit-learn matrix', (c) => {
    const k = c.matrix.length;
    const counts = Float64Array.from(c.matrix.flat());
    expectKappa(
      cohenKappaFromConfusion(counts, k, { weights: c.options.weights }),
      c.expected,
      'cohenKappaFromConfusion',
    );
  });

  it.each(fixture.cases)('$name: rating-pair cells tally the scikit-learn matrix', (c) => {
    const pairs = encodeRatingPairs(
      c.y1,
      c.y2,
      c.options.labels === undefined ? {} : { labels: c.options.labels },
    );
    const k = pairs.nClasses;
    expect(k).toBe(c.matrix.length);
    const counts = new Float64Array(k * k);
    pairs.cells.forEach((cell, row) => {
      if (cell >= 0) counts[cell]! += c.options.sampleWeight?.[row] ?? 1;
    });
    const matrix = Array.from({ length: k }, (_, i) =>
      Array.from(counts.subarray(i * k, i * k + k)),
    );
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) expect(matrix[i]![j]).toBeCloseTo(c.matrix[i]![j]!, 9);
    }
  });
});
