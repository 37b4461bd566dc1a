import { createRunner, RunnerError } from '@assay/runner';
import { afterEach, describe, expect, test } from 'vitest';

const input = { yTrue: [0, 1, 1, 0, 1, 0], yPred: [0, 1, 0, 0, 1, 1] };

afterEach(() => {
  delete process.env.ASSAY_RUNNER_FAULT;
});

describe('a failing worker rejects the run and tears the pool down', () => {
  test.each(['exit', 'throw'])(
    'worker fault "%s"',
    async (fault) => {
      // workers copy the environment when the pool starts, which is at the first call
      process.env.ASSAY_RUNNER_FAULT = fault;
      const runner = createRunner({ workers: 2 });
      const error = await runner.scorePredictions(input, { metrics: ['accuracy'] }).catch((e) => e);
      expect(error).toBeInstanceOf(RunnerError);
      expect(error.code).toBe('WORKER_FAILED');
      expect(error.cause).toBeInstanceOf(Error);
      // the pool was destroyed: the next call starts a fresh pool, now without the fault
      delete process.env.ASSAY_RUNNER_FAULT;
      const report = await runner.scorePredictions(input, { metrics: ['accuracy'] });
      expect(report.overall.accuracy?.value).toBeCloseTo(4 / 6, 15);
      await runner.close();
      const closed = await runner.scorePredictions(input).catch((e) => e);
      expect(closed.code).toBe('INTERRUPTED');
    },
    60_000,
  );
});
