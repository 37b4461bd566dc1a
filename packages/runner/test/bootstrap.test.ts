import { scorePredictions } from '@assay/runner';
import { createRng } from '@assay/splitters';
import { describe, expect, test } from 'vitest';
import { sampleBinomial } from '../src/bootstrap/binomial.js';
import { sampleMultinomial } from '../src/bootstrap/multinomial.js';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

function moments(draw: () => number, times: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < times; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / times;
  return { mean, variance: s2 / times - mean * mean };
}

describe('binomial sampler', () => {
  test.each([
    [20, 0.1], // inversion (n·p = 2)
    [1_000, 0.3], // BTRS
    [10_000_000, 0.7], // BTRS on the complement
    [50_000_000, 1e-7], // inversion with huge n
  ])('Binomial(%d, %d) has the right mean and variance', (n, p) => {
    const rng = createRng(99);
    const { mean, variance } = moments(() => sampleBinomial(n, p, rng), 20_000);
    const sd = Math.sqrt(n * p * (1 - p));
    // mean within 5 standard errors; variance within 10%
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(20_000));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
  });

  test('draws stay within [0, n] and edge probabilities are exact', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const x = sampleBinomial(37, 0.45, rng);
      expect(Number.isInteger(x) && x >= 0 && x <= 37).toBe(true);
    }
    expect(sampleBinomial(10, 0, rng)).toBe(0);
    expect(sampleBinomial(10, 1, rng)).toBe(10);
    expect(sampleBinomial(0, 0.5, rng)).toBe(0);
  });
});

describe('multinomial sampler', () => {
  test('counts sum to n and each cell has the binomial mean and variance', () => {
    const rng = createRng(7);
    const weights = [5, 0, 1, 3, 1];
    const total = 10;
    const n = 1_000_000;
    const times = 4000;
    const sums = new Float64Array(weights.length);
    const squares = new Float64Array(weights.length);
    for (let t = 0; t < times; t++) {
      const draw = sampleMultinomial(n, weights, rng);
      expect(draw.reduce((a, b) => a + b, 0)).toBe(n);
      draw.forEach((x, i) => {
        sums[i]! += x;
        squares[i]! += x * x;
      });
    }
    weights.forEach((w, i) => {
      const p = w / total;
      const mean = sums[i]! / times;
      const variance = squares[i]! / times - mean * mean;
      if (p === 0) {
        expect(mean).toBe(0);
        return;
      }
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(times));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.85);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.15);
    });
  });
});

describe('bootstrap confidence intervals', () => {
  const data = syntheticClassification(4000, 2, 5, 0.8);
  const input = {
    yTrue: data.yTrue,
    yPred: data.yPred,
    yScore: data.probaColumns[1]!,
    slice: data.slice,
  };
  const options = {
    metrics: ['accuracy', 'f1_macro', 'roc_auc', 'log_loss'],
    bootstrap: 200,
    seed: 42,
    workers: 0,
  };

  test('are reproducible for a seed, contain the point estimate and change with the seed', async () => {
    const a = await scorePredictions(input, options);
    const b = await scorePredictions(input, options);
    expect(a.overall).toEqual(b.overall);
    expect(a.slices).toEqual(b.slices);
    for (const name of options.metrics) {
      const { value, ci } = a.overall[name]!;
      expect(ci, name).toBeDefined();
      expect(ci![0]).toBeLessThanOrEqual(value!);
      expect(ci![1]).toBeGreaterThanOrEqual(value!);
      expect(ci![1] - ci![0]).toBeGreaterThan(0);
      expect(ci![1] - ci![0]).toBeLessThan(0.2);
    }
    expect(a.settings.bootstrapMethod).toEqual({
      accuracy: 'multinomial-counts',
      f1_macro: 'multinomial-counts',
      roc_auc: 'rows',
      log_loss: 'rows',
    });
    const c = await scorePredictions(input, { ...options, seed: 43 });
    expect(c.overall.accuracy?.ci).not.toEqual(a.overall.accuracy?.ci);
    expect(c.overall.accuracy?.value).toBe(a.overall.accuracy?.value);
  });

  test('accuracy interval width matches the binomial standard error', async () => {
    const report = await scorePredictions(input, {
      ...options,
      metrics: ['accuracy'],
      bootstrap: 1000,
    });
    const p = report.overall.accuracy!.value!;
    const [lo, hi] = report.overall.accuracy!.ci!;
    const expected = 2 * 1.96 * Math.sqrt((p * (1 - p)) / 4000);
    expect((hi - lo) / expected).toBeGreaterThan(0.8);
    expect((hi - lo) / expected).toBeLessThan(1.2);
  });

  test('weighted confusion metrics fall back to row resampling', async () => {
    const report = await scorePredictions(
      { ...input, weight: data.weight },
      { ...options, metrics: ['accuracy'], bootstrap: 50 },
    );
    expect(report.settings.bootstrapMethod).toEqual({ accuracy: 'rows' });
    const { value, ci } = report.overall.accuracy!;
    expect(ci![0]).toBeLessThanOrEqual(value!);
    expect(ci![1]).toBeGreaterThanOrEqual(value!);
  });
});

describe('a bootstrap of few resamples', () => {
  const data = syntheticClassification(300, 2, 5);
  const input = { yTrue: data.yTrue, yPred: data.yPred };
  const about = (warnings: string[]) => warnings.filter((w) => w.startsWith('bootstrap is'));

  test('warns below 100 resamples that its intervals are no confidence intervals', async () => {
    const one = await scorePredictions(input, { bootstrap: 1, metrics: ['accuracy'], workers: 0 });
    const [low, high] = one.overall.accuracy!.ci!;
    expect(high - low).toBe(0);
    expect(about(one.warnings)).toEqual([
      "bootstrap is 1: the intervals are no confidence intervals but one resample's value twice, which need not even hold the metric's own value; use 1000 or more resamples for intervals to report (fewer than 100 is meant for trials).",
    ]);
    const fifty = await scorePredictions(input, {
      bootstrap: 50,
      metrics: ['accuracy'],
      workers: 0,
    });
    expect(about(fifty.warnings)).toEqual([
      'bootstrap is 50: the intervals are no 95% confidence intervals, only ends picked from 50 resample values, which move from one seed to the next; use 1000 or more resamples for intervals to report (fewer than 100 is meant for trials).',
    ]);
  });

  test('is quiet from 100 resamples on, and without a bootstrap', async () => {
    for (const bootstrap of [0, 100]) {
      const report = await scorePredictions(input, {
        bootstrap,
        metrics: ['accuracy'],
        workers: 0,
      });
      expect(about(report.warnings)).toEqual([]);
    }
  });
});
