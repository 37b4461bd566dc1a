import { describe, expect, test } from 'vitest';
import { LoadTestError, parseSlo, resolveLoadTest, sloKeys } from '../src/index.js';

const base = { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };

describe('--slo', () => {
  test('parses percentile bounds and the error rate', () => {
    const slo = parseSlo('ttft_p95<=300, tpot_p95<=50,e2e_p99<=2000,error_rate<=0.01');
    expect(slo.bounds).toEqual([
      { key: 'ttft_p95', metric: 'ttft', stat: 'p95', max: 300 },
      { key: 'tpot_p95', metric: 'tpot', stat: 'p95', max: 50 },
      { key: 'e2e_p99', metric: 'e2e', stat: 'p99', max: 2000 },
      { key: 'error_rate', metric: 'error_rate', max: 0.01 },
    ]);
  });

  test('an unknown key is refused with the list of valid keys', () => {
    try {
      parseSlo('ttfb_p95<=300');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LoadTestError);
      const message = (error as LoadTestError).message;
      expect(message).toMatch(/'ttfb_p95' is unknown/);
      for (const key of sloKeys()) expect(message).toContain(key);
      expect(message.includes('\n')).toBe(false);
    }
  });

  test('a bound without a number is refused', () => {
    expect(() => parseSlo('ttft_p95<=fast')).toThrow(/expected a number >= 0/);
    expect(() => parseSlo('ttft_p95>300')).toThrow(/not '<key><=<number>'/);
    expect(() => parseSlo('')).toThrow(LoadTestError);
  });
});

describe('option combinations refused before any request', () => {
  test.each([
    [{ rate: 5, concurrency: 4 }, /--concurrency and --rate cannot be combined/],
    [{ rate: 0 }, /--rate is 0; expected requests per second above 0/],
    [{ rate: -2 }, /--rate is -2/],
    [{}, /Give one load/],
    [{ findMax: true }, /--find-max needs --slo/],
    [{ concurrency: 2.5 }, /--concurrency is 2.5/],
    [{ concurrency: 4, maxInFlight: 8 }, /--max-in-flight applies to open loop/],
    [{ rate: 5, slo: 'latency_p99<=3' }, /'latency_p99' is unknown/],
    [{ rate: 5, ignoreEos: true }, /--ignore-eos needs --max-tokens/],
    [{ rate: 5, arrival: 'bursty' }, /--arrival is 'bursty'/],
    [{ sweep: 0 }, /--sweep is 0/],
  ])('%o is refused', (options, message) => {
    expect(() => resolveLoadTest({ ...base, ...options })).toThrow(message);
  });

  test('a valid open loop becomes a benchmark-mode streaming client', () => {
    const run = resolveLoadTest({ ...base, rate: 5, maxTokens: 8, ignoreEos: true });
    expect(run.load).toEqual({ kind: 'rate', rate: 5, arrival: { kind: 'poisson' } });
    expect(run.durationMs).toBe(30_000);
    expect(run.client).toMatchObject({
      streaming: true,
      benchmarkMode: true,
      retry: { maxRetries: 0 },
      params: { maxTokens: 8, extra: { ignore_eos: true } },
    });
  });
});
