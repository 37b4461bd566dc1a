import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import { pairedBootstrap, pairedBootstrapFromReplicates } from '../src/index.js';
import { loadCases } from './support/fixtures.js';
import { pairedOutcomes } from './support/paired-outcomes.js';

interface PairedCase {
  label: string;
  ci: number;
  observed: number;
  replicates: number[];
  ciLow: number;
  ciHigh: number;
  pValue: number;
  samples: number;
}

const cases = loadCases<PairedCase>('paired-bootstrap.json');

const [a, b] = pairedOutcomes(10, 40, 150, 20);
const acc = (xs: readonly boolean[]) => (idx: Uint32Array) => {
  let s = 0;
  for (const i of idx) s += xs[i] ? 1 : 0;
  return s / idx.length;
};
const metric = (idx: Uint32Array, side: 0 | 1): number => (side === 0 ? acc(a)(idx) : acc(b)(idx));

describe('pairedBootstrapFromReplicates', () => {
  it.each(cases)('matches numpy percentiles of the replicates: $label, ci $ci', (c) => {
    expect(pairedBootstrapFromReplicates(c.observed, c.replicates, { ci: c.ci })).toEqual({
      difference: c.observed,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
      pValue: c.pValue,
      samples: c.samples,
    });
  });

  it('reports NaN interval and p-value, and 0 samples, when no replicate is defined', () => {
    const r = pairedBootstrapFromReplicates(0.1, [Number.NaN, Number.NaN]);
    expect(r.difference).toBe(0.1);
    expect(r.samples).toBe(0);
    for (const v of [r.ciLow, r.ciHigh, r.pValue]) expect(v).toBeNaN();
  });
});

describe('pairedBootstrap (moved from @assay/runner)', () => {
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

  it('summarizes its replicates as pairedBootstrapFromReplicates does', () => {
    const draws = createRng(11);
    const replay = createRng(11);
    const r = pairedBootstrap(a.length, metric, {
      samples: 500,
      ci: 0.9,
      rng: () => draws.nextFloat(),
    });
    const replicates: number[] = [];
    const idx = new Uint32Array(a.length);
    for (let s = 0; s < 500; s++) {
      for (let i = 0; i < a.length; i++) idx[i] = Math.floor(replay.nextFloat() * a.length);
      replicates.push(metric(idx, 1) - metric(idx, 0));
    }
    expect(r).toEqual(pairedBootstrapFromReplicates(r.difference, replicates, { ci: 0.9 }));
  });

  it('drops resamples where the metric is undefined and counts the rest', () => {
    const rng = createRng(5);
    let calls = 0;
    const r = pairedBootstrap(20, () => (calls++ % 4 === 2 ? Number.NaN : 0.5), {
      samples: 100,
      rng: () => rng.nextFloat(),
    });
    expect(r.samples).toBe(50);
    expect(r.pValue).toBe(1);
  });
});
