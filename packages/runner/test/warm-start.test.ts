import { createRunner, type ScoreReport } from '@assay/runner';
import { describe, expect, test } from 'vitest';
import { syntheticClassification } from './helpers/synthetic-predictions.js';

function stable(report: ScoreReport): string {
  const { timing: _timing, ...rest } = report;
  return JSON.stringify(rest);
}

describe('a pool started ahead of its work (Runner.start) compiles its kernels first', () => {
  test('its reports equal those of a pool started by the first task and of the calling thread', async () => {
    const data = syntheticClassification(200_000, 6, 13, 0.7);
    const input = { yTrue: data.yTrue, yPred: data.yPred, slice: data.slice };
    const options = { cv: 'stratified:5', bootstrap: 300, seed: 7 } as const;
    const warm = createRunner({ workers: 1 });
    warm.start();
    // two workers plan their warm-up job for two, as a real two-worker job is split
    const warmTwo = createRunner({ workers: 2 });
    warmTwo.start();
    const lazy = createRunner({ workers: 1 });
    const inline = createRunner({ workers: 0 });
    try {
      const [a, b, c, d] = await Promise.all([
        warm.scorePredictions(input, options),
        lazy.scorePredictions(input, options),
        inline.scorePredictions(input, options),
        warmTwo.scorePredictions(input, options),
      ]);
      expect(a.settings.bootstrap).toBe(300);
      expect(stable(a)).toBe(stable(c));
      expect(stable(b)).toBe(stable(c));
      expect(d.timing.workers).toBe(2);
      expect(stable(d)).toBe(stable(c));
    } finally {
      await Promise.all([warm.close(), lazy.close(), inline.close(), warmTwo.close()]);
    }
  }, 120_000);
});

describe('worker results come back whole whether copied or moved', () => {
  test('per-fold tables of a megabyte or more (moved) equal those of the calling thread', async () => {
    // 160 classes: 160 x 160 cells x 6 tables of doubles is 1.2 MB, above the move threshold
    const data = syntheticClassification(60_000, 160, 5, 0.6);
    const input = { yTrue: data.yTrue, yPred: data.yPred };
    const options = { cv: 'stratified:5', seed: 3, metrics: ['accuracy', 'f1_macro'] } as const;
    const pool = createRunner({ workers: 2 });
    const inline = createRunner({ workers: 0 });
    try {
      const [a, b] = await Promise.all([
        pool.scorePredictions(input, options),
        inline.scorePredictions(input, options),
      ]);
      expect(a.folds).toHaveLength(5);
      expect(stable(a)).toBe(stable(b));
    } finally {
      await Promise.all([pool.close(), inline.close()]);
    }
  }, 120_000);
});

describe('a pool closed while its workers warm up', () => {
  test('closes, again and again, without taking the process down', async () => {
    // closing terminates workers still loading their module; a module with a top-level await
    // made V8 abort the whole process there (Node 20), so the warm-up is no such await
    for (let round = 0; round < 12; round++) {
      const runner = createRunner({ workers: 2 });
      runner.start();
      await new Promise((r) => setTimeout(r, round * 5));
      await runner.close();
    }
    const runner = createRunner({ workers: 2 });
    runner.start();
    const report = await runner.scorePredictions(
      { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] },
      { metrics: ['accuracy'] },
    );
    expect(report.overall.accuracy?.value).toBe(0.75);
    await runner.close();
  }, 120_000);
});
