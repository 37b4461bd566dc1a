import { describe, expect, test } from 'vitest';
import {
  findMaxRate,
  type LoadTestResult,
  maxRateLine,
  parseSlo,
  rateStepOutcome,
  type StepLoad,
  type StepResult,
  validityCell,
} from '../src/index.js';

/** The parts of a step that find-max reads. */
function step(o: {
  rate?: number;
  passed: boolean;
  saturated?: boolean;
  rateShort?: boolean;
  share?: number | null;
  steady?: number;
}): StepResult {
  return {
    profile:
      o.rate === undefined
        ? { kind: 'concurrency', concurrency: 64 }
        : { kind: 'rate', rate: o.rate, arrival: 'poisson' },
    requests: { scheduled: 100, sent: 100, completed: 100, failed: 0, dropped: 0, byError: {} },
    throughput: {
      requestsPerSec: o.steady ?? 0,
      steadyRequestsPerSec: o.steady ?? 0,
      keptUpShare: o.share ?? 1,
    },
    sloPassed: { passed: o.passed, failures: o.passed ? [] : ['e2e_p99 = 900 > 500'] },
    harness: {
      saturated: o.saturated ?? false,
      reasons: o.saturated ? ['1.5% of requests were sent more than 5 ms late'] : [],
      ...(o.rate === undefined ? {} : { rateShort: o.rateShort ?? false }),
    },
  } as unknown as StepResult;
}

describe('how --find-max counts a rate step', () => {
  test('a step that met its SLO although some sends were late passes: lateness only made its latencies worse', () => {
    expect(rateStepOutcome(step({ rate: 10, passed: true, saturated: true }), 10, 20)).toBe(
      'pass-late',
    );
  });

  test('a saturated step that missed its SLO, or was not offered its rate, is voided for the generator', () => {
    expect(rateStepOutcome(step({ rate: 10, passed: false, saturated: true }), 10, 20)).toBe(
      'generator',
    );
    const short = step({ rate: 10, passed: true, saturated: true, rateShort: true });
    expect(rateStepOutcome(short, 10, 20)).toBe('generator');
  });

  test('a step above capacity that met its SLO but fell behind says by how much', () => {
    const behind = step({ rate: 30, passed: true, share: 0.87 });
    expect(rateStepOutcome(behind, 30, 20)).toBe('kept-up');
    expect(validityCell(behind, 'kept-up')).toBe('kept up 0.87 < 0.95');
    expect(validityCell(step({ rate: 10, passed: false }), 'slo')).toBe('slo fail');
    const late = step({ rate: 10, passed: true, saturated: true });
    expect(validityCell(late, 'pass-late')).toBe('sent late, passed');
  });

  test('the search keeps a rate that met the SLO with late sends, and says when the generator set the upper end', async () => {
    // capacity 20/s; the service meets the SLO up to 20/s, but the machine is busy: every step
    // at 12/s or more has late sends, and those at 22/s or more were not offered their rate
    const steps: StepResult[] = [];
    const runner = {
      steps,
      async run(load: StepLoad): Promise<StepResult> {
        const s =
          load.kind === 'concurrency'
            ? step({ passed: true, steady: 20 })
            : step({
                rate: load.rate,
                passed: load.rate <= 20,
                saturated: load.rate >= 12,
                rateShort: load.rate >= 22,
              });
        steps.push(s);
        return s;
      },
    };
    const max = await findMaxRate(runner, parseSlo('e2e_p99<=500'), { kind: 'poisson' }, 64, 64);
    // before, every late step was a miss and the answer fell to about half the capacity
    expect(max.rate).toBeGreaterThan(18);
    expect(max.rate).toBeLessThanOrEqual(20);
    expect(max.upperEnd).toBe('generator');
    const line = maxRateLine({ profile: { kind: 'find-max' }, maxRate: max } as LoadTestResult)!;
    expect(line).toMatch(
      /^Largest rate within the SLO \(e2e_p99<=500\): offered \d+\.\d\d requests\/s/,
    );
    expect(line).toContain('was voided because the load generator was saturated');
  });

  test('no rate met the SLO: the line says so instead of a rate of 0', () => {
    const result = {
      profile: { kind: 'find-max' },
      maxRate: { rate: 0, bracket: [0, 1.25], slo: 'e2e_p95<=1', upperEnd: 'slo' },
    } as LoadTestResult;
    expect(maxRateLine(result)).toBe(
      'No rate met the SLO (e2e_p95<=1): the lowest rate tried, offered 1.25 requests/s, missed it.',
    );
  });
});
