import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer, trainSpamModel } from '@assay/model-server';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  type LoadRecord,
  LoadTestError,
  type LoadTestOptions,
  loadDatasetWorkload,
  openRecordsSink,
  parseSlo,
  RecordStore,
  readRecords,
  requestLatency,
  resolveLoadTest,
  runLoadTest,
  type StepProgress,
  summarizeRecords,
  writeRecords,
} from '../src/index.js';

const model = trainSpamModel();
const workload = await loadDatasetWorkload('builtin:spam-assassin');
let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer({ model, engine: { batchSlots: 4, stepMs: 10 } });
});
afterAll(() => server.close());

function run(options: Partial<LoadTestOptions>, baseUrl = server.baseUrl) {
  return runLoadTest(
    resolveLoadTest({ baseUrl, model: 'assay-spam-nb', maxTokens: 8, ignoreEos: true, ...options }),
    { workload },
  );
}

describe('closed loop', () => {
  test('sends exactly --requests measured requests of max_tokens tokens each', async () => {
    const { result, records } = await run({ concurrency: 3, requests: 24 });
    expect(result.profile).toEqual({ kind: 'concurrency', concurrency: 3 });
    // three workers, each with one request at a time, all busy at some moment
    expect(result.harness.peakInFlight).toBe(3);
    expect(result.requests).toMatchObject({ scheduled: 24, sent: 24, completed: 24, failed: 0 });
    expect(records).toHaveLength(24);
    for (const r of records) {
      expect(r.outputTokens).toBe(8);
      expect(r.tokenSource).toBe('server');
      expect(r.itlMs).toHaveLength(7);
      expect(r.firstTokenMs!).toBeGreaterThanOrEqual(r.sentMs!);
      expect(r.endMs).toBeGreaterThanOrEqual(r.lastTokenMs!);
      const lat = requestLatency(r);
      expect(lat.tpot).toBeCloseTo((r.lastTokenMs! - r.firstTokenMs!) / 7, 9);
    }
    expect(result.throughput.tokenSource).toBe('server');
    expect(result.latencyMs.tpot.p50).not.toBeNull();
  });

  test('the summary equals a recomputation from the records written as JSON lines', async () => {
    const slo = 'ttft_p95<=5000,tpot_p99<=1000,e2e_p99<=10000,error_rate<=0.5';
    const { result, records } = await run({ concurrency: 2, requests: 12, slo });
    const lines = [...records].map((r) => JSON.stringify(r)).join('\n');
    const reread = lines.split('\n').map((l) => JSON.parse(l) as LoadRecord);
    const again = summarizeRecords(reread, parseSlo(slo));
    expect(again.latencyMs).toEqual(result.latencyMs);
    expect(again.requests).toEqual(result.requests);
    expect(again.throughput).toEqual(result.throughput);
    expect(again.goodput).toEqual(result.goodput);
    expect(result.goodput?.fraction).toBe(1);
  });

  test.each(['jsonl', 'arrow'])(
    'records written as .%s read back to the same summary',
    async (ext) => {
      const slo = 'ttft_p99<=5000,itl_p99<=1000';
      const { result, records } = await run({ concurrency: 2, requests: 8, slo });
      const dir = mkdtempSync(join(tmpdir(), 'loadtest-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      const path = join(dir, `records.${ext}`);
      await writeRecords(path, records);
      const back = await readRecords(path);
      expect(back).toHaveLength(records.length);
      expect(back[3]).toEqual(records.at(3));
      const again = summarizeRecords(back, parseSlo(slo));
      expect(again.latencyMs).toEqual(result.latencyMs);
      expect(again.goodput).toEqual(result.goodput);
    },
  );

  test('records streamed to a .jsonl sink read back to the returned records and summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'streamed.jsonl');
    const sink = openRecordsSink(path);
    const { result, records } = await runLoadTest(
      resolveLoadTest({
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        maxTokens: 4,
        ignoreEos: true,
        concurrency: 2,
        requests: 10,
      }),
      {
        workload,
        onRecord: (r) => sink.write(r),
      },
    );
    await sink.close();
    const back = await readRecords(path);
    expect(back).toEqual([...records]);
    const again = summarizeRecords(back);
    expect(again.latencyMs).toEqual(result.latencyMs);
    expect(again.requests).toEqual(result.requests);
  });

  test('warm-up requests are sent and excluded from the statistics', async () => {
    const { result, records } = await run({ concurrency: 2, requests: 6, warmupMs: 300 });
    const warm = [...records].filter((r) => r.warmup);
    expect(warm.length).toBeGreaterThan(0);
    expect(records.length).toBe(6 + warm.length);
    expect(result.requests.scheduled).toBe(6);
  });
});

describe('a callback that throws', () => {
  test.each([
    ['closed loop', { concurrency: 4 }],
    ['open loop', { rate: 100, arrival: 'constant' as const }],
  ])('%s: stops all sending at once and rejects the run with its error', async (_, load) => {
    const own = await startModelServer({ model });
    try {
      const before = own.stats().requests;
      let seen = 0;
      const error = await runLoadTest(
        resolveLoadTest({
          baseUrl: own.baseUrl,
          model: 'assay-spam-nb',
          durationMs: 3000,
          ...load,
        }),
        {
          workload,
          onRecord: () => {
            seen++;
            if (seen === 3) throw new Error('the records disk is full');
          },
        },
      ).catch((e: unknown) => e);
      expect((error as Error).message).toBe('the records disk is full');
      // the load would have sent hundreds of requests over 3 s; only those in flight at the
      // third answer may still reach the server
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(own.stats().requests - before).toBeLessThan(20);
      expect(seen).toBeLessThan(20);
    } finally {
      await own.close();
    }
  });
});

describe('open loop', () => {
  test('requests that find --max-in-flight busy are dropped, never delayed', async () => {
    // one slot of 8 steps of 25 ms: 5 requests/s at most, offered 40/s
    const slow = await startModelServer({ model, engine: { batchSlots: 1, stepMs: 25 } });
    try {
      const { result, records } = await run(
        { rate: 40, durationMs: 1000, maxInFlight: 2, arrival: 'constant' },
        slow.baseUrl,
      );
      expect(result.requests.scheduled).toBe(40);
      expect(result.requests.dropped).toBeGreaterThan(10);
      expect(result.requests.byError.dropped).toBe(result.requests.dropped);
      expect(result.requests.sent + result.requests.dropped).toBe(40);
      // the bound held, and it was reached
      expect(result.harness.peakInFlight).toBe(2);
      for (const r of [...records].filter((x) => x.errorClass === 'dropped'))
        expect(r.sentMs).toBeNull();
    } finally {
      await slow.close();
    }
  });

  test.each([1, 2, 3])(
    "a short step's arrivals span its whole duration, so it offers the rate asked (seed %i)",
    async (seed) => {
      // --rate 5 --duration 2s once scheduled its 10 arrivals over 1.3 s and read 7.62/s
      const { result, records } = await run({ rate: 5, durationMs: 2000, seed });
      const measured = [...records].filter((r) => !r.warmup);
      expect(measured).toHaveLength(10);
      const lastScheduled = Math.max(...measured.map((r) => r.scheduledMs));
      const lastEnd = Math.max(...measured.map((r) => r.endMs));
      // durationS: the 2-s schedule, then the drain after its last arrival
      expect(result.durationS - (lastEnd - lastScheduled) / 1000).toBeCloseTo(2, 6);
      // offered at the asked rate (the sends on time), completed at most that
      expect(result.harness.achievedRate!).toBeGreaterThan(0.98 * 5);
      expect(result.harness.achievedRate!).toBeLessThanOrEqual(5 + 1e-9);
      expect(result.throughput.requestsPerSec).toBeLessThan(5);
    },
  );

  test('progress counts the warm-up completions apart, so its numbers reconcile with the result', async () => {
    const seen: StepProgress[] = [];
    const { result, records } = await runLoadTest(
      resolveLoadTest({
        baseUrl: server.baseUrl,
        model: 'assay-spam-nb',
        maxTokens: 8,
        ignoreEos: true,
        rate: 20,
        durationMs: 1500,
        warmupMs: 500,
      }),
      { workload, onProgress: (p) => seen.push(p) },
    );
    const warm = [...records].filter((r) => r.warmup).length;
    expect(warm).toBe(10);
    expect(seen.length).toBeGreaterThan(0);
    // 'done 113' against '100 completed': the warm-up's were in the first only
    const last = seen.at(-1)!;
    expect(last.warmupCompleted).toBe(warm);
    expect(last.completed - last.warmupCompleted).toBeLessThanOrEqual(result.requests.completed);
    expect(result.requests.completed + warm).toBe(records.length);
  });

  test('latency counts from the scheduled time and e2eSend from the actual send', async () => {
    const { result, records } = await run({ rate: 30, requests: 20, arrival: 'poisson' });
    expect(result.profile).toEqual({ kind: 'rate', rate: 30, arrival: 'poisson' });
    for (const r of records) {
      const lat = requestLatency(r);
      expect(lat.e2e).toBeCloseTo(r.endMs - r.scheduledMs, 9);
      expect(lat.e2eSend).toBeCloseTo(r.endMs - r.sentMs!, 9);
      expect(lat.e2e).toBeGreaterThanOrEqual(lat.e2eSend);
    }
    expect(result.harness.achievedRate).not.toBeNull();
    expect(result.scheduleLagMs.p50).not.toBeNull();
    // the reference server streams no reasoning: the first content token is the first token
    const content = [...records].map((r) => r.firstContentMs! - r.scheduledMs);
    expect(result.ttftContentMs.max).toBeCloseTo(Math.max(...content), 9);
    expect(result.ttftContentMs).toEqual(result.latencyMs.ttft);
  });

  test('no arrival is sent before its scheduled time, and arrivals keep schedule order', async () => {
    const { records } = await run({ rate: 200, requests: 60, arrival: 'poisson' });
    const byIndex = [...records].sort((a, b) => a.index - b.index);
    expect(byIndex.map((r) => r.index)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (let i = 0; i < byIndex.length; i++) {
      const r = byIndex[i]!;
      expect(r.sentMs!).toBeGreaterThanOrEqual(r.scheduledMs);
      if (i > 0) expect(r.scheduledMs).toBeGreaterThanOrEqual(byIndex[i - 1]!.scheduledMs);
    }
  });

  test('an abort while waiting for a distant arrival ends the run without sending it', async () => {
    const controller = new AbortController();
    // 0.2 requests/s: the second constant arrival is 5 s after the first
    const options = resolveLoadTest({
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      maxTokens: 8,
      rate: 0.2,
      requests: 3,
      arrival: 'constant',
    });
    setTimeout(() => controller.abort(), 300);
    const t0 = performance.now();
    const { records } = await runLoadTest(options, { workload, signal: controller.signal });
    expect(records.length).toBeLessThan(3);
    // it did not wait for the second arrival, 5 s after the first
    expect(performance.now() - t0).toBeLessThan(4000);
  });

  test('a clock thread that dies mid-schedule fails the run with CLOCK_FAILED at once', async () => {
    // the test-only hook ends the clock thread after its first wake-up; the thread reads the
    // environment when it starts, inside runLoadTest
    process.env.ASSAY_LOADTEST_FAULT = 'clock-exit';
    const t0 = performance.now();
    // 0.5 requests/s: the first arrival (and wake-up) is 2 s in, one gap after the start;
    // without the guard the loop would then wait 2 s per arrival, then forever
    const running = run({ rate: 0.5, requests: 4, arrival: 'constant' });
    try {
      await expect(running).rejects.toMatchObject({
        name: 'LoadTestError',
        code: 'CLOCK_FAILED',
        path: 'rate',
      });
    } finally {
      delete process.env.ASSAY_LOADTEST_FAULT;
    }
    expect(performance.now() - t0).toBeLessThan(2000 + 1500);
  });
});

describe('runtime.records', () => {
  test('an empty store passed in is filled and returned; a used one is refused before any request', async () => {
    const options = resolveLoadTest({
      baseUrl: server.baseUrl,
      model: 'assay-spam-nb',
      concurrency: 2,
      requests: 4,
    });
    const store = new RecordStore();
    const { records } = await runLoadTest(options, { workload, records: store });
    expect(records).toBe(store);
    expect(store.length).toBe(4);
    const refused = runLoadTest(options, { workload, records: store });
    await expect(refused).rejects.toBeInstanceOf(LoadTestError);
    await expect(refused).rejects.toThrow(
      'runtime.records already holds 4 records; pass an empty RecordStore (one per run).',
    );
    expect(store.length).toBe(4);
  });
});
