import { describe, expect, test } from 'vitest';
import {
  arrivalOffsets,
  HarnessMonitor,
  type HarnessReading,
  judgeStep,
  type LoadRecord,
  saturationNote,
  stepValidity,
} from '../src/index.js';

function record(scheduledMs: number, lagMs: number): LoadRecord {
  return {
    step: 0,
    index: 0,
    warmup: false,
    scheduledMs,
    sentMs: scheduledMs + lagMs,
    firstTokenMs: scheduledMs + lagMs + 5,
    firstContentMs: scheduledMs + lagMs + 5,
    lastTokenMs: scheduledMs + lagMs + 9,
    endMs: scheduledMs + lagMs + 10,
    inputTokens: 10,
    outputTokens: 2,
    tokenSource: 'server',
    status: 200,
    errorClass: null,
    itlMs: [4],
    correct: null,
    scores: null,
  };
}

const calm: HarnessReading = { eventLoopLagP99Ms: 0.2, eventLoopUtilization: 0.3, cpuUs: 5000 };
/** 100 requests at 100/s, each `lag` ms late. */
const onTime = (lag: (i: number) => number) =>
  Array.from({ length: 100 }, (_, i) => record(i * 10, lag(i)));

describe('the generator judges its own step', () => {
  test('a step on schedule is valid and reports CPU per request', () => {
    const h = judgeStep(
      onTime(() => 0.3),
      calm,
      100,
      0.3,
    );
    expect(h.saturated).toBe(false);
    expect(h.reasons).toEqual([]);
    expect(h.clientCpuUsPerRequest).toBe(50);
    expect(h.achievedRate).toBeCloseTo(100, 0);
  });

  test('schedule lag p99 above 5 ms marks it saturated', () => {
    const h = judgeStep(
      onTime((i) => (i < 3 ? 9 : 0.3)),
      calm,
      100,
      9,
    );
    expect(h.saturated).toBe(true);
    expect(h.reasons[0]).toMatch(/schedule lag p99 9.00 ms is above 5 ms/);
  });

  test('more than 1% of requests late by over 5 ms marks it saturated', () => {
    const h = judgeStep(
      onTime((i) => (i < 3 ? 9 : 0.2)),
      calm,
      100,
      0.3,
    );
    expect(h.reasons).toEqual(['3.0% of requests were sent more than 5 ms late']);
    const one = judgeStep(
      onTime((i) => (i < 1 ? 9 : 0.2)),
      calm,
      100,
      0.3,
    );
    expect(one.saturated).toBe(false);
  });

  test('one or two late sends (a single stall) do not void a short step, whatever its p99', () => {
    // 45 requests at 15/s, two of them sent 7 and 11 ms late: 4.4% of the step, p99 above 5 ms
    const short = Array.from({ length: 45 }, (_, i) =>
      record(i * 66.7, i === 3 ? 7 : i === 20 ? 11 : 0.2),
    );
    const h = judgeStep(short, calm, 15, 9.2);
    expect(h.saturated).toBe(false);
    expect(h.reasons).toEqual([]);
    // a third one is a pattern, not a stall
    short[30] = record(30 * 66.7, 8);
    const three = judgeStep(short, calm, 15, 9.9);
    expect(three.reasons).toEqual([
      'schedule lag p99 9.90 ms is above 5 ms',
      '6.7% of requests were sent more than 5 ms late',
    ]);
  });

  test('one send later than 25 ms voids a step of any size: no stall of a few ms does that', () => {
    const short = Array.from({ length: 45 }, (_, i) => record(i * 66.7, i === 3 ? 150 : 0.2));
    expect(judgeStep(short, calm, 15, 66.9).reasons).toEqual([
      'schedule lag p99 66.90 ms is above 5 ms',
      '2.2% of requests were sent more than 5 ms late',
    ]);
  });

  test('event-loop utilisation is judged over a step of a second or 100 sends, not 3 in 20 ms', () => {
    const busy = (elapsedMs: number): HarnessReading => ({
      ...calm,
      eventLoopUtilization: 0.95,
      elapsedMs,
    });
    const tiny = [record(0, 0), record(5, 0), record(10, 0)];
    expect(judgeStep(tiny, busy(20), undefined, null).saturated).toBe(false);
    // a warm-up counts towards the time: the reading covers it
    expect(judgeStep(tiny, busy(5800), undefined, null).saturated).toBe(true);
    // 100 requests in 0.1 s (a fast closed loop) are enough
    const many = onTime(() => 0);
    expect(judgeStep(many, busy(100), undefined, null).reasons).toEqual([
      'event-loop utilisation 0.95 is above 0.9',
    ]);
  });

  test('an achieved rate below 0.98x the rate of its schedule marks it saturated', () => {
    // the last request (1%, not more) is sent 40 ms late: the lag checks pass, the rate does not
    const trailing = onTime((i) => (i === 99 ? 40 : 0.2));
    const h = judgeStep(trailing, calm, 100, 0.2);
    expect(h.achievedRate!).toBeLessThan(98);
    expect(h.reasons).toEqual([
      `achieved rate ${h.achievedRate!.toFixed(2)}/s is below 0.98x the 100.00/s asked for (its last request went out 0.04 s after the schedule's last arrival)`,
    ]);
    expect(judgeStep(trailing, calm, undefined, 0.2).achievedRate).toBeNull();
  });

  test('the rate note states one rate, rounded: the schedule asks for the target itself', () => {
    // a find-max bisection rate; the note used to print it raw beside a second, drawn rate
    const rate = 21.154549439554394;
    const offsets = arrivalOffsets(40, rate, { kind: 'poisson' }, 3);
    const late = [...offsets].map((at, i) => record(at, i === 39 ? 120 : 0.2));
    const h = judgeStep(late, calm, rate, 0.2);
    expect(h.saturated).toBe(true);
    expect(h.reasons.at(-1)).toMatch(
      /^achieved rate \d+\.\d\d\/s is below 0\.98x the 21\.15\/s asked for \(its last request went out 0\.12 s after the schedule's last arrival\)$/,
    );
    expect(h.reasons.join(' ')).not.toContain('21.1545');
  });

  test('a short Poisson step sent on time reads its target rate: its arrivals span the whole schedule', () => {
    // 15 measured arrivals at 5/s: the draws once asked for 4.57/s, and the step read it
    const offsets = arrivalOffsets(20, 5, { kind: 'poisson' }, 1, 5);
    const measured = [...offsets].slice(5).map((at) => record(at, 0.2));
    const h = judgeStep(measured, calm, 5, 0.2);
    expect(h.achievedRate!).toBeCloseTo(5, 2);
    expect(h.saturated).toBe(false);
  });

  test('event-loop utilisation above 0.9 marks it saturated', () => {
    const h = judgeStep(
      onTime(() => 0.2),
      { ...calm, eventLoopUtilization: 0.95 },
      100,
      0.2,
    );
    expect(h.reasons).toEqual(['event-loop utilisation 0.95 is above 0.9']);
  });

  test('a saturated open loop with 256 or more in flight names a possible backlog; below 256, closed loop or valid, it does not', () => {
    const late = onTime((i) => (i < 3 ? 9 : 0.3));
    const backlog = judgeStep(late, { ...calm, peakInFlight: 2088 }, 100, 7);
    expect(backlog.peakInFlight).toBe(2088);
    expect(backlog.reasons).toEqual([
      'schedule lag p99 7.00 ms is above 5 ms',
      '3.0% of requests were sent more than 5 ms late',
      'up to 2088 requests were in flight at once (handed to the client, each on a connection or waiting for one): if the service answered slower than they arrived, that backlog also slowed the generator; --max-in-flight bounds them (requests beyond it are counted as dropped), so the schedule can be kept',
    ]);
    const bounded = judgeStep(late, { ...calm, peakInFlight: 512, maxInFlight: 512 }, 100, 7);
    expect(bounded.reasons[2]).toMatch(
      /: if the service .*; a lower --max-in-flight than 512 bounds them further \(requests beyond it are counted as dropped\)$/,
    );
    expect(judgeStep(late, { ...calm, peakInFlight: 255 }, 100, 7).reasons).toHaveLength(2);
    expect(judgeStep(late, { ...calm, peakInFlight: 2088 }, undefined, 7).reasons).toHaveLength(2);
    const onSchedule = onTime(() => 0.3);
    const valid = judgeStep(onSchedule, { ...calm, peakInFlight: 2088 }, 100, 0.3);
    expect(valid.saturated).toBe(false);
    expect(valid.reasons).toEqual([]);
    expect(judgeStep(onSchedule, calm, 100, 0.3).peakInFlight).toBeNull();
  });

  test('warm-up requests are left out of the verdict', () => {
    const records = onTime(() => 0.2).map((r, i) =>
      i < 10 ? { ...r, warmup: true, sentMs: r.scheduledMs + 50 } : r,
    );
    expect(judgeStep(records, calm, undefined, 0.2).saturated).toBe(false);
  });
});

describe('the harness monitor', () => {
  test('reads utilisation in [0, 1] and a lag net of the monitor resolution', async () => {
    const monitor = new HarnessMonitor();
    const until = performance.now() + 30;
    while (performance.now() < until) await new Promise((r) => setTimeout(r, 1));
    const reading = monitor.stop();
    expect(reading.eventLoopUtilization).toBeGreaterThanOrEqual(0);
    expect(reading.eventLoopUtilization).toBeLessThanOrEqual(1);
    expect(reading.eventLoopLagP99Ms).toBeGreaterThanOrEqual(0);
    expect(reading.cpuUs).toBeGreaterThan(0);
  });
});

describe('a step where every request failed', () => {
  const step = (completed: number, saturated: boolean) =>
    ({
      requests: { scheduled: 40, completed },
      harness: { saturated, reasons: [] },
      profile: { kind: 'concurrency' },
    }) as never;

  test('is not valid even when the generator kept up, and the note says no figure describes the server', () => {
    // e.g. a base URL whose path answers 404 to every request
    expect(stepValidity(step(0, false))).toBe('NO');
    expect(saturationNote(step(0, false))).toBe(
      'No request succeeded, so no figure here describes the server (valid = NO).',
    );
    expect(stepValidity(step(12, false))).toBe('yes');
    // the HTML report words it apart from a saturated generator
    expect(
      stepValidity(step(0, false), 'no (generator saturated)', 'no (no request succeeded)'),
    ).toBe('no (no request succeeded)');
    expect(
      stepValidity(step(0, true), 'no (generator saturated)', 'no (no request succeeded)'),
    ).toBe('no (generator saturated)');
    expect(saturationNote(step(12, false))).toBeUndefined();
  });
});
