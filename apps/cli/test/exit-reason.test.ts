import type { RunResults } from '@assay/report';
import { describe, expect, test } from 'vitest';
import { exitReason } from '../src/run/exit-reason.js';

/** Results with only what the exit reason reads: the threshold checks and the CI level. */
function withChecks(passed: boolean[]): RunResults {
  const thresholds = passed.map((ok, i) => ({
    threshold: `accuracy >= 0.${9 - i}`,
    model: 'nb',
    metric: 'accuracy',
    value: 0.85,
    passed: ok,
    bound: 'value' as const,
  }));
  return { thresholds, evaluation: { ci: 0.95 } } as unknown as RunResults;
}

describe('the exit reason of a finished run', () => {
  test('speaks of one check as one, passed or failed', () => {
    expect(exitReason(withChecks([true]))).toBe('assay: exit 0: the 1 threshold check passed');
    expect(exitReason(withChecks([false]))).toMatch(
      /^assay: exit 1: the 1 threshold check failed: accuracy >= 0\.9 \[nb\] \(/,
    );
  });

  test('counts several checks', () => {
    expect(exitReason(withChecks([true, true]))).toBe(
      'assay: exit 0: all 2 threshold checks passed',
    );
    expect(exitReason(withChecks([true, false]))).toMatch(
      /^assay: exit 1: 1 of 2 threshold checks failed: accuracy >= 0\.8 \[nb\]/,
    );
    expect(exitReason(withChecks([]))).toBe(
      'assay: exit 0: no thresholds set, so nothing gates this run',
    );
  });

  test("keeps the verdict's qualification of a pass: service gates only, another model answered", () => {
    const service = withChecks([true]);
    (service.thresholds[0] as { metric: string }).metric = 'error_rate';
    expect(exitReason(service)).toBe(
      'assay: exit 0: the 1 threshold check passed (service thresholds only)',
    );
    const other = {
      ...withChecks([true, true]),
      servedModelMismatches: [
        {
          role: 'model',
          path: 'models[0].model',
          name: 'nb',
          asked: 'nb-typo',
          served: 'assay-spam-nb',
          count: 4,
          of: 4,
        },
      ],
    } as unknown as RunResults;
    expect(exitReason(other)).toBe(
      'assay: exit 0: all 2 threshold checks passed (another model answered)',
    );
  });
});
