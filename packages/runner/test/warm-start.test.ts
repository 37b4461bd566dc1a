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
    const lazy = createRunner({ workers: 1 });
    const inline = createRunner({ workers: 0 });
    try {
      const [a, b, c] = await Promise.all([
        warm.scorePredictions(input, options),
        lazy.scorePredictions(input, options),
        inline.scorePredictions(input, options),
      ]);
      expect(a.settings.bootstrap).toBe(300);
      expect(stable(a)).toBe(stable(c));
      expect(stable(b)).toBe(stable(c));
    } finally {
      await Promise.all([warm.close(), lazy.close(), inline.close()]);
    }
  }, 120_000);
});
