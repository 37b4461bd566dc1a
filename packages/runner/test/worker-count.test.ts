import { availableParallelism } from 'node:os';
import { createRunner, RunnerError } from '@assay/runner';
import { describe, expect, test } from 'vitest';

describe('the worker count', () => {
  test('is clamped to the available cores, with a warning naming both counts', async () => {
    const cores = availableParallelism();
    const runner = createRunner({ workers: cores + 997 });
    expect(runner.workers).toBe(cores);
    expect(runner.warning).toBe(
      `workers ${cores + 997} is more than the ${cores} available core(s); using ${cores}.`,
    );
    const report = await runner.scorePredictions(
      { yTrue: [0, 1, 1], yPred: [0, 1, 0] },
      { metrics: ['accuracy'] },
    );
    expect(report.timing.workers).toBe(cores);
    await runner.close();
    expect(createRunner({ workers: cores }).warning).toBeUndefined();
    expect(createRunner({ workers: 0 }).workers).toBe(0);
  });

  test('must be a whole number in [0, 1024]', () => {
    for (const workers of [-1, 1.5, 1025, Number.NaN]) {
      expect(() => createRunner({ workers })).toThrow(RunnerError);
    }
  });
});
