import { describe, expect, test } from 'vitest';
import {
  droppedRecord,
  type LoadRecord,
  parseSlo,
  requestLatency,
  summarizeRecords,
} from '../src/index.js';

/** A completed request of `tokens` output tokens, one chunk each, 10 ms apart. */
function answered(index: number, tokens: number): LoadRecord {
  const start = index * 100;
  return {
    ...droppedRecord({ origin: 0, step: 0 }, index, false, start),
    sentMs: start,
    firstTokenMs: start + 20,
    firstContentMs: start + 20,
    lastTokenMs: start + 20 + 10 * (tokens - 1),
    endMs: start + 21 + 10 * (tokens - 1),
    inputTokens: 5,
    outputTokens: tokens,
    tokenSource: 'server',
    status: 200,
    errorClass: null,
    itlMs: Array.from({ length: tokens - 1 }, () => 10),
  };
}

describe('the SLO verdict of a statistic without a value', () => {
  test('one-token answers: tpot fails saying why, goodput counts them as meeting it', () => {
    const records = [0, 1, 2, 3].map((i) => answered(i, 1));
    const figures = summarizeRecords(records, parseSlo('tpot_p95<=50,itl_p99<=40,ttft_p95<=100'));
    expect(figures.latencyMs.tpot.p95).toBeNull();
    expect(figures.sloPassed).toEqual({
      passed: false,
      failures: [
        'tpot_p95 has no value (no request had 2 or more output tokens, so TPOT is undefined)',
        'itl_p99 has no value (no request had 2 or more chunks, so ITL is undefined)',
      ],
    });
    // vLLM's --goodput: a request without a TPOT is not held to the TPOT bound
    expect(figures.goodput?.fraction).toBe(1);
    // the JSON says the same
    expect(JSON.parse(JSON.stringify(figures)).sloPassed.failures[0]).toBe(
      'tpot_p95 has no value (no request had 2 or more output tokens, so TPOT is undefined)',
    );
  });

  test('a step where nothing completed says so', () => {
    const records = [droppedRecord({ origin: 0, step: 0 }, 0, false, 0)];
    const figures = summarizeRecords(records, parseSlo('ttft_p95<=100,error_rate<=0.5'));
    expect(figures.sloPassed?.failures).toEqual([
      'ttft_p95 has no value (no request completed)',
      'error_rate = 1 > 0.5',
    ]);
  });

  test('a statistic with a value is reported as before', () => {
    const records = [0, 1].map((i) => answered(i, 3));
    const figures = summarizeRecords(records, parseSlo('tpot_p95<=5'));
    expect(figures.sloPassed?.failures).toEqual(['tpot_p95 = 10 > 5']);
  });
});

describe('TPOT runs from the first to the last token, not to the end of the stream', () => {
  test('a slow end of stream (usage chunk, [DONE]) is not spread over the tokens', () => {
    // 4 tokens 10 ms apart, then 300 ms until the stream ends
    const r = { ...answered(0, 4), endMs: 20 + 30 + 300 };
    const lat = requestLatency(r);
    expect(lat.tpot).toBe(10);
    expect(lat.e2e).toBe(350);
    expect(summarizeRecords([r]).latencyMs.tpot.p50).toBe(10);
  });
});

describe('latency bounds and the requests that never answered', () => {
  /** A request that failed (timed out) after 150 ms. */
  function timedOut(index: number): LoadRecord {
    const start = index * 100;
    return {
      ...droppedRecord({ origin: 0, step: 0 }, index, false, start),
      sentMs: start,
      endMs: start + 150,
      errorClass: 'timeout',
    };
  }

  test('more failures than a percentile leaves out break its bound, whatever the completed show', () => {
    // 2 answered in 41 ms, 8 timed out: e2e_p99 of the completed is 41, but 80% never answered
    const records = [answered(0, 3), answered(1, 3), ...[2, 3, 4, 5, 6, 7, 8, 9].map(timedOut)];
    const figures = summarizeRecords(records, parseSlo('e2e_p99<=1000'));
    expect(figures.latencyMs.e2e.p99).toBeLessThan(1000);
    expect(figures.sloPassed).toEqual({
      passed: false,
      failures: [
        'e2e_p99: 80% of the requests failed or were dropped, more than the 1% that p99 leaves out, so it is not met (the latency figures cover the completed requests only)',
      ],
    });
  });

  test('fewer failures than a percentile leaves out: judged on the completed requests', () => {
    // 1 of 10 failed: p50 leaves out half, so the completed requests decide
    const records = [...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => answered(i, 3)), timedOut(9)];
    const figures = summarizeRecords(records, parseSlo('e2e_p50<=1000'));
    expect(figures.sloPassed).toEqual({ passed: true, failures: [] });
    const max = summarizeRecords(records, parseSlo('e2e_max<=1000'));
    expect(max.sloPassed?.passed).toBe(false);
  });
});
