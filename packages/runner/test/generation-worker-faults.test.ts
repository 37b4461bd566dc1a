import { createRunner, RunnerError } from '@assay/runner';
import { afterEach, describe, expect, test } from 'vitest';

const input = { references: ['a b', 'c d'], outputs: ['a b', 'c'] };

afterEach(() => {
  delete process.env.ASSAY_RUNNER_FAULT;
});

describe('a failing generation worker rejects the run and tears the pool down', () => {
  test.each(['exit', 'throw'])(
    'worker fault "%s"',
    async (fault) => {
      process.env.ASSAY_RUNNER_FAULT = fault;
      const runner = createRunner({ workers: 2 });
      const error = await runner.scoreGenerations(input, { metrics: ['bleu'] }).catch((e) => e);
      expect(error).toBeInstanceOf(RunnerError);
      expect(error.code).toBe('WORKER_FAILED');
      delete process.env.ASSAY_RUNNER_FAULT;
      const report = await runner.scoreGenerations(input, { metrics: ['exact_match'] });
      expect(report.overall.exact_match?.value).toBe(0.5);
      await runner.close();
    },
    60_000,
  );
});
