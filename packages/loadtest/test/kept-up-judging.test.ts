import { expect, test } from 'vitest';
import {
  KEPT_UP_RATE_SHARE,
  keptUp,
  keptUpShortfall,
  type LoadRecord,
  type LoadTestResult,
  maxRateLine,
  rateStepOutcome,
  type StepResult,
  summarizeRecords,
} from '../src/index.js';
import { timedRecord } from './support/timed-record.js';

/** `n` arrival times spread evenly over [from, to). */
function evenly(n: number, from: number, to: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / n);
}

/** Records of a FIFO server of 4 slots x 50 ms (80/s) serving arrivals in order. */
function fifo80(starts: number[]): LoadRecord[] {
  const slots = [0, 0, 0, 0];
  return starts.map((s, i) => {
    const slot = slots.indexOf(Math.min(...slots));
    slots[slot] = Math.max(slots[slot]!, s) + 50;
    return timedRecord(i, s, slots[slot]!);
  });
}

test('a step at 84/s whose second half drew few arrivals does not keep up with an 80/s server', () => {
  // the trial's seeded arrivals: 134 in the first 1.5 s, 119 in the second (84/s scheduled)
  const starts = [...evenly(134, 0, 1500), ...evenly(119, 1500, 3000)];
  const figures = summarizeRecords(fifo80(starts));
  const step = { throughput: figures.throughput } as StepResult;
  // completions over arrivals in the second half alone read as keeping up (the old rule)...
  expect(figures.throughput.keptUpShare!).toBeGreaterThan(0.95);
  // ...but the half completed at the server's 80/s, below 98% of the scheduled 84/s
  expect(figures.throughput.keptUpRate!).toBeLessThan(81);
  expect(figures.throughput.keptUpRate! / 84).toBeLessThan(KEPT_UP_RATE_SHARE);
  expect(keptUpShortfall(step, 84)).toMatch(/^completed 0\.9\dx its rate < 0\.98$/);
  expect(keptUp(step, 84, 79.65)).toBe(false);
});

test('a step above the measured capacity keeps up when the service completes its schedule', () => {
  // 84/s evenly against a server quick enough for it (each request 50 ms, no queue)
  const starts = evenly(252, 0, 3000);
  const figures = summarizeRecords(starts.map((s, i) => timedRecord(i, s, s + 50)));
  const step = { throughput: figures.throughput } as StepResult;
  expect(keptUpShortfall(step, 84)).toBeUndefined();
  expect(keptUp(step, 84, 79.65)).toBe(true);
});

/** A find-max rate step with the given health and kept-up figures. */
function rateStep(o: {
  met: boolean;
  saturated: boolean;
  rateShort?: boolean;
  share: number;
  rate: number;
}): StepResult {
  return {
    profile: { kind: 'rate', rate: 87 },
    sloPassed: { passed: o.met },
    harness: { saturated: o.saturated, rateShort: o.rateShort ?? false },
    throughput: { keptUpShare: o.share, keptUpRate: o.rate },
  } as unknown as StepResult;
}

test('a step that fell behind its rate is a kept-up miss even when the generator was saturated', () => {
  // the trial's step at 87/s: kept up 0.896, missed the SLO, lag p99 7 ms
  const behind = rateStep({ met: false, saturated: true, share: 0.896, rate: 78 });
  expect(rateStepOutcome(behind, 87, 79.65)).toBe('kept-up');
  // kept up, missed the SLO on a saturated generator: the generator voided it
  const kept = rateStep({ met: false, saturated: true, share: 1, rate: 87 });
  expect(rateStepOutcome(kept, 87, 79.65)).toBe('generator');
  // the generator fell short of the schedule: the rate shortfall is its doing, not the service's
  const short = rateStep({ met: true, saturated: true, rateShort: true, share: 1, rate: 70 });
  expect(rateStepOutcome(short, 87, 79.65)).toBe('generator');
  // fell behind with an unsaturated generator, SLO met or not
  expect(
    rateStepOutcome(rateStep({ met: true, saturated: false, share: 0.9, rate: 78 }), 87, 79.65),
  ).toBe('kept-up');
  expect(
    rateStepOutcome(rateStep({ met: false, saturated: false, share: 0.9, rate: 78 }), 87, 79.65),
  ).toBe('kept-up');
});

test('the answer for a kept-up upper end does not advise a quieter machine', () => {
  const result = {
    profile: { kind: 'find-max' },
    maxRate: { rate: 80, bracket: [80, 87], slo: 'error_rate<=0.01', upperEnd: 'kept-up' },
  } as unknown as LoadTestResult;
  const line = maxRateLine(result)!;
  expect(line).toContain('fell behind its rate');
  expect(line).not.toContain('quieter machine');
});
