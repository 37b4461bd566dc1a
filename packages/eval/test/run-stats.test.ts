import { readFileSync } from 'node:fs';
import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../src/stats/holm.js';
import { binomialTestHalf, mcnemarExact } from '../src/stats/mcnemar.js';
import { pairedBootstrap } from '../src/stats/paired-bootstrap.js';
import { percentiles } from '../src/stats/percentiles.js';

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/run-stats.json', import.meta.url), 'utf8'),
) as {
  mcnemar: Array<{ onlyA: number; onlyB: number; pValue: number }>;
  holm: Array<{ p: number[]; adjusted: number[] }>;
  percentiles: Array<{ values: number[]; qs: number[]; expected: number[] }>;
};

function pairs(
  onlyA: number,
  onlyB: number,
  bothRight: number,
  bothWrong: number,
): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  const push = (x: boolean, y: boolean, n: number): void => {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(true, false, onlyA);
  push(false, true, onlyB);
  push(true, true, bothRight);
  push(false, false, bothWrong);
  return [a, b];
}

describe("McNemar's exact test", () => {
  it.each(fixtures.mcnemar)(
    'matches scipy binomtest for $onlyA / $onlyB discordant pairs',
    ({ onlyA, onlyB, pValue }) => {
      const [a, b] = pairs(onlyA, onlyB, 17, 4);
      const r = mcnemarExact(a, b);
      expect(r.onlyA).toBe(onlyA);
      expect(r.onlyB).toBe(onlyB);
      expect(r.pValue).toBeCloseTo(pValue, 12);
      if (pValue > 1e-300) expect(Math.abs(r.pValue - pValue) / pValue).toBeLessThan(1e-9);
    },
  );

  it('ignores concordant pairs entirely', () => {
    const [a1, b1] = pairs(4, 12, 0, 0);
    const [a2, b2] = pairs(4, 12, 500, 300);
    expect(mcnemarExact(a1, b1).pValue).toBe(mcnemarExact(a2, b2).pValue);
  });

  it('rejects vectors of different length, naming both', () => {
    expect(() => mcnemarExact([true], [true, false])).toThrow(
      /correctA has 1 items but correctB has 2/,
    );
    expect(() => binomialTestHalf(3, 2)).toThrow(RangeError);
  });
});

describe('Holm adjustment', () => {
  it.each(fixtures.holm)('matches the step-down definition for %#', ({ p, adjusted }) => {
    const got = holmAdjust(p);
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(adjusted[i]!, 12);
    });
  });

  it('leaves NaN out of the family', () => {
    const got = holmAdjust([0.01, Number.NaN, 0.02]);
    expect(got[1]).toBeNaN();
    expect(got[0]).toBeCloseTo(0.02, 12);
    expect(got[2]).toBeCloseTo(0.02, 12);
  });
});

describe('percentiles', () => {
  it.each(fixtures.percentiles)(
    'match numpy.percentile (linear) for n=$values.length',
    ({ values, qs, expected }) => {
      percentiles(values, qs).forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i]!, 9);
      });
    },
  );

  it('is NaN for an empty sample and skips NaN values', () => {
    expect(percentiles([], [50])[0]).toBeNaN();
    expect(percentiles([Number.NaN, 1, 3], [50])[0]).toBe(2);
  });
});

describe('paired bootstrap', () => {
  const [a, b] = pairs(10, 40, 150, 20);
  const acc = (xs: boolean[]) => (idx: Uint32Array) => {
    let s = 0;
    for (const i of idx) s += xs[i] ? 1 : 0;
    return s / idx.length;
  };
  const metric = (idx: Uint32Array, side: 0 | 1): number =>
    side === 0 ? acc(a)(idx) : acc(b)(idx);

  it('reports the observed difference and a CI around it', () => {
    const rng = createRng(7);
    const r = pairedBootstrap(a.length, metric, {
      samples: 2000,
      ci: 0.95,
      rng: () => rng.nextFloat(),
    });
    expect(r.difference).toBeCloseTo(30 / 220, 12);
    expect(r.ciLow).toBeLessThan(r.difference);
    expect(r.ciHigh).toBeGreaterThan(r.difference);
    expect(r.ciLow).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(0.01);
    expect(r.samples).toBe(2000);
  });

  it('finds no difference between a model and itself', () => {
    const rng = createRng(1);
    const r = pairedBootstrap(a.length, (idx) => acc(a)(idx), {
      samples: 200,
      rng: () => rng.nextFloat(),
    });
    expect(r.difference).toBe(0);
    expect(r.ciLow).toBe(0);
    expect(r.ciHigh).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('is reproducible for a seed', () => {
    const run = () => {
      const rng = createRng(3);
      return pairedBootstrap(a.length, metric, { samples: 300, rng: () => rng.nextFloat() });
    };
    expect(run()).toEqual(run());
  });
});
